import { existsSync, readFileSync } from 'node:fs';
import { Kind, parse, print, type DocumentNode } from 'graphql';
import { ConfigError } from '../errors.ts';
import { LruCache } from '../cache/LruCache.ts';
import { operationId } from './operationId.ts';

/** One operation of an Apollo persisted-query manifest. */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

/** Apollo's persisted-query list format (`@apollo/generate-persisted-query-manifest`). */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: PersistedOperation[];
}

export const MANIFEST_FORMAT = 'apollo-persisted-query-manifest';

/**
 * The trusted documents: the operations of a manifest, found by id (the
 * manifest's `id`, a `documentId`), by the SHA-256 of the body (what
 * automatic persisted queries send), or by the body itself. A text matches
 * when it is the body, or parses to the same document (whitespace, commas
 * and comments aside): what runs is always the registered body.
 */
export class PersistedOperations {
  private readonly ids = new Map<string, PersistedOperation>();
  private readonly hashes = new Map<string, PersistedOperation>();
  private readonly canonical = new Map<string, PersistedOperation>();
  private readonly textCache = new LruCache<string, PersistedOperation | null>(1000);

  private constructor(
    readonly operations: readonly PersistedOperation[],
    readonly source: string,
  ) {
    for (const operation of operations) {
      this.ids.set(operation.id, operation);
      this.hashes.set(operationId(operation.body), operation);
      this.canonical.set(print(parse(operation.body, { noLocation: true })), operation);
    }
  }

  /** Reads a manifest file; throws ConfigError naming the file and the problem. */
  static load(path: string): PersistedOperations {
    if (!existsSync(path)) throw new ConfigError(`The persisted-operations manifest ${path} does not exist (run \`npm run persist\`).`);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(`The persisted-operations manifest ${path} cannot be read: ${(error as Error).message}`);
    }
    return PersistedOperations.fromManifest(text, path);
  }

  /** Checks a manifest's shape and every body (parses, one operation of the stated type and name). */
  static fromManifest(text: string, source: string): PersistedOperations {
    const fail = (problem: string) => new ConfigError(`The persisted-operations manifest ${source} is not usable: ${problem}`);
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      throw fail('it is not JSON.');
    }
    const m = manifest as Partial<PersistedQueryManifest> | null;
    if (!m || typeof m !== 'object' || m.format !== MANIFEST_FORMAT || m.version !== 1 || !Array.isArray(m.operations)) {
      throw fail(`expected { "format": "${MANIFEST_FORMAT}", "version": 1, "operations": [...] }.`);
    }
    const seen = new Set<string>();
    const operations: PersistedOperation[] = [];
    for (const [index, item] of m.operations.entries()) {
      const o = item as Partial<PersistedOperation> | null;
      if (!o || typeof o.id !== 'string' || o.id === '' || typeof o.body !== 'string' || typeof o.name !== 'string') {
        throw fail(`operation ${index} needs a string id, name and body.`);
      }
      if (o.type !== 'query' && o.type !== 'mutation' && o.type !== 'subscription') throw fail(`operation ${o.id} has type "${String(o.type)}".`);
      if (seen.has(o.id)) throw fail(`the id ${o.id} is used twice.`);
      seen.add(o.id);
      let document: DocumentNode;
      try {
        document = parse(o.body, { noLocation: true });
      } catch (error) {
        throw fail(`the body of ${o.name || o.id} does not parse: ${(error as Error).message}`);
      }
      const defined = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (defined.length !== 1 || defined[0]!.operation !== o.type || (defined[0]!.name?.value ?? '') !== o.name) {
        throw fail(`the body of ${o.name || o.id} must hold exactly one ${o.type} named "${o.name}".`);
      }
      operations.push({ id: o.id, name: o.name, type: o.type, body: o.body });
    }
    return new PersistedOperations(operations, source);
  }

  get size(): number {
    return this.operations.length;
  }

  /** By the manifest's id (`documentId`, `id`). */
  byId(id: string): PersistedOperation | undefined {
    return this.ids.get(id);
  }

  /** By the SHA-256 of the body (automatic persisted queries). */
  byHash(sha256Hash: string): PersistedOperation | undefined {
    return this.hashes.get(sha256Hash.toLowerCase());
  }

  /**
   * The registered operation this text is (the body, or the same document
   * otherwise spelled), if any. Parsing stops past `maxTokens`: an
   * unregistered token bomb costs no more than the token limit.
   */
  byText(text: string, maxTokens: number): PersistedOperation | undefined {
    const exact = this.hashes.get(operationId(text));
    if (exact) return exact;
    const cached = this.textCache.get(text);
    if (cached !== undefined) return cached ?? undefined;
    let found: PersistedOperation | undefined;
    try {
      found = this.canonical.get(print(parse(text, { noLocation: true, maxTokens })));
    } catch {
      found = undefined;
    }
    // Unregistered texts are not remembered: a flood of distinct ones would only churn the cache.
    if (found) this.textCache.set(text, found);
    return found;
  }
}
