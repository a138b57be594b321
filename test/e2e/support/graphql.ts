export interface GraphQLResult<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, unknown>;
}

/** POSTs an operation to a GraphQL endpoint and returns status, headers and the parsed body. */
export async function postGraphQL<T = Record<string, any>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; operationName?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables, operationName: options.operationName }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status' | 'headers'>;
  return { status: response.status, headers: response.headers, ...body };
}
