import type { GridContext } from '../context.ts';
import type { MatterRef } from '../registry/matter.type.ts';

/** `_entities` for Dispute: a known ticket, or null. */
export async function resolveDisputeReference(ref: MatterRef, ctx: GridContext): Promise<MatterRef | null> {
  return (await ctx.loaders.dispute.load(ref.caseCode)) ? { __typename: 'Dispute', caseCode: ref.caseCode } : null;
}
