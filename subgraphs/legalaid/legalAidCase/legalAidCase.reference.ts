import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import type { LegalAidContext } from '../context.ts';

/**
 * `_entities` for LegalAidCase: a known case, or null. Every representation
 * goes through the request's loader, so 100 of them are one SQL query.
 */
export async function resolveLegalAidCaseReference(ref: MatterRef, ctx: LegalAidContext): Promise<MatterRef | null> {
  return (await ctx.loaders.legalAidCase.load(ref.caseCode)) ? { __typename: 'LegalAidCase', caseCode: ref.caseCode } : null;
}
