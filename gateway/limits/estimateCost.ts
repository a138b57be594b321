import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { CostModel, ListSize } from './CostModel.ts';

export interface CostEstimate {
  cost: number;
  /** The estimate read a variable (a slicing argument, `@skip`/`@include`, an argument's weight): it is valid for these variables only. */
  readsVariables: boolean;
}

/** A list size handed down by a parent's `@listSize(sizedFields:)` to the named child fields. */
interface SizedFields {
  fields: readonly string[];
  size: number;
}

// Apollo Router's demand control (static estimate): a mutation costs 10 before its fields.
const MUTATION_BASE_COST = 10;
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);
// Deeper input values are not scored (no input type of ours nests this deep).
const MAX_INPUT_DEPTH = 32;

/**
 * The estimated cost of one operation, with the demand-control semantics of
 * the IBM GraphQL Cost Directive spec as Apollo Router implements them
 * ("static estimated" strategy):
 *
 * - a field returning an object, interface or union costs 1, a scalar or
 *   enum 0, unless `@cost(weight:)` is on the field (or on its type);
 * - a list multiplies its item's cost (the field's own weight plus its
 *   selections) by its size: the value of a slicing argument (`first`),
 *   else its schema default, else `@listSize(assumedSize:)`, else
 *   `defaultListSize`; a parent's `@listSize(sizedFields:)` sizes those
 *   child fields (a connection's `nodes`) with its own size;
 * - arguments add their `@cost`, an input object 1 plus its fields;
 * - a mutation adds 10; `__typename` and introspection cost nothing; a field
 *   skipped by `@skip`/`@include` costs nothing; every fragment on an
 *   abstract type is counted (an upper bound).
 *
 * Unlike Apollo Router, a missing slicing argument is not an error here
 * (validation is Apollo Server's job, after this): the size falls back as
 * above. `@requires` costs are not added (no subgraph uses it).
 *
 * Each fragment is estimated once per list-size context, so the work is
 * linear in the document's size. Fields unknown to the schema count 0: the
 * document is not validated yet, and validation will refuse it.
 */
