import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { AUTHORIZATION_FEATURES, withoutSecurityPurpose } from '../supergraph/securityFeatures.ts';

/**
 * The API schema of a supergraph (what clients query), built as the gateway
 * builds it. The authorization features are unmarked `for: SECURITY` first:
 * the gateway enforces them, and the API schema is the same either way.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  const executable = withoutSecurityPurpose(supergraphSdl, new Set(AUTHORIZATION_FEATURES));
  return Supergraph.build(executable).apiSchema().toGraphQLJSSchema();
}
