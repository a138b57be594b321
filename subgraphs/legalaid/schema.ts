import type { MatterRef } from '../shared/schema/matterReferences.ts';
import { buildFederatedSchema, type FederatedSchema } from '../shared/schema/buildFederatedSchema.ts';
import { resolvePersonReference } from '../shared/schema/Person.ts';
import type { LegalAidContext } from './context.ts';
import { resolveLegalAidCaseReference } from './legalAidCase/legalAidCase.reference.ts';
import { LegalAidCaseResolver } from './legalAidCase/legalAidCase.resolver.ts';
import { LegalAidCaseMutationResolver } from './legalAidCase/legalAidCaseMutation.resolver.ts';
import { OtherAgencyMatters } from './matter/matter.type.ts';
import { PersonLegalAidCasesResolver } from './person/legalAidCases.resolver.ts';

/** The legal-aid subgraph's schema: legal aid, people's mediation, consultations, labour arbitration. */
export function buildLegalAidSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [LegalAidCaseResolver, LegalAidCaseMutationResolver, PersonLegalAidCasesResolver],
    orphanedTypes: OtherAgencyMatters,
    referenceResolvers: {
      Person: { __resolveReference: resolvePersonReference },
      LegalAidCase: { __resolveReference: (ref: MatterRef, ctx: LegalAidContext) => resolveLegalAidCaseReference(ref, ctx) },
    },
  });
}
