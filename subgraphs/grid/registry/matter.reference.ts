import type { GridContext } from '../context.ts';
import type { MatterRef } from './matter.type.ts';

/**
 * `_entities` for the other agencies' matter types: the registry answers
 * their interface fields. A code the registry does not know yet resolves to
 * null (the owner's fields still come from the owner).
 */
export async function resolveMatterReference(ref: MatterRef, ctx: GridContext): Promise<MatterRef | null> {
  const row = await ctx.loaders.matter.load(ref.caseCode);
  return row ? { __typename: ref.__typename, caseCode: ref.caseCode } : null;
}
