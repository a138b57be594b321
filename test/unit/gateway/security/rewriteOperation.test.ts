// The authorization rewrite and the restoring of removed fields, against a
// supergraph composed with all three directives: the rewritten operation is
// executed on the API schema (as the gateway would execute it), then the
// answer is restored, and compared with what Apollo Router answers.
import { execute, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accessFor } from '../../../../gateway/security/accessFor.ts';
import { buildAuthorizationIndex } from '../../../../gateway/security/buildAuthorizationIndex.ts';
import { PERSON_DATA_TYPES } from '../../../../gateway/security/personDataTypes.ts';
import type { Principal } from '../../../../gateway/security/Principal.ts';
import { restoreRemovedFields } from '../../../../gateway/security/restoreRemovedFields.ts';
import { rewriteOperation, TYPENAME_ALIAS } from '../../../../gateway/security/rewriteOperation.ts';
import { apiSchemaOf, composeAuthzSupergraph, PEOPLE } from './support/authzFixture.ts';

const supergraph = composeAuthzSupergraph({ people: 'http://127.0.0.1:9/people', things: 'http://127.0.0.1:9/things' });
const schema = apiSchemaOf(supergraph);
const index = buildAuthorizationIndex(supergraph);

const user = (over: Partial<Principal>): Principal => ({
  userId: 'u',
  name: 'u',
  agency: '',
  roles: [],
  scopes: [],
  jurisdiction: ['420923'],
  expiresAt: 0,
  ...over,
});
const FULL = user({ agency: 'POLICE', roles: ['supervisor'], scopes: ['person:id_number', 'person:phone', 'admin', 'box:weight'] });
const BASIC = user({ agency: 'GRID' });
const POLICE = user({ agency: 'POLICE' });

const THINGS: Record<string, unknown[]> = {
  p1: [
    { __typename: 'Box', id: 'b1', label: 'box one', weight: 5 },
    { __typename: 'Vault', id: 'v1', label: 'vault one', code: 'X-1' },
  ],
  p2: [{ __typename: 'Box', id: 'b2', label: 'box two', weight: 7 }],
};
const person = (id: string) => {
  const p = PEOPLE.find((x) => x.id === id);
  return p ? { ...p, things: THINGS[id], boxes: THINGS[id]!.filter((t) => (t as { __typename: string }).__typename === 'Box') } : null;
};
const ROOT = {
  person: ({ id }: { id: string }) => person(id),
  people: () => PEOPLE.map((p) => person(p.id)),
  secretCount: 42,
  stats: { count: 2 },
  hello: 'world',
  items: () => Object.values(THINGS).flat(),
  rename: ({ id, name }: { id: string; name: string }) => ({ ...person(id), name }),
};

/** Rewrites for `principal`, executes the rewrite (it must validate), restores: the answer the gateway gives. */
function run(principal: Principal | undefined, query: string, variables?: Record<string, unknown>, operationName?: string) {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  const rewrite = rewriteOperation({ document, operationName, schema, index, access: accessFor(principal, index), personDataTypes: PERSON_DATA_TYPES })!;
  const executed = parse(rewrite.text ?? query);
  expect(validate(schema, executed), rewrite.text).toEqual([]);
  const result = execute({ schema, document: executed, rootValue: ROOT, variableValues: variables ?? {}, operationName }) as { data?: unknown; errors?: unknown[] };
  expect(result.errors).toBeUndefined();
  const json = JSON.parse(JSON.stringify(result.data)) as Record<string, unknown>;
  const data = rewrite.plan ? restoreRemovedFields(json, rewrite.plan, variables, rewrite.variableDefinitions) : json;
  return { rewrite, data, paths: rewrite.removed.map((r) => `${r.path.join('.')} ${r.coordinate}`) };
}

