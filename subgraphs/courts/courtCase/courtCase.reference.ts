import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import type { CourtsContext } from '../context.ts';
import { courtCaseRef } from './courtCase.resolver.ts';

/** `_entities` for CourtCase: a known case, or null. All representations of a request load in one query. */
export async function resolveCourtCaseReference(ref: { caseCode: string }, ctx: CourtsContext): Promise<MatterRef | null> {
  return (await ctx.loaders.courtCase.load(ref.caseCode)) ? courtCaseRef(ref.caseCode) : null;
}
