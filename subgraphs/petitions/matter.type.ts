import { createMatterReferenceTypes } from '../shared/schema/matterReferences.ts';

/**
 * The key-only `Matter` interface a petition implements, and the other four
 * agencies' types as key-only stubs, so `origin`, `repeatOf` and a
 * diversion's follow-up can point at any agency's matter by case code.
 */
export const { Matter, stubs: OTHER_AGENCY_MATTERS } = createMatterReferenceTypes('Petition');
