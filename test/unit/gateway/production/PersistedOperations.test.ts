import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../gateway/errors.ts';
import { operationId } from '../../../../gateway/production/operationId.ts';
import { PersistedOperations } from '../../../../gateway/production/PersistedOperations.ts';
import { resolvePersistedOperation } from '../../../../gateway/production/resolvePersistedOperation.ts';

const body = 'query Hello($id: ID!) {\n  person(id: $id) {\n    name\n  }\n}';
const manifestText = (operations: unknown[]) => JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations });
const manifest = PersistedOperations.fromManifest(manifestText([{ id: 'hello-v1', name: 'Hello', type: 'query', body }]), 'test');

describe('PersistedOperations', () => {
  it('finds an operation by id, by the SHA-256 of its body, and by its text however spelled', () => {
    expect(manifest.byId('hello-v1')?.name).toBe('Hello');
    expect(manifest.byHash(operationId(body))?.name).toBe('Hello');
    expect(manifest.byHash(operationId(body).toUpperCase())?.name).toBe('Hello');
    expect(manifest.byText(body, 1000)?.name).toBe('Hello');
    expect(manifest.byText('# a comment\nquery Hello($id: ID!) { person(id: $id) { name } }', 1000)?.name).toBe('Hello');
    expect(manifest.byText('query Hello($id: ID!) { person(id: $id) { name id } }', 1000)).toBeUndefined();
    expect(manifest.byText('{ not graphql', 1000)).toBeUndefined();
  });

  it('refuses a manifest of the wrong format, a body that does not match its name or type, a duplicate id', () => {
    expect(() => PersistedOperations.fromManifest('[]', 'm.json')).toThrow(ConfigError);
    expect(() => PersistedOperations.fromManifest('not json', 'm.json')).toThrow(/not JSON/);
    expect(() => PersistedOperations.fromManifest(manifestText([{ id: 'a', name: 'Other', type: 'query', body }]), 'm.json')).toThrow(/named "Other"/);
    expect(() => PersistedOperations.fromManifest(manifestText([{ id: 'a', name: 'Hello', type: 'mutation', body }]), 'm.json')).toThrow(/one mutation/);
    const twice = [{ id: 'a', name: 'Hello', type: 'query', body }, { id: 'a', name: 'Hello', type: 'query', body }];
    expect(() => PersistedOperations.fromManifest(manifestText(twice), 'm.json')).toThrow(/used twice/);
  });
});

describe('resolvePersistedOperation', () => {
  const resolve = (request: Partial<Parameters<typeof resolvePersistedOperation>[0]>, enforce: boolean) =>
    resolvePersistedOperation({ query: undefined, documentId: undefined, sha256Hash: undefined, ...request }, manifest, enforce, 1000);

  it('in production: registered operations only, by id, hash or text', () => {
    expect(resolve({ documentId: 'hello-v1' }, true)).toMatchObject({ kind: 'registered', operation: { name: 'Hello' } });
    expect(resolve({ sha256Hash: operationId(body) }, true)).toMatchObject({ kind: 'registered' });
    expect(resolve({ query: body }, true)).toMatchObject({ kind: 'registered' });
    expect(resolve({ query: '{ __typename }' }, true)).toEqual({ kind: 'refused', reason: 'NOT_REGISTERED' });
    expect(resolve({ sha256Hash: 'ab'.repeat(32) }, true)).toEqual({ kind: 'refused', reason: 'UNKNOWN_ID' });
    expect(resolve({ documentId: 'hello-v1', query: '{ __typename }' }, true)).toEqual({ kind: 'refused', reason: 'ID_MISMATCH' });
    expect(resolve({}, true)).toEqual({ kind: 'refused', reason: 'NO_OPERATION' });
  });

  it('outside production: free-form operations, ids still resolved, unknown hashes left to Apollo Server', () => {
    expect(resolve({ query: '{ __typename }' }, false)).toEqual({ kind: 'free' });
    expect(resolve({ documentId: 'hello-v1' }, false)).toMatchObject({ kind: 'registered' });
    expect(resolve({ sha256Hash: 'ab'.repeat(32) }, false)).toEqual({ kind: 'free' });
    expect(resolve({ documentId: 'nope' }, false)).toEqual({ kind: 'refused', reason: 'UNKNOWN_ID' });
  });
});
