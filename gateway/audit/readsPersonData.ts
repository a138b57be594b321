import {
  getNamedType,
  getOperationAST,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { PERSON_DATA_TYPES } from '../security/personDataTypes.ts';

const cache = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, boolean>>>();

/**
 * Whether an operation reads person data: it selects, anywhere (fragments
 * included), a field whose type is one of PERSON_DATA_TYPES (the security
 * module's list, so the purpose rule and the audit agree), a list of one, or
 * an interface or union one of them implements, or narrows to one with a
 * fragment. Such an operation must state a purpose and is written to the
 * audit log; `centerStats { ... }`, `__typename` and introspection are not.
 * Only the operation that runs (`operationName`) counts, not every operation
 * in the document. Cached per schema and document object.
 */
export function readsPersonData(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  let byDocument = cache.get(schema);
  if (!byDocument) cache.set(schema, (byDocument = new WeakMap()));
  let byName = byDocument.get(document);
  if (!byName) byDocument.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let answer = byName.get(key);
  if (answer === undefined) {
    answer = compute(schema, document, operationName);
    byName.set(key, answer);
  }
  return answer;
}

function compute(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const root = schema.getRootType(operation.operation);
  if (!root) return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const visiting = new Set<string>();

  const selects = (selectionSet: SelectionSetNode, parent: GraphQLNamedType): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection (__typename, __schema, __type) describes the schema, not people.
        if (selection.name.value.startsWith('__')) continue;
        if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        if (isPersonData(schema, type)) return true;
        if (selection.selectionSet && selects(selection.selectionSet, type)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!type) continue;
        if (PERSON_DATA_TYPES.has(type.name)) return true;
        if (selects(selection.selectionSet, type)) return true;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type) continue;
        if (PERSON_DATA_TYPES.has(type.name)) return true;
        visiting.add(name);
        const found = selects(fragment.selectionSet, type);
        visiting.delete(name);
        if (found) return true;
      }
    }
    return false;
  };
  return selects(operation.selectionSet, root);
}

function isPersonData(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  if (PERSON_DATA_TYPES.has(type.name)) return true;
  return isAbstractType(type) && schema.getPossibleTypes(type).some((t) => PERSON_DATA_TYPES.has(t.name));
}
