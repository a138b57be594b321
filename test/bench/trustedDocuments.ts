import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { BenchOperation } from './operations.ts';

export const documentHash = (query: string): string => createHash('sha256').update(query).digest('hex');

/**
 * The bench's operations as a trusted-documents manifest, in Apollo's
 * persisted-query manifest format (what `npm run persist` is expected to
 * write): production runs only registered operations.
 */
export function writeTrustedDocuments(file: string, operations: readonly BenchOperation[]): void {
  const unique = new Map(operations.map((op) => [documentHash(op.query), op]));
  const manifest = {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...unique].map(([id, op]) => ({ id, name: op.operationName, type: 'query', body: op.query })),
  };
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
