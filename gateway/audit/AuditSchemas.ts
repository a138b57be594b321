import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileAuditedOperation, type AuditedOperation } from './compileAuditedOperation.ts';
import { SupergraphOwnership } from './SupergraphOwnership.ts';

interface SchemaEntry {
  ownership: SupergraphOwnership;
  /** Compiled operations by document object (Apollo Server reuses one per query hash) and operation name. */
  compiled: WeakMap<DocumentNode, Map<string, AuditedOperation>>;
}

/**
 * The schemas the gateway has served, each with the ownership read from its
 * supergraph and its compiled operations: an operation is compiled for the
 * audit once per schema and document, not per request. A request audited on
 * a schema that a reload has since replaced still finds its own.
 */
export class AuditSchemas {
  private readonly entries = new WeakMap<GraphQLSchema, SchemaEntry>();
  private newest: GraphQLSchema | undefined;

  /** Called on every supergraph load (Apollo Server's `schemaDidLoadOrUpdate`). */
  loaded(apiSchema: GraphQLSchema, coreSupergraphSdl: string | undefined): void {
    this.entries.set(apiSchema, {
      ownership: coreSupergraphSdl ? SupergraphOwnership.fromSupergraph(coreSupergraphSdl) : SupergraphOwnership.EMPTY,
      compiled: new WeakMap(),
    });
    this.newest = apiSchema;
  }

  /** The schema loaded last (for requests refused before Apollo Server saw them). */
  get latest(): GraphQLSchema | undefined {
    return this.newest;
  }

  compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): AuditedOperation {
    let entry = this.entries.get(schema);
    if (!entry) {
      entry = { ownership: SupergraphOwnership.EMPTY, compiled: new WeakMap() };
      this.entries.set(schema, entry);
    }
    let byName = entry.compiled.get(document);
    if (!byName) entry.compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (!compiled) {
      compiled = compileAuditedOperation(schema, entry.ownership, document, operationName);
      byName.set(key, compiled);
    }
    return compiled;
  }
}
