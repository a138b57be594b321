import { isListType, isNonNullType, Kind, type DirectiveNode, type GraphQLOutputType, type ValueNode, type VariableDefinitionNode } from 'graphql';
import { ErrorCode } from '../errors.ts';
import type { RemovedField } from './Principal.ts';
import { TYPENAME_ALIAS, type SetPlan } from './rewriteOperation.ts';

type JsonObject = Record<string, unknown>;

/** The error that names a removed field's path (Apollo Router's shape and code). */
export function unauthorizedError(removed: RemovedField): { message: string; path: (string | number)[]; extensions: { code: string; coordinate: string } } {
  return {
    message: `Unauthorized field or type: ${removed.coordinate}`,
    path: removed.path,
    extensions: { code: ErrorCode.UNAUTHORIZED_FIELD_OR_TYPE, coordinate: removed.coordinate },
  };
}

/**
 * Puts the removed selections back into an executed result the way Apollo
 * Router formats its answer against the client's operation: a removed field
 * is null, and when it is non-null, null goes to its nearest nullable parent
 * (up to `data` itself, GraphQL's null propagation). Fields already present
 * (the same response key selected elsewhere) are kept. The `__typename` the
 * rewrite added is stripped. @skip/@include are evaluated with the request's
 * variables. Mutates and returns `data`.
 */
export function restoreRemovedFields(
  data: JsonObject | null | undefined,
  plan: SetPlan,
  variables: Readonly<Record<string, unknown>> | undefined,
  variableDefinitions: readonly VariableDefinitionNode[],
): JsonObject | null | undefined {
  if (data === null || data === undefined) return data;
  const included = inclusion(variables ?? {}, variableDefinitions);

  const fillObject = (object: JsonObject, setPlan: SetPlan): boolean => {
    const ok = fillEntries(object, setPlan);
    delete object[TYPENAME_ALIAS];
    return ok;
  };
  const typeOf = (object: JsonObject, setPlan: SetPlan): string | undefined => {
    const added = object[TYPENAME_ALIAS];
    if (typeof added === 'string') return added;
    if (setPlan.staticType !== undefined) return setPlan.staticType;
    return typeof object.__typename === 'string' ? object.__typename : undefined;
  };
  // False when the object must become null (a non-null field could not be filled).
  const fillEntries = (object: JsonObject, setPlan: SetPlan): boolean => {
    for (const entry of setPlan.entries) {
      if (!included(entry.directives)) continue;
      switch (entry.kind) {
        case 'removed':
          if (!(entry.key in object)) {
            if (isNonNullType(entry.type)) return false;
            object[entry.key] = null;
          }
          break;
        case 'typename':
          if (!(entry.key in object)) {
            const name = typeOf(object, setPlan);
            if (name !== undefined) object[entry.key] = name;
          }
          break;
        case 'field': {
          const value = object[entry.key];
          if (value === null || value === undefined) break;
          if (!fillValue(value, entry.type, entry.child)) {
            if (isNonNullType(entry.type)) return false;
            object[entry.key] = null;
          }
          break;
        }
        case 'fragment': {
          if (entry.types) {
            const name = typeOf(object, setPlan);
            // Unknown type: leave the object as it is (nothing was fetched for it either way).
            if (name === undefined || !entry.types.has(name)) break;
          }
          if (!fillEntries(object, entry.child)) return false;
          break;
        }
      }
    }
    return true;
  };
  const fillValue = (value: unknown, type: GraphQLOutputType, setPlan: SetPlan): boolean => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      if (!Array.isArray(value)) return true;
      const itemType = inner.ofType as GraphQLOutputType;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item === null || item === undefined) continue;
        if (!fillValue(item, itemType, setPlan)) {
          if (isNonNullType(itemType)) return false;
          value[i] = null;
        }
      }
      return true;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
    return fillObject(value as JsonObject, setPlan);
  };

  return fillObject(data, plan) ? data : null;
}

/** @skip / @include with literal or variable arguments (the operation's defaults when a variable is not given). */
function inclusion(variables: Readonly<Record<string, unknown>>, definitions: readonly VariableDefinitionNode[]) {
  const defaults = new Map(definitions.map((d) => [d.variable.name.value, d.defaultValue]));
  const truth = (value: ValueNode | undefined): boolean => {
    if (!value) return false;
    if (value.kind === Kind.BOOLEAN) return value.value;
    if (value.kind === Kind.VARIABLE) {
      const name = value.name.value;
      if (Object.hasOwn(variables, name)) return variables[name] === true;
      const fallback = defaults.get(name);
      return fallback?.kind === Kind.BOOLEAN ? fallback.value : false;
    }
    return false;
  };
  return (directives: readonly DirectiveNode[]): boolean => {
    for (const directive of directives) {
      const condition = directive.arguments?.find((a) => a.name.value === 'if')?.value;
      if (directive.name.value === 'skip' && truth(condition)) return false;
      if (directive.name.value === 'include' && !truth(condition)) return false;
    }
    return true;
  };
}
