import type { ResponsePath } from '@apollo/query-planner';
import type { GraphQLErrorOptions, GraphQLFormattedError } from 'graphql';

type ErrorPath = GraphQLFormattedError['path'];
const hasOwn = (object: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(object, key);

/**
 * Rewrites the paths of a fetch's errors from the subgraph's operation to
 * the client's, as @apollo/gateway does: an entity fetch's
 * `["_entities", i, ...rest]` becomes the path of the i-th object at the
 * fetch's position in the response so far (list indexes filled in), then
 * `rest`; any other path is prefixed with the fetch's position. The
 * positions are computed only when an error needs them.
 */
export function entityErrorPaths(isEntityFetch: boolean, cursorPath: ResponsePath, fullResult: unknown): (path: ErrorPath) => GraphQLErrorOptions['path'] {
  let hydrated: ResponsePath[] | undefined;
  return (errorPath) => {
    if (isEntityFetch && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        generateHydratedPaths([], cursorPath, fullResult, hydrated);
      }
      const prefix = hydrated[errorPath[1]] ?? [];
      return [...prefix, ...errorPath.slice(2)];
    }
    return errorPath ? [...cursorPath, ...errorPath.slice()] : undefined;
  };
}

/** Every concrete path matching `path` (`"@"` for any list element) in `data`. */
function generateHydratedPaths(parent: ResponsePath, path: ResponsePath, data: unknown, result: ResponsePath[]): void {
  const head = path[0];
  if (data == null) return;
  if (head == null) {
    result.push(parent.slice());
  } else if (head === '@') {
    if (!Array.isArray(data)) throw new Error('expected array when encountering `@`');
    for (const [i, value] of data.entries()) {
      parent.push(i);
      generateHydratedPaths(parent, path.slice(1), value, result);
      parent.pop();
    }
  } else if (typeof head === 'string') {
    if (Array.isArray(data)) {
      for (const [i, value] of data.entries()) {
        parent.push(i);
        generateHydratedPaths(parent, path, value, result);
        parent.pop();
      }
    } else if (hasOwn(data as object, head)) {
      parent.push(head);
      generateHydratedPaths(parent, path.slice(1), (data as Record<string, unknown>)[head], result);
      parent.pop();
    }
  } else {
    throw new Error(`unknown path part "${head}"`);
  }
}
