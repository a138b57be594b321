import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { Access } from './accessFor.ts';
import type { AuthorizationIndex } from './buildAuthorizationIndex.ts';
import type { RemovedField } from './Principal.ts';

/**
 * The alias of the `__typename` the rewrite adds where restoring needs to
 * know an object's type (or where removal left a selection set empty). Names
 * starting with `__` are reserved by the GraphQL spec, so no client's alias
 * collides with it; it is stripped from the response.
 */
export const TYPENAME_ALIAS = '__onewindow_typename';

/** How to put removed selections back, per selection set: a tree that follows the response. */
export interface SetPlan {
  readonly entries: readonly PlanEntry[];
  /** The object type of this selection set when it is concrete (for `__typename` inside a removed fragment). */
  readonly staticType: string | undefined;
}

export type PlanEntry =
  /** A removed field: null in the response (or its nearest nullable parent when non-null). `coordinate` when it is reported. */
  | { readonly kind: 'removed'; readonly key: string; readonly type: GraphQLOutputType; readonly directives: readonly DirectiveNode[]; readonly coordinate?: string }
  /** `__typename` inside a removed fragment: always answerable. */
  | { readonly kind: 'typename'; readonly key: string; readonly directives: readonly DirectiveNode[] }
  /** A kept field with removals below it. */
  | { readonly kind: 'field'; readonly key: string; readonly type: GraphQLOutputType; readonly directives: readonly DirectiveNode[]; readonly child: SetPlan }
  /** A fragment (inline or named) with removals inside, applying to objects of `types` (all when undefined); removed itself when `removedType`. */
  | {
      readonly kind: 'fragment';
      readonly types: ReadonlySet<string> | undefined;
      readonly directives: readonly DirectiveNode[];
      readonly child: SetPlan;
      readonly removedType?: string;
    };

export interface OperationRewrite {
  /** The rewritten document to execute; undefined when nothing was removed (execute the original text). */
  readonly text: string | undefined;
  readonly removed: readonly RemovedField[];
  /** Coordinates of the scope-protected fields the operation keeps (unmasked values served). */
  readonly sensitiveFields: readonly string[];
  readonly readsPersonData: boolean;
  /** How to restore removed selections as nulls; undefined when nothing was removed. */
  readonly plan: SetPlan | undefined;
  /** The operation's variable definitions, for @skip/@include while restoring. */
  readonly variableDefinitions: readonly VariableDefinitionNode[];
}

export interface RewriteInput {
  /** Parsed and already validated against `schema`. */
  readonly document: DocumentNode;
  readonly operationName: string | undefined;
  /** The API schema clients validate against. */
  readonly schema: GraphQLSchema;
  readonly index: AuthorizationIndex;
  readonly access: Access;
  readonly personDataTypes: ReadonlySet<string>;
}

/** Most removed fields reported per operation (paths multiply through named fragments). */
const MAX_REPORTED = 200;
const MAX_PATH_VISITS = 20_000;

const ALIAS_FIELD: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: TYPENAME_ALIAS },
  name: { kind: Kind.NAME, value: '__typename' },
};

/**
 * Apollo Router's authorization, applied to the operation text before Apollo
 * Server sees it: every field the user may not see (its own requirements,
 * the same field on each implementation when selected through an interface,
 * or the requirements of the type it returns) and every fragment on a type
 * the user may not see is removed. A field returning an abstract type some
 * of whose implementations are forbidden is removed when it selects fields
 * directly, and kept when it selects only through fragments (each fragment
 * is then judged by its own type). Returns the rewritten text (so that
 * Apollo Server's document cache and @apollo/gateway's plan cache, both
 * keyed by the text, key on what this user may run), what was removed, and
 * a plan to restore the removed selections as nulls in the response.
 * Undefined when the document has no such operation (Apollo Server answers).
 */
export function rewriteOperation(input: RewriteInput): OperationRewrite | undefined {
  const { document, operationName, schema } = input;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  // As graphql-js's getOperationAST, which Apollo Server uses: an empty name is a name.
  const operation =
    operationName !== undefined ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return undefined;
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  if (!root) return undefined;

  const rewriter = new Rewriter(input, document);
  const result = rewriter.visitSet(operation.selectionSet, root);
  const removed = rewriter.reportRemovals(result.plan);
  const base = {
    sensitiveFields: [...rewriter.sensitive].sort(),
    readsPersonData: rewriter.readsPersonData,
    variableDefinitions: operation.variableDefinitions ?? [],
  };
  if (!rewriter.removedAny) return { ...base, text: undefined, removed: [], plan: undefined };

  const rewritten: OperationDefinitionNode = { ...operation, selectionSet: result.node };
  const fragments = rewriter.reachableFragments(rewritten);
  const used = usedVariables([rewritten, ...fragments]);
  const output: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...rewritten, variableDefinitions: (operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value)) }, ...fragments],
  };
  return { ...base, text: print(output), removed, plan: result.plan };
}

interface VisitedSet {
  node: SelectionSetNode;
  plan: SetPlan;
  changed: boolean;
}

