/** What `fn` throws (a subgraph's GraphQLError carries `extensions.code`), or undefined when it returns. */
export function thrown(fn: () => unknown): { message: string; extensions?: Record<string, unknown> } | undefined {
  try {
    fn();
  } catch (error) {
    return error as { message: string; extensions?: Record<string, unknown> };
  }
  return undefined;
}
