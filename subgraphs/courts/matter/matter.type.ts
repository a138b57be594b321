import { createMatterReferenceTypes } from '../../shared/schema/matterReferences.ts';

/**
 * `Matter` as this subgraph declares it (key-only, resolved by its owners)
 * and the other agencies' types as key-only stubs, so `origin` and
 * `confirms` can name any agency's matter. Made once per process.
 */
export const { Matter, stubs: MATTER_STUBS } = createMatterReferenceTypes('CourtCase');
