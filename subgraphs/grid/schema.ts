import { typenameOfCaseCode } from '../shared/codes/caseCode.ts';
import { buildFederatedSchema, type FederatedSchema } from '../shared/schema/buildFederatedSchema.ts';
import { resolvePersonReference } from '../shared/schema/Person.ts';
import type { GridContext } from './context.ts';
// First: the Query and Mutation fields of the SDL follow the order the resolver classes are evaluated in.
import { MatterResolver } from './registry/matter.resolver.ts';
import { resolveDisputeReference } from './dispute/dispute.reference.ts';
import { DisputeResolver, PersonDisputesResolver } from './dispute/dispute.resolver.ts';
import { HouseholdResolver } from './person/household.resolver.ts';
import { PersonResolver } from './person/person.resolver.ts';
import { resolveMatterReference } from './registry/matter.reference.ts';
import { CourtCaseEntry, LegalAidCaseEntry, type MatterRef, PetitionEntry, PoliceIncidentEntry } from './registry/matter.type.ts';
import { TimelineResolver } from './registry/timeline.resolver.ts';
import { RiskResolver } from './risk/risk.resolver.ts';
import { StatsResolver } from './stats/stats.resolver.ts';

const matterReference = { __resolveReference: (ref: MatterRef, ctx: GridContext) => resolveMatterReference(ref, ctx) };

/** The grid subgraph's schema: people, grid cells, dispute tickets, the registry. */
export function buildGridSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [PersonResolver, HouseholdResolver, MatterResolver, TimelineResolver, DisputeResolver, PersonDisputesResolver, RiskResolver, StatsResolver],
    orphanedTypes: [PetitionEntry, PoliceIncidentEntry, CourtCaseEntry, LegalAidCaseEntry],
    referenceResolvers: {
      Person: { __resolveReference: resolvePersonReference },
      Dispute: { __resolveReference: (ref: MatterRef, ctx: GridContext) => resolveDisputeReference(ref, ctx) },
      // A representation typed as the interface itself (an entity interface).
      Matter: { __resolveReference: (ref: MatterRef, ctx: GridContext) => resolveMatterReference({ ...ref, __typename: typenameOfCaseCode(ref.caseCode) ?? ref.__typename }, ctx) },
      Petition: matterReference,
      PoliceIncident: matterReference,
      CourtCase: matterReference,
      LegalAidCase: matterReference,
    },
  });
}
