import { createMatterReferenceTypes } from '../../shared/schema/matterReferences.ts';

/**
 * The key-only `Matter` interface this subgraph's `LegalAidCase` implements,
 * and the other agencies' types as key-only stubs: `origin` and
 * `confirmedBy` return references the owners resolve.
 */
export const { Matter, stubs: OtherAgencyMatters } = createMatterReferenceTypes('LegalAidCase');
export type Matter = InstanceType<typeof Matter>;
