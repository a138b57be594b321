import { createHash } from 'node:crypto';
import { BREAK, Kind, parse, specifiedRules, validate, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { LruCache } from '../cache/LruCache.ts';

/** A text the fast path can run: parsed and valid against one schema, with nothing it leaves to Apollo Server. */
export interface RunnableDocument {
  readonly document: DocumentNode;
  /** SHA-256 (hex) of the text: Apollo Server's query hash, which keys the query-plan cache. */
  readonly hash: string;
  /** The operation `operationName` selects, as graphql-js selects it; undefined when none or ambiguous. */
  operation(operationName: string | undefined): OperationDefinitionNode | undefined;
}

// Texts longer than this are not cached (the cache is bounded by count; this bounds its memory).
const MAX_CACHED_TEXT = 64 * 1024;

/**
 * Parsed and validated documents by text, per schema, so the work is done
 * once per operation, not per request. A text that does not parse, does
 * not validate (graphql-js's specified rules: Apollo Server's, as the gateway
 * configures it), or uses introspection, @defer or @stream is remembered as
 * not runnable here: Apollo Server answers it, with its own errors.
 */
export class DocumentCache {
  private readonly bySchema = new WeakMap<GraphQLSchema, LruCache<string, RunnableDocument | null>>();

  constructor(private readonly maxEntries = 1000) {}

  get(schema: GraphQLSchema, text: string): RunnableDocument | undefined {
    let documents = this.bySchema.get(schema);
    if (!documents) this.bySchema.set(schema, (documents = new LruCache(this.maxEntries)));
    let entry = documents.get(text);
    if (entry === undefined) {
      entry = prepare(schema, text);
      if (text.length <= MAX_CACHED_TEXT) documents.set(text, entry);
    }
    return entry ?? undefined;
  }
}

function prepare(schema: GraphQLSchema, text: string): RunnableDocument | null {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch {
    return null;
  }
  if (leftToApolloServer(document) || validate(schema, document, specifiedRules).length > 0) return null;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const byName = new Map<string, OperationDefinitionNode>();
  for (const operation of operations) if (operation.name) byName.set(operation.name.value, operation);
  return {
    document,
    hash: createHash('sha256').update(text).digest('hex'),
    operation: (operationName) => {
      const operation = operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : byName.get(operationName);
      return operation && operation.operation !== 'subscription' ? operation : undefined;
    },
  };
}

/** Introspection (production refuses it, Apollo Server says how), incremental delivery. */
function leftToApolloServer(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
    Directive(node) {
      if (node.name.value === 'defer' || node.name.value === 'stream') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
