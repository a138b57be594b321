import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CostModel } from '../../../../gateway/limits/CostModel.ts';
import { DEFAULT_LIMITS } from '../../../../gateway/limits/parseLimitsConfig.ts';
import { apiSchemaOf } from '../../../../gateway/production/apiSchemaOf.ts';
import { buildPersistedManifest, SHIPPED_OPERATION_FOLDERS } from '../../../../gateway/production/buildPersistedManifest.ts';
import { operationId } from '../../../../gateway/production/operationId.ts';
import { PERSON_VIEW } from '../../../e2e/support/expectedPersonView.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const supergraph = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
const schema = apiSchemaOf(supergraph);
const limits = { config: DEFAULT_LIMITS, costModel: CostModel.fromSupergraph(supergraph, schema) };

describe('buildPersistedManifest', () => {
  it('makes one entry per operation: body with its fragments, id = SHA-256 of the body', () => {
    const result = buildPersistedManifest(
      [
        { file: 'a.graphql', text: 'query A($c: ID!) { dispute(caseCode: $c) { ...T } } mutation B($c: ID!) { acceptDispute(caseCode: $c) { ...T } }' },
        { file: 'b.graphql', text: 'fragment T on Dispute { caseCode status }' },
      ],
      { schema },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.format).toBe('apollo-persisted-query-manifest');
    const [a, b] = result.manifest.operations;
    expect(a).toMatchObject({ name: 'A', type: 'query' });
    expect(b).toMatchObject({ name: 'B', type: 'mutation' });
    expect(a!.body).toMatch(/^query A[\s\S]*fragment T on Dispute/);
    expect(a!.id).toBe(operationId(a!.body));
  });

  it('lists every problem: anonymous, duplicate, invalid, unknown fragment, over a limit', () => {
    const result = buildPersistedManifest(
      [
        { file: 'x.graphql', text: '{ __typename }' },
        { file: 'y.graphql', text: 'query D { __typename } query D { __typename } query E { nope } query F { ...Missing }' },
        { file: 'z.graphql', text: 'query Deep { disputes { nodes { related { related { related { related { caseCode } } } } } } }' },
      ],
      { schema, limits },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/x\.graphql: every operation needs a name/);
    expect(result.errors.join('\n')).toMatch(/y\.graphql: D: the name is also used/);
    expect(result.errors.join('\n')).toMatch(/y\.graphql: E: Cannot query field "nope"/);
    expect(result.errors.join('\n')).toMatch(/y\.graphql: F: unknown fragment\(s\) Missing/);
    expect(result.errors.join('\n')).toMatch(/z\.graphql: Deep: depth 7, over the limit of 6/);
  });
});

describe('the checked-in manifest (npm run persist)', () => {
  // What `npm run persist` reads: every .graphql file of the shipped folders.
  const sources = SHIPPED_OPERATION_FOLDERS.filter((folder) => existsSync(join(root, folder)))
    .flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.graphql'))
        .map((f) => join(root, folder, f)),
    )
    .sort()
    .map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));
  const result = buildPersistedManifest(sources, { schema, limits });

  it('is up to date with the shipped operations (run `npm run persist`), all passing the default limits', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const checkedIn = readFileSync(join(root, 'gateway/production/persisted-operations.json'), 'utf8');
    expect(checkedIn).toBe(`${JSON.stringify(result.manifest, null, 2)}\n`);
  });

  it('holds the person view, a timeline page, a matter by code, a person search and the dispute ticket mutations', () => {
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const names = result.manifest.operations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['PersonView', 'PersonTimeline', 'MatterByCode', 'SearchPersons', 'IntakeDispute', 'DispatchDispute', 'VerifyDispute']));
    const personView = result.manifest.operations.find((o) => o.name === 'PersonView')!;
    const printed = buildPersistedManifest([{ file: 'p', text: PERSON_VIEW }], { schema });
    expect(printed.ok && printed.manifest.operations[0]!.body).toBe(personView.body);
  });
});
