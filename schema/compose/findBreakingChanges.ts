import { ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph } from '@apollo/federation-internals';
import { findBreakingChanges as findGraphqlBreakingChanges } from 'graphql';

export interface BreakingChange {
  type: string;
  description: string;
}

/**
 * Changes that would break existing clients, comparing the client-facing API
 * schemas of two supergraphs: removed types, fields and enum values, changed
 * field types, new required arguments (graphql-js's own classification).
 */
export function findBreakingChanges(oldSupergraphSdl: string, newSupergraphSdl: string): BreakingChange[] {
  // The router's feature set: our supergraphs link the authorization specs.
  const options = { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES };
  const before = Supergraph.build(oldSupergraphSdl, options).apiSchema().toGraphQLJSSchema();
  const after = Supergraph.build(newSupergraphSdl, options).apiSchema().toGraphQLJSSchema();
  return findGraphqlBreakingChanges(before, after).map((c) => ({ type: c.type, description: c.description }));
}
