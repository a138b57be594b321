import { createMatterReferenceTypes } from '../shared/schema/matterReferences.ts';

/**
 * The key-only `Matter` interface PoliceIncident implements, and the other
 * agencies' types as key-only stubs, so `centerTicket: Matter` can return a
 * Dispute reference that grid resolves. Made once per process.
 */
export const { Matter, stubs: MatterStubs } = createMatterReferenceTypes('PoliceIncident');
