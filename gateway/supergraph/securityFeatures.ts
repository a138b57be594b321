import { Kind, parse, print, visit, type ConstDirectiveNode } from 'graphql';

/**
 * The authorization features a supergraph can link `for: SECURITY`
 * (Federation's @authenticated, @requiresScopes, @policy). @apollo/gateway
 * refuses any supergraph that links them, rightly: it cannot enforce them,
 * and serving the fields without enforcement would hand them to anyone. The
 * gateway accepts them when a plugin enforces them (issue 6), or, outside
 * production only, when configured to serve them unenforced.
 */
export const AUTHORIZATION_FEATURES = [
  'https://specs.apollo.dev/authenticated/v0.1',
  'https://specs.apollo.dev/requiresScopes/v0.1',
  'https://specs.apollo.dev/policy/v0.1',
] as const;

/** The feature URLs (without version suffix variations) a supergraph links `for: SECURITY`. */
export function securityFeaturesOf(sdl: string): string[] {
  const found: string[] = [];
  visitLinks(sdl, (url) => found.push(url));
  return found;
}

/**
 * The supergraph with `for: SECURITY` removed from the links of the given
 * features, so that @apollo/gateway loads it; everything else (the directive
 * definitions and applications the enforcing plugin reads) is unchanged.
 */
export function withoutSecurityPurpose(sdl: string, features: ReadonlySet<string>): string {
  const document = parse(sdl);
  const rewritten = visit(document, {
    Directive(node) {
      const url = linkedUrl(node as ConstDirectiveNode);
      if (url === undefined || !features.has(url) || !hasSecurityPurpose(node as ConstDirectiveNode)) return undefined;
      return { ...node, arguments: node.arguments?.filter((a) => a.name.value !== 'for') };
    },
  });
  return print(rewritten);
}

function visitLinks(sdl: string, onSecurityLink: (url: string) => void): void {
  const document = parse(sdl);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      const url = linkedUrl(directive);
      if (url !== undefined && hasSecurityPurpose(directive)) onSecurityLink(url);
    }
  }
}

/** `@link(url:)` (link spec) or `@core(feature:)` (core spec v0.2). */
function linkedUrl(directive: ConstDirectiveNode): string | undefined {
  const argument = directive.name.value === 'link' ? 'url' : directive.name.value === 'core' ? 'feature' : undefined;
  if (!argument) return undefined;
  const value = directive.arguments?.find((a) => a.name.value === argument)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function hasSecurityPurpose(directive: ConstDirectiveNode): boolean {
  const purpose = directive.arguments?.find((a) => a.name.value === 'for')?.value;
  return purpose?.kind === Kind.ENUM && purpose.value === 'SECURITY';
}
