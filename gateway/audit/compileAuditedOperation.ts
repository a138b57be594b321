import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { readsPersonData } from './readsPersonData.ts';
import type { SupergraphOwnership } from './SupergraphOwnership.ts';

/** The type whose `id` is a person token. */
export const PERSON_TYPE = 'Person';
const PERSON_ID_FIELD = 'id';

/** One selected field, as the audit walks it in an answer. */
export interface FieldStep {
  kind: 'field';
  /** Response key (alias or name). */
  key: string;
  /** Schema coordinate on the type it was selected on, e.g. Person.idNumber, Matter.summary. */
  coordinate: string;
  /** Agencies that can serve it (SupergraphOwnership.ownersOf). */
  owners: readonly string[];
  /** Marked @requiresScopes / @policy in the supergraph. */
  sensitive: boolean;
  /** Its type is an interface or union: the runtime type is read from `typenameKey`. */
  abstract: boolean;
  /** Where the person token is, on objects of type Person at this position. */
  idKey?: string;
  /** Where the runtime type name is, on objects at an abstract position that fragments narrow. */
  typenameKey?: string;
  /** Objects here may carry keys the audit added (`idKey` or `typenameKey` is one): stripped before the answer leaves. */
  stripped?: true;
  /** Sub-selections, for object values. */
  children?: Step[];
}

/** A fragment that applies only to some runtime types of an abstract position. */
export interface FragmentStep {
  kind: 'fragment';
  types: ReadonlySet<string>;
  children: Step[];
}

export type Step = FieldStep | FragmentStep;

export interface AuditedOperation {
  readonly readsPersonData: boolean;
  /**
   * The document to execute: the original with what the audit must read
   * added (the person id on every Person selection, the type name where
   * fragments narrow an interface), under aliases starting with `__` (names
   * the GraphQL spec reserves, so no client's) and unused in the document.
   * The original itself when the operation reads no person data.
   */
  readonly document: DocumentNode;
  /** The operation to execute, in `document`. */
  readonly operation: OperationDefinitionNode | undefined;
  /** How to walk an answer's `data` (empty when the operation reads no person data). */
  readonly steps: readonly Step[];
  /** Response keys the audit added: removed from the answer before it leaves. */
  readonly addedKeys: readonly string[];
}

/**
 * Prepares an operation for the audit (once per schema and document: the
 * result is cached by the caller): decides whether it reads person data
 * (readsPersonData), adds the selections the audit needs to name the persons
 * in the answer even when the client did not ask for their ids, and compiles
 * the walk (collectServed) that finds persons, agencies and sensitive fields
 * in the answer. The document handed in is never modified.
 */
export function compileAuditedOperation(
  schema: GraphQLSchema,
  ownership: SupergraphOwnership,
  document: DocumentNode,
  operationName: string | null | undefined,
): AuditedOperation {
  const original = getOperationAST(document, operationName) ?? undefined;
  if (!original || !readsPersonData(schema, document, operationName)) {
    return { readsPersonData: false, document, operation: original, steps: [], addedKeys: [] };
  }
  const keys = responseKeysOf(document);
  const idAlias = unusedKey(keys, '__onewindow_audit_id');
  const typenameAlias = unusedKey(keys, '__onewindow_audit_typename');
  const augmented = addAuditSelections(schema, document, idAlias, typenameAlias);
  const operation = getOperationAST(augmented, operationName) ?? undefined;
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { readsPersonData: true, document, operation: original, steps: [], addedKeys: [] };

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of augmented.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const compile = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number): Step[] => {
    // Validation refuses fragment cycles; this only bounds a document that skipped it.
    if (depth > 200) return [];
    const steps: Step[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const step = compileField(selection, parent, depth);
        if (step) steps.push(step);
        continue;
      }
      let condition: GraphQLCompositeType = parent;
      let body: SelectionSetNode;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        if (type && isCompositeType(type)) condition = type;
        body = selection.selectionSet;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) condition = type;
        body = fragment.selectionSet;
      }
      const children = compile(body, condition, depth + 1);
      // On an object type every valid fragment applies; on an abstract one,
      // only to the runtime types it names.
      if (condition === parent || isObjectType(parent)) steps.push(...children);
      else steps.push({ kind: 'fragment', types: new Set(possibleTypeNames(schema, condition)), children });
    }
    return steps;
  };
  const compileField = (node: FieldNode, parent: GraphQLCompositeType, depth: number): FieldStep | undefined => {
    const name = node.name.value;
    if (name.startsWith('__') || (!isObjectType(parent) && !isInterfaceType(parent))) return undefined;
    const field = parent.getFields()[name];
    if (!field) return undefined;
    const type = getNamedType(field.type);
    const coordinate = `${parent.name}.${name}`;
    const step: FieldStep = {
      kind: 'field',
      key: node.alias?.value ?? name,
      coordinate,
      owners: ownership.ownersOf(parent.name, name),
      sensitive: ownership.isSensitive(coordinate),
      abstract: isAbstractType(type),
    };
    if (node.selectionSet && isCompositeType(type)) {
      step.children = compile(node.selectionSet, type, depth + 1);
      const idKey = keyOf(node.selectionSet, PERSON_ID_FIELD, idAlias) ?? personFragmentIdKey(node.selectionSet, idAlias);
      if (idKey && (type.name === PERSON_TYPE || step.abstract)) step.idKey = idKey;
      const typenameKey = keyOf(node.selectionSet, '__typename', typenameAlias);
      if (typenameKey && step.abstract) step.typenameKey = typenameKey;
      if (step.idKey === idAlias || step.typenameKey === typenameAlias) step.stripped = true;
    }
    return step;
  };

  return { readsPersonData: true, document: augmented, operation, steps: compile(operation.selectionSet, root, 0), addedKeys: [idAlias, typenameAlias] };
}

