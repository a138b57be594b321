import type { PetitionsContext } from '../context.ts';
import type { PetitionRow } from './petition.store.ts';

/** `_entities` for Petition: the petition's row (every representation of a tick in one query), or null. */
export async function resolvePetitionReference(ref: { caseCode: string }, ctx: PetitionsContext): Promise<PetitionRow | null> {
  return (await ctx.loaders.petition.load(ref.caseCode)) ?? null;
}
