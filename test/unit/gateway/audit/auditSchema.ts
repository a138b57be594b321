// The checked-in supergraph and its API schema, as the gateway serves them:
// what the audit's unit tests compile operations against.
import { Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { AUTHORIZATION_FEATURES, withoutSecurityPurpose } from '../../../../gateway/supergraph/securityFeatures.ts';
import { repositoryRoot } from '../../../e2e/support/startProcess.ts';

export const SUPERGRAPH_SDL = readFileSync(`${repositoryRoot}schema/supergraph.graphql`, 'utf8');
// As the gateway loads it: authorization directives accepted (enforced by security/).
export const API_SCHEMA: GraphQLSchema = Supergraph.build(withoutSecurityPurpose(SUPERGRAPH_SDL, new Set(AUTHORIZATION_FEATURES)))
  .apiSchema()
  .toGraphQLJSSchema();
