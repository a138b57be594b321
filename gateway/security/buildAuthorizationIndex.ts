import { Kind, parse, type ConstDirectiveNode, type ConstValueNode, type DocumentNode } from 'graphql';

/**
 * What one type or field requires, from every authorization directive on
 * it. All must hold: `@authenticated`; each `@requiresScopes` (an OR of
 * AND-sets of scopes); each `@policy` (an OR of AND-sets of policy names).
 */
export interface Requirements {
  readonly authenticated: boolean;
  readonly scopes: readonly (readonly (readonly string[])[])[];
  readonly policies: readonly (readonly (readonly string[])[])[];
}

/** The authorization directives of one supergraph, by type name and by field coordinate (`Person.idNumber`). */
export interface AuthorizationIndex {
  readonly types: ReadonlyMap<string, Requirements>;
  readonly fields: ReadonlyMap<string, Requirements>;
  /** Every scope and policy name the supergraph mentions, sorted (the rewrite cache keys on the user's outcome for each). */
  readonly scopeNames: readonly string[];
  readonly policyNames: readonly string[];
}

const SPECS = {
  authenticated: /^https:\/\/specs\.apollo\.dev\/authenticated\/v\d+\.\d+$/,
  requiresScopes: /^https:\/\/specs\.apollo\.dev\/requiresScopes\/v\d+\.\d+$/,
  policy: /^https:\/\/specs\.apollo\.dev\/policy\/v\d+\.\d+$/,
} as const;
type Spec = keyof typeof SPECS;

/**
 * Reads `@authenticated`, `@requiresScopes` and `@policy` from a supergraph
 * SDL, as composed (on object and interface types and their fields, scalars
 * and enums). Directive names follow the supergraph's `@link`s (`as:`
 * renames them); a directive whose spec is not linked is someone else's
 * directive and is ignored.
 */
export function buildAuthorizationIndex(sdl: string | DocumentNode): AuthorizationIndex {
  const document = typeof sdl === 'string' ? parse(sdl, { noLocation: true }) : sdl;
  const names = linkedDirectiveNames(document);
  const types = new Map<string, Mutable>();
  const fields = new Map<string, Mutable>();
  const scopeNames = new Set<string>();
  const policyNames = new Set<string>();

  const read = (directives: readonly ConstDirectiveNode[] | undefined, into: Map<string, Mutable>, key: string) => {
    for (const directive of directives ?? []) {
      const spec = names.get(directive.name.value);
      if (!spec) continue;
      const entry = into.get(key) ?? { authenticated: false, scopes: [], policies: [] };
      into.set(key, entry);
      if (spec === 'authenticated') entry.authenticated = true;
      else {
        const argument = spec === 'requiresScopes' ? 'scopes' : 'policies';
        const sets = listOfLists(directive.arguments?.find((a) => a.name.value === argument)?.value);
        (spec === 'requiresScopes' ? entry.scopes : entry.policies).push(sets);
        for (const name of sets.flat()) (spec === 'requiresScopes' ? scopeNames : policyNames).add(name);
      }
    }
  };

  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        read(definition.directives, types, definition.name.value);
        for (const field of definition.fields ?? []) read(field.directives, fields, `${definition.name.value}.${field.name.value}`);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        read(definition.directives, types, definition.name.value);
        break;
      default:
        break;
    }
  }
  return { types, fields, scopeNames: [...scopeNames].sort(), policyNames: [...policyNames].sort() };
}

interface Mutable {
  authenticated: boolean;
  scopes: string[][][];
  policies: string[][][];
}

/** Directive name → spec, from the schema's `@link(url:, as:)`. */
function linkedDirectiveNames(document: DocumentNode): Map<string, Spec> {
  const names = new Map<string, Spec>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const url = stringArgument(directive, 'url');
      if (url === undefined) continue;
      for (const [spec, pattern] of Object.entries(SPECS) as [Spec, RegExp][]) {
        if (pattern.test(url)) names.set(stringArgument(directive, 'as') ?? spec, spec);
      }
    }
  }
  return names;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** `[["a", "b"], ["c"]]`, with GraphQL's list coercion (`"a"` is `[["a"]]`, `["a", "b"]` is `[["a"], ["b"]]`). */
function listOfLists(value: ConstValueNode | undefined): string[][] {
  if (value === undefined) return [];
  const outer = value.kind === Kind.LIST ? value.values : [value];
  return outer.map((inner) => {
    const items = inner.kind === Kind.LIST ? inner.values : [inner];
    return items.filter((v) => v.kind === Kind.STRING).map((v) => (v as { value: string }).value);
  });
}
