import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The SDL every subgraph includes verbatim: scalars, enums, the Party value type. */
export const SHARED_SDL = readFileSync(fileURLToPath(new URL('./shared.graphql', import.meta.url)), 'utf8');

/**
 * The Federation 2 spec version and directives every subgraph links. v2.9 is
 * the first with `@cost` and `@listSize`, which the gateway's limits read.
 */
export const FEDERATION_LINK = `extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.9"
    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@authenticated", "@requiresScopes", "@policy", "@cost", "@listSize"]
  )
`;
