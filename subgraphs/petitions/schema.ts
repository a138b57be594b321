import { buildFederatedSchema, type FederatedSchema } from '../shared/schema/buildFederatedSchema.ts';
import { resolvePersonReference } from '../shared/schema/Person.ts';
import type { PetitionsContext } from './context.ts';
import { OTHER_AGENCY_MATTERS } from './matter.type.ts';
import { resolvePetitionReference } from './petition/petition.reference.ts';
import { PetitionResolver } from './petition/petition.resolver.ts';
import { PersonPetitionsResolver } from './petition/personPetitions.resolver.ts';

/** The petitions subgraph's schema: petitions, their procedure, and the Person slice. */
export function buildPetitionsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [PetitionResolver, PersonPetitionsResolver],
    orphanedTypes: OTHER_AGENCY_MATTERS,
    referenceResolvers: {
      Person: { __resolveReference: resolvePersonReference },
      Petition: { __resolveReference: (ref: { caseCode: string }, ctx: PetitionsContext) => resolvePetitionReference(ref, ctx) },
    },
  });
}