/**
 * Adds, in every field selection (operations and fragments alike):
 * `<idAlias>: id` where the field's type is Person and `id` is not already
 * selected plainly; where the type is abstract, `<typenameAlias>: __typename`
 * if fragments narrow it or Person is one of its possible types, and then
 * also `... on Person { <idAlias>: id }`.
 */
function addAuditSelections(schema: GraphQLSchema, document: DocumentNode, idAlias: string, typenameAlias: string): DocumentNode {
  const personType = schema.getType(PERSON_TYPE);
  const person = personType && isObjectType(personType) && personType.getFields()[PERSON_ID_FIELD] ? personType : undefined;
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        // On leave the field's own type is still current, and its selections are final.
        leave(node) {
          const type = typeInfo.getType();
          if (!node.selectionSet || !type) return undefined;
          const named = getNamedType(type);
          const extra: SelectionNode[] = [];
          if (person && named === person && !hasPlainField(node.selectionSet, PERSON_ID_FIELD)) extra.push(aliasedField(idAlias, PERSON_ID_FIELD));
          if (isAbstractType(named)) {
            const mayBePerson = person !== undefined && schema.isSubType(named, person);
            if ((mayBePerson || narrows(node.selectionSet, named.name)) && !hasPlainField(node.selectionSet, '__typename')) {
              extra.push(aliasedField(typenameAlias, '__typename'));
            }
            if (mayBePerson) {
              extra.push({
                kind: Kind.INLINE_FRAGMENT,
                typeCondition: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: PERSON_TYPE } },
                selectionSet: { kind: Kind.SELECTION_SET, selections: [aliasedField(idAlias, PERSON_ID_FIELD)] },
              });
            }
          }
          if (extra.length === 0) return undefined;
          return { ...node, selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, ...extra] } };
        },
      },
    }),
  );
}

function aliasedField(alias: string, name: string): FieldNode {
  return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name } };
}

/** A direct, unconditional selection of `name` under its own name. */
function hasPlainField(selectionSet: SelectionSetNode, name: string): boolean {
  return selectionSet.selections.some(
    (s) => s.kind === Kind.FIELD && s.name.value === name && (!s.alias || s.alias.value === name) && !s.directives?.length,
  );
}

/** Where a field's value is in the answer: its plain selection, else the audit's alias (if added). */
function keyOf(selectionSet: SelectionSetNode, name: string, alias: string): string | undefined {
  if (hasPlainField(selectionSet, name)) return name;
  return selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.alias?.value === alias && s.name.value === name) ? alias : undefined;
}

function personFragmentIdKey(selectionSet: SelectionSetNode, idAlias: string): string | undefined {
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.INLINE_FRAGMENT && s.typeCondition?.name.value === PERSON_TYPE && keyOf(s.selectionSet, PERSON_ID_FIELD, idAlias) === idAlias) {
      return idAlias;
    }
  }
  return undefined;
}

/** Whether a selection on an abstract type has fragments that apply to only some of its types. */
function narrows(selectionSet: SelectionSetNode, typeName: string): boolean {
  return selectionSet.selections.some(
    (s) => s.kind === Kind.FRAGMENT_SPREAD || (s.kind === Kind.INLINE_FRAGMENT && s.typeCondition !== undefined && s.typeCondition.name.value !== typeName),
  );
}

function possibleTypeNames(schema: GraphQLSchema, type: GraphQLCompositeType): string[] {
  return isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name];
}

/** Every response key and field name in the document, so the audit's aliases collide with none. */
function responseKeysOf(document: DocumentNode): Set<string> {
  const keys = new Set<string>();
  visit(document, {
    Field(node) {
      keys.add(node.name.value);
      if (node.alias) keys.add(node.alias.value);
    },
  });
  return keys;
}

function unusedKey(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let i = 1; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}
