import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The shape of a document: what the structural limits compare. */
export interface DocumentShape {
  /** Deepest field nesting; a root field is depth 1, a leaf under it 2. Introspection (`__schema`, `__type`) is not counted (GraphQL Armor's `ignoreIntrospection`). */
  depth: number;
  /** Aliased fields, counted once per fragment spread (a fragment with 10 aliases spread 10 times is 100). */
  aliases: number;
  /** Fields at the top of one operation, fragments expanded (the most of any operation in the document). */
  rootFields: number;
  /** Directives used in selections, fragments and operations, counted once per fragment spread. */
  directives: number;
}

interface SetShape {
  depth: number;
  aliases: number;
  /** Fields directly in this selection set, inline fragments and spreads expanded. */
  fields: number;
  directives: number;
}

const EMPTY: SetShape = { depth: 0, aliases: 0, fields: 0, directives: 0 };
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Measures every operation of a parsed (not yet validated) document and
 * returns the largest of each measure. Each fragment is measured once and its
 * result reused at every spread, so the work is linear in the document's
 * size even when fragments spread each other in a doubling chain (the counts
 * then grow exponentially, and the limits refuse them); a fragment cycle,
 * invalid anyway, counts as empty where it closes.
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, SetShape>();
  const inProgress = new Set<string>();

  const fragmentShape = (name: string): SetShape => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const inner = measureSet(fragment.selectionSet);
    inProgress.delete(name);
    const shape = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
    measured.set(name, shape);
    return shape;
  };

  const measureSet = (set: SelectionSetNode): SetShape => {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    let directives = 0;
    for (const selection of set.selections) {
      directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? measureSet(selection.selectionSet) : EMPTY;
        fields += 1;
        if (selection.alias) aliases += 1;
        aliases += child.aliases;
        directives += child.directives;
        if (!INTROSPECTION_ROOTS.has(selection.name.value)) depth = Math.max(depth, 1 + child.depth);
      } else {
        const child = selection.kind === Kind.INLINE_FRAGMENT ? measureSet(selection.selectionSet) : fragmentShape(selection.name.value);
        depth = Math.max(depth, child.depth);
        aliases += child.aliases;
        fields += child.fields;
        directives += child.directives;
      }
    }
    return { depth, aliases, fields, directives };
  };

  const shape: DocumentShape = { depth: 0, aliases: 0, rootFields: 0, directives: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const operation = measureSet(definition.selectionSet);
    const ownDirectives =
      (definition.directives?.length ?? 0) + (definition.variableDefinitions ?? []).reduce((n, v) => n + (v.directives?.length ?? 0), 0);
    shape.depth = Math.max(shape.depth, operation.depth);
    shape.aliases = Math.max(shape.aliases, operation.aliases);
    shape.rootFields = Math.max(shape.rootFields, operation.fields);
    shape.directives = Math.max(shape.directives, operation.directives + ownDirectives);
  }
  return shape;
}
