import { buildFederatedSchema, type FederatedSchema } from '../shared/schema/buildFederatedSchema.ts';
import { PersonResolver } from './person/person.resolver.ts';

/** The grid subgraph's schema: people, grid cells, dispute tickets, the registry. */
export function buildGridSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [PersonResolver],
    referenceResolvers: {
      Person: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
    },
  });
}