describe('rewriteOperation + restoreRemovedFields', () => {
  it('leaves an operation the user may fully see untouched (the original text runs)', () => {
    const { rewrite, data } = run(FULL, '{ person(id: "p1") { name idNumber phone note secretNonNull } secretCount }');
    expect(rewrite.text).toBeUndefined();
    expect(rewrite.removed).toEqual([]);
    expect(data).toEqual({ person: { name: '王芳', idNumber: '420923199001011234', phone: '13800001234', note: 'n1', secretNonNull: 's1' }, secretCount: 42 });
    expect(rewrite.sensitiveFields).toEqual(['Person.idNumber', 'Person.phone', 'Person.secretNonNull', 'Query.secretCount']);
  });

  it('removes a field the user lacks the scope for: null, with its path; the rest is served', () => {
    const { rewrite, data, paths } = run(BASIC, '{ person(id: "p1") { name idNumberMasked idNumber } }');
    expect(rewrite.text).not.toContain('idNumber\n');
    expect(rewrite.text).not.toMatch(/\bidNumber\b(?!Masked)/);
    expect(data).toEqual({ person: { name: '王芳', idNumberMasked: '420923********1234', idNumber: null } });
    expect(paths).toEqual(['person.idNumber Person.idNumber']);
    expect(rewrite.sensitiveFields).toEqual([]);
  });

  it('@requiresScopes is an OR of AND-sets', () => {
    expect(run(user({ scopes: ['person:phone'] }), '{ person(id: "p1") { phone } }').data).toEqual({ person: { phone: '13800001234' } });
    expect(run(user({ scopes: ['admin'] }), '{ person(id: "p1") { phone } }').data).toEqual({ person: { phone: '13800001234' } });
    expect(run(user({ scopes: ['person:id_number'] }), '{ person(id: "p1") { phone } }').data).toEqual({ person: { phone: null } });
  });

  it('@authenticated holds for any verified user, not without one', () => {
    expect(run(BASIC, '{ person(id: "p1") { note } }').data).toEqual({ person: { note: 'n1' } });
    expect(run(undefined, '{ person(id: "p1") { note } }').data).toEqual({ person: { note: null } });
  });

  it('an empty selection set keeps its object: the added __typename is stripped', () => {
    const { rewrite, data } = run(BASIC, '{ people { idNumber phone } }');
    expect(rewrite.text).toContain(TYPENAME_ALIAS);
    expect(data).toEqual({ people: [{ idNumber: null, phone: null }, { idNumber: null, phone: null }] });
    expect(JSON.stringify(data)).not.toContain(TYPENAME_ALIAS);
  });

  it('a removed non-null field nulls its nearest nullable parent (GraphQL null propagation), up to data', () => {
    const nested = run(BASIC, '{ person(id: "p1") { name secretNonNull } hello }');
    expect(nested.data).toEqual({ person: null, hello: 'world' });
    expect(nested.paths).toEqual(['person.secretNonNull Person.secretNonNull']);
    // people: [Person!]!: a non-null item nulls the list, a non-null list nulls data.
    expect(run(BASIC, '{ people { secretNonNull } hello }').data).toBeNull();
    expect(run(BASIC, '{ secretCount hello }').data).toBeNull();
  });

  it('@policy: functions of the claims (role:, agency:), an unknown or failing one denies', () => {
    expect(run(user({ roles: ['supervisor'] }), '{ stats { count } }').data).toEqual({ stats: { count: 2 } });
    expect(run(BASIC, '{ stats { count } }')).toMatchObject({ data: { stats: null }, paths: ['stats Query.stats'] });
    const mutation = run(POLICE, 'mutation { rename(id: "p1", name: "x") { name } }');
    expect(mutation.data).toBeNull();
    expect(mutation.paths).toEqual(['rename Mutation.rename']);
    expect(run(BASIC, 'mutation { rename(id: "p1", name: "x") { name } }').data).toEqual({ rename: { name: 'x' } });
  });

  it('a field whose type is unauthorized is removed (composition puts a type policy of an implementation on the interface too)', () => {
    // things: [Thing!]! is non-null: its removal nulls the person.
    expect(run(BASIC, '{ person(id: "p2") { name things { id } } }')).toMatchObject({ data: { person: null } });
    expect(run(BASIC, '{ person(id: "p2") { things { id } } }').paths).toEqual(['person.things Person.things']);
    expect(run(BASIC, '{ thing(id: "b1") { id } }')).toMatchObject({ data: { thing: null }, paths: ['thing Query.thing'] });
    expect(run(POLICE, '{ person(id: "p2") { things { id } } }').data).toEqual({ person: { things: [{ id: 'b2' }] } });
  });

  it('a field inside a fragment on one implementation is nulled on that type only', () => {
    const { data, paths, rewrite } = run(POLICE, '{ person(id: "p1") { things { id ... on Box { weight label } ... on Vault { code } } } }');
    expect(rewrite.text).toContain(TYPENAME_ALIAS);
    expect(data).toEqual({ person: { things: [{ id: 'b1', weight: null, label: 'box one' }, { id: 'v1', code: 'X-1' }] } });
    expect(paths).toEqual(['person.things.weight Box.weight']);
  });

  it('named fragments are rewritten once and restored at every path they are spread', () => {
    const query = `query Two { a: person(id: "p1") { ...P } b: person(id: "p2") { ...P } }
      fragment P on Person { name idNumber phone }`;
    const { data, paths } = run(user({ scopes: ['person:phone'] }), query);
    expect(data).toEqual({
      a: { name: '王芳', phone: '13800001234', idNumber: null },
      b: { name: '李强', phone: '13900005678', idNumber: null },
    });
    expect(paths).toEqual(['a.idNumber Person.idNumber', 'b.idNumber Person.idNumber']);
  });

  it('drops variables only the removed fields used, and fragments only they spread', () => {
    const query = `query Q($id: ID!, $withId: Boolean = true) {
      person(id: $id) { name idNumber @include(if: $withId) }
      secretCount
    }`;
    const { rewrite } = run(FULL, query, { id: 'p1' });
    expect(rewrite.text).toBeUndefined();
    const basic = rewriteOperation({
      document: parse(`query Q($x: Int) { hello ...S } fragment S on Query { stats { count } }`),
      operationName: 'Q',
      schema,
      index,
      access: accessFor(BASIC, index),
      personDataTypes: PERSON_DATA_TYPES,
    })!;
    expect(basic.text).toBeDefined();
    expect(validate(schema, parse(basic.text!))).toEqual([]);
  });

  it('honours @skip and @include when restoring', () => {
    const q = 'query ($with: Boolean!) { person(id: "p1") { name idNumber @include(if: $with) } }';
    expect(run(BASIC, q, { with: true }).data).toEqual({ person: { name: '王芳', idNumber: null } });
    expect(run(BASIC, q, { with: false }).data).toEqual({ person: { name: '王芳' } });
    expect(run(BASIC, '{ person(id: "p1") { name idNumber @skip(if: true) } }').data).toEqual({ person: { name: '王芳' } });
  });

  it('removes a fragment on an unauthorized type: its fields come back null for objects of that type', () => {
    // A union carries no directives: only the fragment on the forbidden member goes.
    const { data, paths } = run(BASIC, '{ items { ... on Vault { code __typename } ... on Box { label } } }');
    expect(data).toEqual({ items: [{ label: 'box one' }, { code: null, __typename: 'Vault' }, { label: 'box two' }] });
    expect(paths).toEqual(['items Vault']);
    expect(run(POLICE, '{ items { ... on Vault { code } } }').data).toEqual({ items: [{}, { code: 'X-1' }, {}] });
    // Selecting fields on the union directly while a member is forbidden: the field goes (Router's rule).
    expect(run(BASIC, '{ items { __typename } }')).toMatchObject({ data: null, paths: ['items Query.items'] });
  });

  it('says whether the operation reads person data (Person, matters, ...)', () => {
    expect(run(BASIC, '{ hello stats { count } }').rewrite.readsPersonData).toBe(false);
    expect(run(BASIC, '{ person(id: "p1") { __typename } }').rewrite.readsPersonData).toBe(true);
    expect(run(BASIC, '{ __schema { queryType { name } } }').rewrite.readsPersonData).toBe(false);
  });

  it('produces a valid operation for many shapes and users (the executed text always validates)', () => {
    const queries = [
      '{ people { id name idNumber phone note things { id label ... on Box { weight } ... on Vault { code } } boxes { weight } } }',
      'query A { person(id: "p1") { ...F } } fragment F on Person { idNumber boxes { ...B } } fragment B on Box { weight }',
      '{ person(id: "p2") { boxes { weight } } stats { count } hello }',
      'mutation M($n: String!) { rename(id: "p2", name: $n) { idNumber name } }',
    ];
    for (const principal of [FULL, BASIC, POLICE, undefined, user({ scopes: ['box:weight'] })]) {
      for (const query of queries) run(principal, query, { n: 'z' });
    }
  });
});
