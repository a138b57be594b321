/**
 * Demand-control directives (`@cost`, `@listSize`) the gateway reads to
 * estimate an operation's cost (gateway/README.md "Limits"). Field level:
 * `@listSize` on an interface field must agree with its implementations.
 */

export interface ListSizeOptions {
  /** How many items the list is assumed to hold when no slicing argument says. */
  assumedSize: number;
  /** Arguments whose value bounds the list (`first`). */
  slicingArguments?: readonly string[];
  /** On a connection: the fields of the returned object that hold the list (`nodes`). */
  sizedFields?: readonly string[];
  requireOneSlicingArgument?: boolean;
}

const strings = (names: readonly string[]) => `[${names.map((n) => JSON.stringify(n)).join(', ')}]`;

/** The `@listSize` directive text. */
export function listSize({ assumedSize, slicingArguments, sizedFields, requireOneSlicingArgument }: ListSizeOptions): string {
  const args: string[] = [];
  if (slicingArguments) args.push(`slicingArguments: ${strings(slicingArguments)}`);
  if (sizedFields) args.push(`sizedFields: ${strings(sizedFields)}`);
  args.push(`assumedSize: ${assumedSize}`);
  if (requireOneSlicingArgument !== undefined) args.push(`requireOneSlicingArgument: ${requireOneSlicingArgument}`);
  return `@listSize(${args.join(', ')})`;
}

/** The `@cost` directive text. */
export function cost(weight: number): string {
  return `@cost(weight: ${weight})`;
}

/** A connection sliced by `first`, its items in `nodes`. */
export const CONNECTION_LIST_SIZE = listSize({ slicingArguments: ['first'], sizedFields: ['nodes'], assumedSize: 20, requireOneSlicingArgument: false });
