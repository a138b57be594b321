import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { type DocumentNode, type ExecutionResult, getOperationAST, type GraphQLSchema, parse, validate } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import mercurius from 'mercurius';
import { LruCache } from '../cache/LruCache.ts';

/** Query texts counted at once, and at most compiled (mercurius's own parse cache holds as many). */
const TEXTS = 1024;

/** A query text compiled, for one operation name (null: the document's only one). */
interface CompiledText {
  operationName: string | null;
  query: CompiledQuery;
}

interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** A compiled query's answer: the result as mercurius shapes it, and its status code. */
export interface CompiledAnswer {
  statusCode: number;
  result: ExecutionResult;
}

export interface CompiledQueries {
  /** POST /graphql's route handler, with the compiled texts answered in front of it. */
  wrap(handler: RouteHandlerMethod): RouteHandlerMethod;
  /** The compiled query for this text and operation name (null: none given), if it is compiled. */
  find(query: string, operationName: string | null): CompiledQuery | undefined;
  /**
   * Runs a compiled query with this context (mercurius's `reply` or `app`
   * on it: its error formatter logs through them). Undefined when the
   * variables are refused: nothing ran, and mercurius answers that itself.
   */
  run(query: CompiledQuery, context: object, variables: unknown): Promise<CompiledAnswer | undefined>;
  /**
   * The function Fastify serialises this route's 2xx answers with
   * (mercurius's response schema), taken from the first request the route
   * handled; undefined before that. Other statuses have no schema on this
   * route: Fastify answers them with JSON.stringify.
   */
  readonly serialize2xx: ((result: ExecutionResult) => string) | undefined;
}

/**
 * POST /graphql's handler, in front of mercurius's: a query text seen twice
 * is compiled by graphql-jit (parsed and validated once, as mercurius does)
 * and from then on answered here, without mercurius's per-request steps
 * (its parse cache, its hooks, the graphql-js check of the variables before
 * running the compiled query, which checks them itself).
 *
 * The answer is the one mercurius gives, byte for byte: the same context
 * (with mercurius's `reply` and `app`), the same compiled query and root
 * value, errors shaped by mercurius's own formatter with its status code,
 * and the result returned to the same route, so Fastify serialises it with
 * mercurius's response schema. Everything else goes to mercurius unchanged:
 * a text seen once, a mutation, an operation name other than the compiled
 * one, a body the route's schema refused, and variables the compiled query
 * refuses (mercurius then answers its 400 as before; nothing ran, so
 * nothing happens twice). graphql-jit's check of variables refuses whatever
 * graphql-js's does (the same scalar, enum, list and input-object rules),
 * so no request it runs would have been refused.
 *
 * The compiled texts are also answered before Fastify (fastGraphqlPath.ts)
 * through `find`, `run` and `serialize2xx`.
 */
export function compiledQueries(schema: GraphQLSchema, contextOf: (request: FastifyRequest) => unknown): CompiledQueries {
  /** How often each text not compiled yet came, or false when it cannot be (LRU: a text seen once long ago starts again). */
  const seen = new LruCache<string, number | false>(TEXTS);
  /** The compiled texts: a plain map, read on every request without reordering; full, it takes no more. */
  const compiledTexts = new Map<string, CompiledText>();
  // mercurius's root value: an empty object (no root resolvers are configured).
  const root = {};
  let serialize2xx: ((result: ExecutionResult) => string) | undefined;

  /** Counts a text mercurius answers; compiles it after its second time, off the request path (as mercurius's own JIT). */
  function noteText(query: string, operationName: string | null): void {
    if (compiledTexts.has(query)) return;
    const before = seen.get(query);
    if (before === false) return;
    const times = (before ?? 0) + 1;
    seen.set(query, times);
    if (times !== 2) return;
    setImmediate(() => {
      const compiled = compile(query, operationName);
      if (!compiled) {
        seen.set(query, false);
      } else if (compiledTexts.size < TEXTS) {
        compiledTexts.set(query, { operationName, query: compiled });
        seen.delete(query);
      }
    });
  }

  function compile(query: string, operationName: string | null): CompiledQuery | false {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return false;
    }
    if (validate(schema, document).length > 0) return false;
    if (getOperationAST(document, operationName)?.operation !== 'query') return false;
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    return isCompiledQuery(compiled) ? compiled : false;
  }

  function find(query: string, operationName: string | null): CompiledQuery | undefined {
    const compiled = compiledTexts.get(query);
    return compiled?.operationName === operationName ? compiled.query : undefined;
  }

  async function run(query: CompiledQuery, context: object, variables: unknown): Promise<CompiledAnswer | undefined> {
    const execution = await query.query(root, context, (variables ?? {}) as Record<string, unknown>);
    // No data at all: the variables were refused before anything ran.
    if (!('data' in execution)) return undefined;
    const { errors } = execution;
    if (!errors) return { statusCode: 200, result: execution };
    const { statusCode, response } = mercurius.defaultErrorFormatter({ ...execution, errors }, context as never);
    Object.assign(execution, { data: response.data, errors: response.errors });
    return { statusCode, result: execution };
  }

  function wrap(handler: RouteHandlerMethod): RouteHandlerMethod {
    return async function answer(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      serialize2xx ??= reply.getSerializationFunction('2xx') as (result: ExecutionResult) => string;
      const body = request.body as GraphQLBody | undefined;
      if (request.validationError || typeof body !== 'object' || body === null || Array.isArray(body) || typeof body.query !== 'string') {
        return handler.call(this, request, reply);
      }
      const operationName = typeof body.operationName === 'string' ? body.operationName : null;
      const compiled = find(body.query, operationName);
      if (!compiled) {
        noteText(body.query, operationName);
        return handler.call(this, request, reply);
      }
      const context = Object.assign((await contextOf(request)) as object, { reply, app: this });
      const answered = await run(compiled, context, body.variables);
      // Variables refused: mercurius answers that as it always has.
      if (!answered) return handler.call(this, request, reply);
      if (answered.result.errors) reply.code(answered.statusCode);
      return answered.result;
    };
  }

  return {
    wrap,
    find,
    run,
    get serialize2xx() {
      return serialize2xx;
    },
  };
}
