import type { FastifyRequest } from 'fastify';

type Json = Record<string, unknown>;

/**
 * The GraphQL parameters of one HTTP request, read before Apollo Server
 * reads them: from the JSON body of a POST, or the query string of a GET
 * (where `variables` and `extensions` are JSON text). A persisted operation
 * is named by `documentId` or `id` (a manifest id) or by
 * `extensions.persistedQuery.sha256Hash` (automatic persisted queries).
 */
export class GraphQLParams {
  private constructor(
    private readonly request: FastifyRequest,
    readonly query: string | undefined,
    readonly operationName: string | undefined,
    readonly variables: Json,
    readonly documentId: string | undefined,
    readonly sha256Hash: string | undefined,
  ) {}

  /** Undefined when the request carries no GraphQL parameters this can read (Apollo Server answers it). */
  static from(request: FastifyRequest): GraphQLParams | undefined {
    if (request.method === 'POST') {
      const body = request.body;
      if (!isObject(body)) return undefined;
      return GraphQLParams.of(request, body.query, body.operationName, body.variables, body.documentId ?? body.id, body.extensions);
    }
    if (request.method === 'GET') {
      const search = request.query;
      if (!isObject(search)) return undefined;
      return GraphQLParams.of(
        request,
        search.query,
        search.operationName,
        parseJson(search.variables),
        search.documentId ?? search.id,
        parseJson(search.extensions),
      );
    }
    return undefined;
  }

  private static of(request: FastifyRequest, query: unknown, operationName: unknown, variables: unknown, id: unknown, extensions: unknown): GraphQLParams {
    const persisted = isObject(extensions) && isObject(extensions.persistedQuery) ? extensions.persistedQuery : undefined;
    return new GraphQLParams(
      request,
      typeof query === 'string' ? query : undefined,
      typeof operationName === 'string' && operationName !== '' ? operationName : undefined,
      isObject(variables) ? variables : {},
      typeof id === 'string' && id !== '' ? id : undefined,
      typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined,
    );
  }

  /**
   * Replaces the request's document by a registered body and drops the ids
   * that named it, so that every later reader (authorization, Apollo Server)
   * sees an ordinary request with the body that will run. A GET is rewritten
   * in its URL, which is where Apollo Server's Fastify integration reads it.
   */
  useDocument(body: string): void {
    const request = this.request;
    if (request.method === 'POST' && isObject(request.body)) {
      const params = request.body;
      params.query = body;
      delete params.documentId;
      delete params.id;
      if (isObject(params.extensions) && 'persistedQuery' in params.extensions) {
        const { persistedQuery: _dropped, ...rest } = params.extensions;
        params.extensions = rest;
      }
      return;
    }
    if (request.method === 'GET') {
      const url = new URL(request.raw.url ?? '/', 'http://gateway.invalid');
      url.searchParams.set('query', body);
      url.searchParams.delete('documentId');
      url.searchParams.delete('id');
      const extensions = parseJson(url.searchParams.get('extensions') ?? undefined);
      if (isObject(extensions) && 'persistedQuery' in extensions) {
        const { persistedQuery: _dropped, ...rest } = extensions;
        if (Object.keys(rest).length > 0) url.searchParams.set('extensions', JSON.stringify(rest));
        else url.searchParams.delete('extensions');
      }
      request.raw.url = `${url.pathname}${url.search}`;
      request.query = Object.fromEntries(url.searchParams);
    }
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