class Rewriter {
  readonly sensitive = new Set<string>();
  readsPersonData = false;
  removedAny = false;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly visitedFragments = new Map<string, VisitedSet>();

  constructor(
    private readonly input: RewriteInput,
    document: DocumentNode,
  ) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
  }

  visitSet(set: SelectionSetNode, type: GraphQLCompositeType): VisitedSet {
    const { schema } = this.input;
    const selections: SelectionNode[] = [];
    const entries: PlanEntry[] = [];
    let changed = false;
    for (const selection of set.selections) {
      const directives = selection.directives ?? [];
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const key = selection.alias?.value ?? name;
        const field = name.startsWith('__') ? undefined : fieldOf(type, name);
        if (!field) {
          // __typename, introspection (no directives apply), or unknown (validation already passed).
          selections.push(selection);
          continue;
        }
        const named = getNamedType(field.type);
        if (this.isPersonData(named)) this.readsPersonData = true;
        if (!this.fieldAllowed(type, field, selection.selectionSet)) {
          entries.push({ kind: 'removed', key, type: field.type, directives, coordinate: `${type.name}.${name}` });
          this.removedAny = true;
          changed = true;
          continue;
        }
        if (this.isSensitive(type, field)) this.sensitive.add(`${type.name}.${name}`);
        if (selection.selectionSet && isCompositeType(named)) {
          const child = this.visitSet(selection.selectionSet, named);
          selections.push(child.changed ? { ...selection, selectionSet: child.node } : selection);
          changed ||= child.changed;
          if (child.plan.entries.length > 0) entries.push({ kind: 'field', key, type: field.type, directives, child: child.plan });
        } else {
          selections.push(selection);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (!condition || !isCompositeType(condition)) {
          selections.push(selection);
          continue;
        }
        const types = this.typesFor(condition, type);
        if (selection.typeCondition && !this.typeAllowed(condition, selection.selectionSet)) {
          entries.push({ kind: 'fragment', types, directives, child: this.allRemoved(selection.selectionSet, condition), removedType: condition.name });
          this.removedAny = true;
          changed = true;
          continue;
        }
        const child = this.visitSet(selection.selectionSet, condition);
        selections.push(child.changed ? { ...selection, selectionSet: child.node } : selection);
        changed ||= child.changed;
        if (child.plan.entries.length > 0) entries.push({ kind: 'fragment', types, directives, child: child.plan });
      } else {
        const definition = this.fragments.get(selection.name.value);
        const condition = definition ? schema.getType(definition.typeCondition.name.value) : undefined;
        if (!definition || !condition || !isCompositeType(condition)) {
          selections.push(selection);
          continue;
        }
        const types = this.typesFor(condition, type);
        if (!this.typeAllowed(condition, definition.selectionSet)) {
          entries.push({ kind: 'fragment', types, directives, child: this.allRemoved(definition.selectionSet, condition), removedType: condition.name });
          this.removedAny = true;
          changed = true;
          continue;
        }
        selections.push(selection);
        const child = this.visitFragment(definition, condition);
        if (child.plan.entries.length > 0) entries.push({ kind: 'fragment', types, directives, child: child.plan });
      }
    }
    // Restoring must know the object's type where a fragment applies to some
    // types only, or where a removed fragment's fields are put back; and a
    // selection set may not be empty.
    const needsTypename = entries.some((e) => e.kind === 'fragment' && (e.types !== undefined || e.removedType !== undefined));
    if (selections.length === 0 || needsTypename) {
      selections.push(ALIAS_FIELD);
      changed = true;
    }
    return {
      node: changed ? { ...set, selections } : set,
      plan: { entries, staticType: isObjectType(type) ? type.name : undefined },
      changed,
    };
  }

  /** A named fragment is rewritten once: what it may contain depends only on its own type condition. */
  private visitFragment(definition: FragmentDefinitionNode, condition: GraphQLCompositeType): VisitedSet {
    const name = definition.name.value;
    const done = this.visitedFragments.get(name);
    if (done) return done;
    const visited = this.visitSet(definition.selectionSet, condition);
    this.visitedFragments.set(name, visited);
    return visited;
  }

  /** The restore plan of a removed fragment: everything in it comes back null (or as the type name). */
  private allRemoved(set: SelectionSetNode, type: GraphQLCompositeType, seen: ReadonlySet<string> = new Set()): SetPlan {
    const { schema } = this.input;
    const entries: PlanEntry[] = [];
    for (const selection of set.selections) {
      const directives = selection.directives ?? [];
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.name.value === '__typename') {
          entries.push({ kind: 'typename', key, directives });
          continue;
        }
        const field = fieldOf(type, selection.name.value);
        if (field) entries.push({ kind: 'removed', key, type: field.type, directives });
      } else {
        const definition = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : undefined;
        if (selection.kind === Kind.FRAGMENT_SPREAD && (!definition || seen.has(selection.name.value))) continue;
        const conditionName = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition?.name.value : definition!.typeCondition.name.value;
        const condition = conditionName ? schema.getType(conditionName) : type;
        if (!condition || !isCompositeType(condition)) continue;
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : definition!.selectionSet;
        const nextSeen = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen;
        entries.push({ kind: 'fragment', types: this.typesFor(condition, type), directives, child: this.allRemoved(inner, condition, nextSeen) });
      }
    }
    return { entries, staticType: isObjectType(type) ? type.name : undefined };
  }

  /** The concrete types a fragment on `condition` applies to inside `parent`, or undefined when it applies to all of them. */
  private typesFor(condition: GraphQLCompositeType, parent: GraphQLCompositeType): ReadonlySet<string> | undefined {
    if (condition === parent) return undefined;
    const applies = new Set(this.possible(condition).map((t) => t.name));
    return this.possible(parent).every((t) => applies.has(t.name)) ? undefined : applies;
  }

  private possible(type: GraphQLNamedType): readonly GraphQLObjectType[] {
    if (isAbstractType(type)) return this.input.schema.getPossibleTypes(type);
    return isObjectType(type) ? [type] : [];
  }

  private fieldAllowed(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, selectionSet: SelectionSetNode | undefined): boolean {
    const { access, index } = this.input;
    if (!access.allows(index.fields.get(`${parent.name}.${field.name}`))) return false;
    // Through an interface the field may resolve on any implementation: each one's requirements apply.
    if (isInterfaceType(parent)) {
      for (const implementation of this.possible(parent)) {
        if (!access.allows(index.fields.get(`${implementation.name}.${field.name}`))) return false;
      }
    }
    return this.typeAllowed(getNamedType(field.type), selectionSet);
  }

  private typeAllowed(type: GraphQLNamedType, selectionSet: SelectionSetNode | undefined): boolean {
    const { access, index } = this.input;
    if (!access.allows(index.types.get(type.name))) return false;
    if (isAbstractType(type) && selectionSet?.selections.some((s) => s.kind === Kind.FIELD)) {
      return this.possible(type).every((t) => access.allows(index.types.get(t.name)));
    }
    return true;
  }

  private isSensitive(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): boolean {
    const { index } = this.input;
    const scoped = (name: string) => (index.fields.get(name)?.scopes.length ?? 0) > 0;
    if (scoped(`${parent.name}.${field.name}`)) return true;
    if (isInterfaceType(parent) && this.possible(parent).some((t) => scoped(`${t.name}.${field.name}`))) return true;
    return (index.types.get(getNamedType(field.type).name)?.scopes.length ?? 0) > 0;
  }

  private isPersonData(type: GraphQLNamedType): boolean {
    const { personDataTypes } = this.input;
    if (personDataTypes.has(type.name)) return true;
    return isAbstractType(type) && this.possible(type).some((t) => personDataTypes.has(t.name));
  }

  /** One entry per removed field or fragment per response path (list positions not indexed), bounded. */
  reportRemovals(plan: SetPlan): RemovedField[] {
    const out: RemovedField[] = [];
    const seen = new Set<string>();
    let visits = 0;
    const walk = (p: SetPlan, path: string[]) => {
      for (const entry of p.entries) {
        if (out.length >= MAX_REPORTED || ++visits > MAX_PATH_VISITS) return;
        const report = (at: string[], coordinate: string) => {
          const id = `${at.join('.')}\u0000${coordinate}`;
          if (!seen.has(id)) {
            seen.add(id);
            out.push({ path: at, coordinate });
          }
        };
        if (entry.kind === 'removed' && entry.coordinate) report([...path, entry.key], entry.coordinate);
        else if (entry.kind === 'field') walk(entry.child, [...path, entry.key]);
        else if (entry.kind === 'fragment') {
          if (entry.removedType) report(path, entry.removedType);
          else walk(entry.child, path);
        }
      }
    };
    walk(plan, []);
    return out;
  }

  /** The (rewritten) fragment definitions the rewritten operation still uses, in document order. */
  reachableFragments(operation: OperationDefinitionNode): FragmentDefinitionNode[] {
    const reached = new Set<string>();
    const queue: SelectionSetNode[] = [operation.selectionSet];
    while (queue.length > 0) {
      const set = queue.pop()!;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const name = selection.name.value;
          if (reached.has(name)) continue;
          const node = this.rewrittenFragment(name);
          if (!node) continue;
          reached.add(name);
          queue.push(node.selectionSet);
        } else if (selection.selectionSet) {
          queue.push(selection.selectionSet);
        }
      }
    }
    return [...this.fragments.keys()].filter((n) => reached.has(n)).map((n) => this.rewrittenFragment(n)!);
  }

  private rewrittenFragment(name: string): FragmentDefinitionNode | undefined {
    const original = this.fragments.get(name);
    if (!original) return undefined;
    const visited = this.visitedFragments.get(name);
    return visited?.changed ? { ...original, selectionSet: visited.node } : original;
  }
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function usedVariables(definitions: readonly (OperationDefinitionNode | FragmentDefinitionNode)[]): Set<string> {
  const used = new Set<string>();
  for (const definition of definitions) {
    visit(definition, {
      VariableDefinition: () => false,
      Variable(node) {
        used.add(node.name.value);
      },
    });
  }
  return used;
}
