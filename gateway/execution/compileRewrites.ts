import type { FetchDataRewrite } from '@apollo/query-planner';
import type { SchemaFacts } from './SchemaFacts.ts';

const FRAGMENT_PREFIX = '... on ';
const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** Applies a fetch's rewrites to one value (an input representation or a received entity), in place. */
export type Rewriter = (value: unknown) => void;

type PathStep = { field: string } | { typeName: string };

/**
 * Compiles a fetch's input or output rewrites (`@interfaceObject`
 * `__typename` fix-ups, key renames) once: @apollo/gateway's
 * `applyRewrites`, with each path parsed ahead of time instead of at every
 * value. Undefined when there are none.
 */
export function compileRewrites(rewrites: readonly FetchDataRewrite[] | undefined, facts: SchemaFacts): Rewriter | undefined {
  if (!rewrites || rewrites.length === 0) return undefined;
  const compiled = rewrites.flatMap((rewrite) => {
    if (rewrite.path.length === 0) return [];
    const last = rewrite.path[rewrite.path.length - 1]!;
    if (last.startsWith(FRAGMENT_PREFIX)) {
      // As @apollo/gateway: every rewrite so far ends with a field name.
      const message = `Unexpected fragment as last element of ${rewrite.path}`;
      return [() => {
        throw new Error(message);
      }];
    }
    const steps = rewrite.path.slice(0, -1).map(parseStep);
    const apply = actionOf(rewrite, last);
    return [(value: unknown) => applyAtPath(facts, steps, 0, value, apply)];
  });
  return (value) => {
    for (const rewrite of compiled) rewrite(value);
  };
}

function parseStep(element: string): PathStep {
  return element.startsWith(FRAGMENT_PREFIX) ? { typeName: element.slice(FRAGMENT_PREFIX.length) } : { field: element };
}

function actionOf(rewrite: FetchDataRewrite, field: string): (object: Record<string, unknown>) => void {
  switch (rewrite.kind) {
    case 'ValueSetter':
      return (object) => {
        defineOwn(object, field);
        object[field] = rewrite.setValueTo;
      };
    case 'KeyRenamer':
      return (object) => {
        const value = hasOwn(object, field) ? object[field] : undefined;
        if (value) {
          defineOwn(object, rewrite.renameKeyTo);
          object[rewrite.renameKeyTo] = value;
          object[field] = undefined;
        }
      };
  }
}

function applyAtPath(facts: SchemaFacts, steps: readonly PathStep[], index: number, value: unknown, apply: (object: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(facts, steps, index, element, apply);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  if (index === steps.length) {
    apply(object);
    return;
  }
  const step = steps[index]!;
  if ('field' in step) {
    applyAtPath(facts, steps, index + 1, hasOwn(object, step.field) ? object[step.field] : undefined, apply);
  } else if (facts.isObjectOfType(object, step.typeName, true)) {
    // Without a __typename the rewrite applies, as @apollo/gateway's does.
    applyAtPath(facts, steps, index + 1, object, apply);
  }
}

function defineOwn(object: object, key: string): void {
  if (!hasOwn(object, key) && key in object) {
    Object.defineProperty(object, key, { configurable: true, enumerable: true, value: undefined, writable: true });
  }
}
