// Production runs only registered operations (trusted documents): every
// operation the console can send must be in the manifest the gateway ships,
// found the way the gateway finds it (by its text, within the token limit).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../gateway/console/src/gql/graphql.ts';
import { DEFAULT_LIMITS, DEFAULT_MANIFEST_PATH } from '../../../gateway/limits/parseLimitsConfig.ts';
import { PersistedOperations } from '../../../gateway/production/PersistedOperations.ts';

/** The documents the console's bundle holds: the generated `…Document` constants, as the client sends them. */
const documents = Object.entries(generated)
  .filter(([name, value]) => name.endsWith('Document') && value instanceof String)
  .map(([name, value]) => ({ name: name.replace(/Document$/, ''), text: String(value) }));

describe('the console\'s operations are trusted documents', () => {
  it('generates one typed document per operation file', () => {
    expect(documents.length).toBeGreaterThanOrEqual(29);
    for (const d of documents) expect(d.text).toMatch(new RegExp(`^\\s*(query|mutation) ${d.name}\\b`));
  });

  it('every one of them is registered in the manifest production runs (npm run persist)', () => {
    const manifest = PersistedOperations.fromManifest(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8'), DEFAULT_MANIFEST_PATH);
    const missing = documents.filter((d) => manifest.byText(d.text, DEFAULT_LIMITS.maxTokens)?.name !== d.name).map((d) => d.name);
    expect(missing, 'console operations missing from (or stale in) gateway/production/persisted-operations.json: run npm run persist').toEqual([]);
  });
});