export function estimateCost(
  model: CostModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  defaultListSize: number,
): CostEstimate {
  const { schema } = model;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }
  let readsVariables = false;
  /** A variable's value: as sent, else its default in the operation (a literal), else undefined. */
  const variable = (name: string): unknown => {
    readsVariables = true;
    if (Object.hasOwn(variables, name)) return variables[name];
    const fallback = variableDefaults.get(name);
    return fallback ? literal(fallback) : undefined;
  };
  const literal = (value: ValueNode): unknown => {
    switch (value.kind) {
      case Kind.VARIABLE:
        return variable(value.name.value);
      case Kind.INT:
      case Kind.FLOAT:
        return Number(value.value);
      case Kind.BOOLEAN:
        return value.value;
      case Kind.NULL:
        return null;
      case Kind.STRING:
      case Kind.ENUM:
        return value.value;
      case Kind.LIST:
        return value.values.map(literal);
      case Kind.OBJECT:
        return Object.fromEntries(value.fields.map((f) => [f.name.value, literal(f.value)]));
    }
  };

  const skipped = (node: FieldNode | SelectionSetNode['selections'][number]): boolean => {
    for (const directive of node.directives ?? []) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') continue;
      const condition = directive.arguments?.find((a) => a.name.value === 'if');
      const value = condition ? literal(condition.value) : undefined;
      if (name === 'skip' && value === true) return true;
      if (name === 'include' && value === false) return true;
    }
    return false;
  };

  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionSetCost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, sized: SizedFields | undefined): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (skipped(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent, sized);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += selectionSetCost(selection.selectionSet, condition ?? undefined, sized);
      } else {
        cost += fragmentCost(selection.name.value, sized);
      }
    }
    return cost;
  };

  const fragmentCost = (name: string, sized: SizedFields | undefined): number => {
    const key = sized ? `${name}|${sized.size}|${sized.fields.join(',')}` : name;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(key)) return 0;
    inProgress.add(key);
    const cost = selectionSetCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, sized);
    inProgress.delete(key);
    fragmentCosts.set(key, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType | undefined, sized: SizedFields | undefined): number => {
    const name = node.name.value;
    if (name === '__typename' || INTROSPECTION_ROOTS.has(name)) return 0;
    if (!parent || !('getFields' in parent)) return 0;
    const definition = (parent.getFields() as Record<string, GraphQLField<unknown, unknown> | undefined>)[name];
    if (!definition) return 0;
    const returnType = getNamedType(definition.type);
    const listSize = model.listSize(parent.name, name);
    const ownSize = listSize ? sizeFrom(listSize, node, definition) : undefined;

    let count = 1;
    if (isListType(getNullableType(definition.type))) {
      count = sized?.fields.includes(name) ? sized.size : (ownSize ?? defaultListSize);
    }
    const weight = model.fieldWeight(parent.name, name, returnType.name) ?? (isCompositeType(returnType) ? 1 : 0);
    const childSized = listSize?.sizedFields && ownSize !== undefined ? { fields: listSize.sizedFields, size: ownSize } : undefined;
    const selections = node.selectionSet ? selectionSetCost(node.selectionSet, returnType, childSized) : 0;

    let argumentsCost = 0;
    for (const argument of node.arguments ?? []) {
      const argumentDefinition = definition.args.find((a) => a.name === argument.name.value);
      if (!argumentDefinition) continue;
      const coordinate = `${parent.name}.${name}(${argument.name.value}:)`;
      // Only read the value (perhaps a variable) when it can cost something:
      // an estimate that reads no variable is cached for every request.
      const named = getNamedType(argumentDefinition.type);
      if (!isInputObjectType(named) && model.inputWeight(coordinate, named.name) === undefined) continue;
      argumentsCost += inputCost(literal(argument.value), argumentDefinition.type, coordinate);
    }
    return count * (weight + selections) + argumentsCost;
  };

  /** The size `@listSize` gives a field: the largest slicing argument present, else `assumedSize`. */
  const sizeFrom = (listSize: ListSize, node: FieldNode, definition: GraphQLField<unknown, unknown>): number | undefined => {
    let size: number | undefined;
    for (const argumentName of listSize.slicingArguments ?? []) {
      const given = node.arguments?.find((a) => a.name.value === argumentName);
      const value = given ? literal(given.value) : defaultOf(definition.args.find((a) => a.name === argumentName));
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, Math.max(0, Math.floor(value)));
    }
    return size ?? listSize.assumedSize;
  };

  /**
   * Apollo Router's argument scoring: `@cost` of the argument or input field;
   * an input object 1 plus its fields; a list the sum of its items. The walk
   * follows the argument's declared type (a value of another shape is
   * refused by coercion later and scores 0) and stops at MAX_INPUT_DEPTH, so
   * a deeply nested variable cannot exhaust the stack.
   */
  const inputCost = (value: unknown, type: GraphQLInputType, coordinate: string, depth = 0): number => {
    if (value === null || value === undefined || depth > MAX_INPUT_DEPTH) return 0;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const own = model.inputWeight(coordinate, '') ?? 0;
      const items = Array.isArray(value) ? value : [value];
      return items.reduce<number>((sum, item) => sum + inputCost(item, nullable.ofType as GraphQLInputType, coordinate, depth + 1), own);
    }
    if (Array.isArray(value)) return 0;
    const named = getNamedType(type);
    if (isInputObjectType(named)) {
      if (typeof value !== 'object') return 0;
      let cost = model.inputWeight(coordinate, named.name) ?? 1;
      const fields = named.getFields();
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const field = fields[key];
        if (field) cost += inputCost(item, field.type, `${named.name}.${key}`, depth + 1);
      }
      return cost;
    }
    return model.inputWeight(coordinate, named.name) ?? 0;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  const base = operation.operation === 'mutation' ? MUTATION_BASE_COST : 0;
  const cost = base + selectionSetCost(operation.selectionSet, root, undefined);
  return { cost, readsVariables };
}

function defaultOf(argument: GraphQLArgument | undefined): unknown {
  return argument?.defaultValue;
}
