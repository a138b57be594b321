import type { MatterRef } from '../../shared/schema/matterReferences.ts';
import type { PoliceContext } from '../context.ts';

/** `_entities` for PoliceIncident: a known incident, or null. Batched by the request's loader. */
export async function resolveIncidentReference(ref: MatterRef, ctx: PoliceContext): Promise<MatterRef | null> {
  return (await ctx.loaders.incident.load(ref.caseCode)) ? { __typename: 'PoliceIncident', caseCode: ref.caseCode } : null;
}
