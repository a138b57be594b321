import {
  ERRORS,
  isCompositeType,
  isListType,
  isNonNullType,
  Variable,
  type Directive,
  type Operation,
  type OutputType,
  type Selection,
  type SelectionSet,
} from '@apollo/federation-internals';
import { executeSync, Kind, OperationTypeNode, visit, type DocumentNode, type FieldNode, type GraphQLError, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import type { SchemaFacts, TypeFacts } from './SchemaFacts.ts';

/**
 * Turns the data the query plan fetched into the client's answer: only the
 * fields the operation selected, in its order, under its aliases, with
 * `__typename` and introspection filled in, fragments applied by type,
 * `@skip`/`@include` by variables, leaf values checked and nulls bubbled up
 * to the nearest nullable field. `errors` are the post-processing errors.
 */
export type ResponseShaper = (input: Record<string, unknown>, variables: Record<string, unknown> | undefined) => {
  data: Record<string, unknown> | null;
  errors: GraphQLError[];
};

const FIELD = 0;
const TYPENAME = 1;
const INTROSPECTION = 2;
const FRAGMENT = 3;

type IfArgument = { readonly value: boolean } | { readonly variable: string; readonly text: string; readonly directive: string };
interface SkipTest {
  readonly skip: IfArgument | undefined;
  readonly include: IfArgument | undefined;
}

interface FieldPlan {
  readonly kind: typeof FIELD | typeof TYPENAME;
  readonly responseName: string;
  /** The response name is inherited by plain objects ("constructor"...): read the input with an own-property check. */
  readonly own: boolean;
  readonly skip: SkipTest | undefined;
  readonly type: TypePlan;
}
interface IntrospectionPlan {
  readonly kind: typeof INTROSPECTION;
  readonly responseName: string;
  readonly skip: SkipTest | undefined;
  readonly run: (variables: Record<string, unknown> | undefined) => unknown;
}
interface FragmentPlan {
  readonly kind: typeof FRAGMENT;
  readonly skip: SkipTest | undefined;
  readonly condition: TypeFacts | undefined;
  readonly selections: readonly Plan[];
}
type Plan = FieldPlan | IntrospectionPlan | FragmentPlan;

const NON_NULL = 0;
const LIST = 1;
const COMPOSITE = 2;
const LEAF = 3;
/** `selected`: the field has a selection set (its type is, or wraps, a composite type). */
type TypePlan =
  | { readonly kind: typeof NON_NULL; readonly of: TypePlan; readonly text: string; readonly selected: boolean }
  | { readonly kind: typeof LIST; readonly of: TypePlan; readonly text: string; readonly selected: boolean }
  | { readonly kind: typeof COMPOSITE; readonly facts: TypeFacts; selections: readonly Plan[]; readonly text: string; readonly selected: true }
  | { readonly kind: typeof LEAF; readonly check: (value: unknown) => boolean; readonly text: string; readonly selected: false };

interface State {
  readonly facts: SchemaFacts;
  readonly errors: GraphQLError[];
  /** Defaults, then the request's values: what `@skip(if: $v)` reads. */
  readonly conditionVariables: Record<string, unknown>;
  /** The request's values as sent: what introspection executes with. */
  readonly variables: Record<string, unknown> | undefined;
  readonly bare: boolean;
  // Out-values of `update` (read right after each call).
  invalid: boolean;
  hasErrors: boolean;
}

const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Compiles the response shaping of one operation once: @apollo/gateway's
 * `computeResponse` (resultShaping.ts) walks the operation's
 * `@apollo/federation-internals` selection sets at every request, looking up
 * directives, types and subtyping as it goes; this resolves all of that
 * ahead of time and leaves a walk over plain arrays. Same selections, same
 * order (the operation's normalised selection sets), same errors, same
 * null bubbling.
 *
 * @param operation the operation as @apollo/gateway builds it for shaping (API schema, unvalidated)
 * @param variableDefinitions the operation's variable definitions as parsed (introspection documents use them)
 * @param schema the API schema as graphql-js (introspection runs on it)
 */
export function compileShaper(operation: Operation, variableDefinitions: readonly VariableDefinitionNode[] | undefined, schema: GraphQLSchema, facts: SchemaFacts): ResponseShaper {
  const api = operation.schema();
  const skipDirective = api.skipDirective();
  const includeDirective = api.includeDirective();
  const compiled = new Map<SelectionSet, Plan[]>();
  let bare = false;
  let readsVariables = false;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the directive's parent (field or fragment) does not matter here
  const ifArgument = (directive: Directive<any, { if: boolean | Variable }> | undefined): IfArgument | undefined => {
    if (!directive) return undefined;
    const argument = directive.arguments().if;
    if (argument instanceof Variable) {
      readsVariables = true;
      return { variable: argument.name, text: String(argument), directive: String(directive) };
    }
    return { value: argument };
  };
  const skipTestOf = (selection: Selection): SkipTest | undefined => {
    const skip = ifArgument(selection.element.appliedDirectivesOf(skipDirective)[0]);
    const include = ifArgument(selection.element.appliedDirectivesOf(includeDirective)[0]);
    return skip || include ? { skip, include } : undefined;
  };

  const typePlanOf = (type: OutputType, selectionSet: SelectionSet | undefined): TypePlan => {
    const text = String(type);
    if (isNonNullType(type)) {
      const of = typePlanOf(type.ofType, selectionSet);
      return { kind: NON_NULL, of, text, selected: of.selected };
    }
    if (isListType(type)) {
      const of = typePlanOf(type.ofType, selectionSet);
      return { kind: LIST, of, text, selected: of.selected };
    }
    if (isCompositeType(type)) {
      if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${type}`);
      return { kind: COMPOSITE, facts: facts.type(type.name)!, selections: plansOf(selectionSet), text, selected: true };
    }
    return { kind: LEAF, check: facts.leafCheck(type.name), text, selected: false };
  };

  const plansOf = (selectionSet: SelectionSet): Plan[] => {
    const known = compiled.get(selectionSet);
    if (known) return known;
    const plans: Plan[] = [];
    // Registered before its children: a selection set reached again (a named fragment spread twice) is compiled once.
    compiled.set(selectionSet, plans);
    for (const selection of selectionSet.selections()) {
      const skip = skipTestOf(selection);
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        const responseName = field.responseName();
        if (responseName in Object.prototype) bare = true;
        if (field.definition.isSchemaIntrospectionField()) {
          plans.push({ kind: INTROSPECTION, responseName, skip, run: introspectionOf(selection.expandFragments().toSelectionNode(), variableDefinitions, schema) });
          continue;
        }
        const own = responseName in Object.prototype;
        if (field.name === '__typename') {
          plans.push({ kind: TYPENAME, responseName, own, skip, type: { kind: LEAF, check: () => true, text: 'String!', selected: false } });
          continue;
        }
        plans.push({ kind: FIELD, responseName, own, skip, type: typePlanOf(field.definition.type!, selection.selectionSet) });
      } else {
        const condition = selection.element.typeCondition;
        plans.push({ kind: FRAGMENT, skip, condition: condition ? facts.type(condition.name) : undefined, selections: plansOf(selection.selectionSet) });
      }
    }
    return plans;
  };

  const rootType = api.schemaDefinition.rootType(operation.rootKind);
  if (!rootType) throw new Error(`The schema has no "${operation.rootKind}" root type defined`);
  const root = plansOf(operation.selectionSet);
  const rootFacts = facts.type(rootType.name)!;
  const defaults: Record<string, unknown> = Object.create(null);
  for (const { variable, defaultValue } of operation.variableDefinitions.definitions()) {
    if (defaultValue !== undefined) defaults[variable.name] = defaultValue;
  }

  return (input, variables) => {
    const state: State = {
      facts,
      errors: [],
      conditionVariables: readsVariables ? ({ __proto__: null, ...defaults, ...variables } as Record<string, unknown>) : defaults,
      variables,
      bare,
      invalid: false,
      hasErrors: false,
    };
    const data = newObject(bare);
    const bubbled = applySelections(input, root, data, state, [], rootFacts);
    return { data: bubbled ? null : data, errors: state.errors };
  };
}

function newObject(bare: boolean): Record<string, unknown> {
  return bare ? Object.create(null) : {};
}

function ifValue(argument: IfArgument, variables: Record<string, unknown>): boolean {
  if ('value' in argument) return argument.value;
  const value = variables[argument.variable];
  if (value === undefined || typeof value !== 'boolean') {
    throw new Error(`Unexpected value ${value} for variable ${argument.text} of ${argument.directive}`);
  }
  return value;
}

function skipped(test: SkipTest, variables: Record<string, unknown>): boolean {
  return Boolean((test.skip && ifValue(test.skip, variables)) || (test.include && !ifValue(test.include, variables)));
}

/** Returns true when a null must bubble up past this object. */
function applySelections(
  input: Record<string, unknown>,
  plans: readonly Plan[],
  output: Record<string, unknown>,
  state: State,
  path: (string | number)[],
  parentType: TypeFacts,
): boolean {
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    if (plan.skip !== undefined && skipped(plan.skip, state.conditionVariables)) continue;

    if (plan.kind === FRAGMENT) {
      const typename = input['__typename'];
      if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${typename}`);
      const condition = plan.condition;
      const runtimeType = typename ? (typename as string) : parentType.name;
      // A type is its own subtype: no lookup for the common case.
      if (condition === undefined || condition.name === runtimeType || state.facts.conditionApplies(condition.name, runtimeType)) {
        if (applySelections(input, plan.selections, output, state, path, condition ?? parentType)) return true;
      }
      continue;
    }

    const responseName = plan.responseName;
    const outputValue = output[responseName];
    if (plan.kind === INTROSPECTION) {
      if (outputValue === undefined) output[responseName] = plan.run(state.variables);
      continue;
    }

    let inputValue = (plan.own ? (hasOwn(input, responseName) ? input[responseName] : undefined) : input[responseName]) ?? null;
    if (plan.kind === TYPENAME) {
      if (outputValue === undefined) {
        if (inputValue === null && responseName !== '__typename') inputValue = input['__typename'] ?? null;
        const type =
          inputValue !== null && typeof inputValue === 'string' && inputValue !== parentType.name ? (state.facts.type(inputValue) ?? parentType) : parentType;
        if (!type.isObject) return true;
        output[responseName] = type.name;
      }
      continue;
    }

    path.push(responseName);
    const updated = update(outputValue, plan.type, inputValue, path, state, parentType);
    output[responseName] = updated;
    path.pop();
    if (state.invalid) return true;
  }
  return false;
}

/**
 * `updateOutputValue`: the value of one field (or list element) given what
 * is already in the output and the fetched input. Sets `state.invalid` (a
 * null in a non-null position: bubble up) and `state.hasErrors` (an error
 * was recorded for this value already).
 */
function update(outputValue: unknown, type: TypePlan, inputValue: unknown, path: (string | number)[], state: State, parentType: TypeFacts): unknown {
  if (inputValue === undefined) throw new Error('Should not pass undefined for `inputValue` to this method');
  state.invalid = false;
  state.hasErrors = false;
  if (outputValue === null || (outputValue !== undefined && !type.selected)) return outputValue;

  switch (type.kind) {
    case NON_NULL: {
      const updated = update(outputValue, type.of, inputValue, path, state, parentType);
      if (updated === null) {
        if (!state.hasErrors) {
          state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describe(path, type.of.text, parentType)}.`, { path: Array.from(path) }));
        }
        state.invalid = true;
        state.hasErrors = true;
        return updated;
      }
      state.invalid = false;
      state.hasErrors = false;
      return updated;
    }
    case LIST: {
      if (inputValue === null) return null;
      if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${inputValue} returned by subgraph for list type ${type.text}`);
      if (outputValue !== undefined && !Array.isArray(outputValue)) throw new Error(`Invalid non-list value ${outputValue} returned by subgraph for list type ${type.text}`);
      const length = inputValue.length;
      const existing = outputValue as unknown[] | undefined;
      if (existing !== undefined && existing.length !== length) {
        throw new Error(`[${inputValue}].length (${length}) !== [${existing}].length (${existing.length})`);
      }
      let nullify = false;
      let hasErrors = false;
      const updated = new Array(length);
      for (let index = 0; index < length; index++) {
        path.push(index);
        updated[index] = update(existing === undefined ? undefined : existing[index], type.of, inputValue[index], path, state, parentType);
        path.pop();
        if (state.invalid) nullify = true;
        if (state.hasErrors) hasErrors = true;
      }
      state.invalid = false;
      state.hasErrors = hasErrors;
      return nullify ? null : updated;
    }
    case COMPOSITE: {
      if (inputValue === null) return null;
      if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${type.text}`);
      if (outputValue !== undefined && typeof outputValue !== 'object') {
        throw new Error(`Invalid non-object value ${inputValue} returned by subgraph for composite type ${type.text}`);
      }
      const object = inputValue as Record<string, unknown>;
      const typename = object['__typename'];
      if (typename !== undefined && typeof typename !== 'string') throw new Error(`Invalid non-string value ${typename} for __typename at ${path}`);
      let objectType = type.facts;
      if (typename && typename !== objectType.name) {
        const named = state.facts.type(typename);
        if (!named || !named.isComposite) {
          // The API schema does not know it (e.g. an @inaccessible implementation): not named in the message.
          state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${describe(path, type.text, parentType)}.`, { path: Array.from(path) }));
          state.invalid = false;
          state.hasErrors = true;
          return null;
        }
        objectType = named;
      }
      const output = outputValue === undefined ? newObject(state.bare) : (outputValue as Record<string, unknown>);
      const bubbled = applySelections(object, type.selections, output, state, path, objectType);
      state.invalid = false;
      state.hasErrors = bubbled;
      return bubbled ? null : output;
    }
    case LEAF: {
      if (inputValue === null) return null;
      if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${type.text} for type ${type.text}`);
      const valid = type.check(inputValue);
      if (!valid) state.errors.push(ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describe(path, type.text, parentType)}.`, { path: Array.from(path) }));
      state.invalid = false;
      state.hasErrors = !valid;
      return valid ? inputValue : null;
    }
  }
}

