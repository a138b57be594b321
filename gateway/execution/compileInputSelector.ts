import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import { deepMerge } from './deepMerge.ts';
import type { SchemaFacts } from './SchemaFacts.ts';

const hasOwn = (object: unknown, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Picks a fetch's input out of one entity of the response so far: its
 * representation (`__typename`, keys, `@requires` fields), or null when a
 * required field is missing (the entity is then not sent).
 */
export type InputSelector = (source: unknown) => Record<string, unknown> | null;

type Step = (source: Record<string, unknown>, result: Record<string, unknown>) => boolean;

/**
 * Compiles a fetch's `requires` selection once: @apollo/gateway's
 * `executeSelectionSet` (in executeQueryPlan.ts), with response names and
 * type conditions resolved ahead of time. Type conditions are tested on the
 * supergraph schema, as there (`requires` may name `@inaccessible` parts).
 */
export function compileInputSelector(selections: readonly QueryPlanSelectionNode[], facts: SchemaFacts): InputSelector {
  // Objects built here are sent as JSON; a response name an object would
  // inherit (e.g. "constructor") needs one without a prototype.
  const bare = needsBareObjects(selections);
  const steps = selections.map((selection) => compileStep(selection, facts));
  const select: InputSelector = (source) => {
    if (source === null) return null;
    const result: Record<string, unknown> = bare ? Object.create(null) : {};
    for (const step of steps) if (!step(source as Record<string, unknown>, result)) return null;
    return result;
  };
  return select;
}

/** A step returns false when the whole selection yields null (a required field is missing). */
function compileStep(selection: QueryPlanSelectionNode, facts: SchemaFacts): Step {
  if (selection.kind === 'Field') {
    const responseName = selection.alias ? selection.alias : selection.name;
    const sub = selection.selections ? compileInputSelector(selection.selections, facts) : undefined;
    return (source, result) => {
      if (!hasOwn(source, responseName) || typeof source[responseName] === 'undefined') return false;
      const value = source[responseName];
      if (Array.isArray(value)) result[responseName] = sub ? value.map((v: unknown) => sub(v)) : value.map((v: unknown) => v);
      else if (sub) result[responseName] = sub(value);
      else result[responseName] = value;
      return true;
    };
  }
  const condition = selection.typeCondition;
  if (!condition) return () => true;
  const inner = compileInputSelector(selection.selections, facts);
  return (source, result) => {
    if (source && facts.isObjectOfType(source, condition)) deepMerge(result, inner(source));
    return true;
  };
}

function needsBareObjects(selections: readonly QueryPlanSelectionNode[]): boolean {
  return selections.some((s) => (s.kind === 'Field' ? (s.alias ?? s.name) in Object.prototype : needsBareObjects(s.selections)));
}
