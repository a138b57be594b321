import { buildFederatedSchema, type FederatedSchema } from '../shared/schema/buildFederatedSchema.ts';
import type { MatterRef } from '../shared/schema/matterReferences.ts';
import { resolvePersonReference } from '../shared/schema/Person.ts';
import type { PoliceContext } from './context.ts';
import { resolveIncidentReference } from './incident/incident.reference.ts';
import { IncidentResolver } from './incident/incident.resolver.ts';
import { PersonIncidentsResolver } from './incident/personIncidents.resolver.ts';
import { MatterStubs } from './matter.type.ts';

/** The police subgraph's schema: 110 incidents, and the police slice of Person. */
export function buildPoliceSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [IncidentResolver, PersonIncidentsResolver],
    orphanedTypes: MatterStubs,
    referenceResolvers: {
      Person: { __resolveReference: resolvePersonReference },
      PoliceIncident: { __resolveReference: (ref: MatterRef, ctx: PoliceContext) => resolveIncidentReference(ref, ctx) },
    },
  });
}
