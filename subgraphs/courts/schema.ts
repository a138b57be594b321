import { buildFederatedSchema, type FederatedSchema } from '../shared/schema/buildFederatedSchema.ts';
import { resolvePersonReference } from '../shared/schema/Person.ts';
import type { CourtsContext } from './context.ts';
import { resolveCourtCaseReference } from './courtCase/courtCase.reference.ts';
import { CourtCaseMutationResolver } from './courtCase/courtCase.mutations.ts';
import { CourtCaseResolver } from './courtCase/courtCase.resolver.ts';
import { MATTER_STUBS } from './matter/matter.type.ts';
import { PersonCourtCasesResolver } from './person/person.resolver.ts';

/** The courts subgraph's schema: court cases, their cycle, and the courts' slice of Person. */
export function buildCourtsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [CourtCaseResolver, CourtCaseMutationResolver, PersonCourtCasesResolver],
    orphanedTypes: MATTER_STUBS,
    referenceResolvers: {
      Person: { __resolveReference: resolvePersonReference },
      CourtCase: { __resolveReference: (ref: { caseCode: string }, ctx: CourtsContext) => resolveCourtCaseReference(ref, ctx) },
    },
  });
}