function describe(path: readonly (string | number)[], currentType: string, parentType: TypeFacts): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType.name}.${element}` : `array element of type ${currentType} at index ${element}`;
}

/**
 * An introspection field (`__schema`, `__type`) is executed against the API
 * schema, as @apollo/gateway does: a one-field query of its own, with the
 * variables it uses.
 */
function introspectionOf(selection: FieldNode, variableDefinitions: readonly VariableDefinitionNode[] | undefined, schema: GraphQLSchema): (variables: Record<string, unknown> | undefined) => unknown {
  const used = new Set<string>();
  visit(selection, { Variable: ({ name }) => void used.add(name.value) });
  const definitions = variableDefinitions?.filter((d) => used.has(d.variable.name.value));
  const responseName = selection.alias?.value ?? selection.name.value;
  if (used.size !== (definitions?.length ?? 0)) {
    const message = `Should have found all used variables ${[...used]} in definitions ${JSON.stringify(variableDefinitions)}`;
    return () => {
      throw new Error(message);
    };
  }
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        ...(definitions ? { variableDefinitions: definitions } : {}),
        selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] },
      },
    ],
  };
  return (variables) => {
    const { data, errors } = executeSync({ schema, document, rootValue: {}, ...(variables ? { variableValues: variables } : {}) });
    if (errors && errors.length > 0) {
      throw new Error(`Introspection query for ${JSON.stringify(selection)} should not have failed but got ${JSON.stringify(errors)}`);
    }
    if (!data) throw new Error(`Introspection query for ${JSON.stringify(selection)} should not have failed`);
    return hasOwn(data, responseName) ? data[responseName] : undefined;
  };
}
