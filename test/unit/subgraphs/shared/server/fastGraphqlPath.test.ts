// The path in front of Fastify (fastGraphqlPath.ts), over real HTTP (Fastify's
// inject does not go through the server): the same requests to a subgraph
// server with it and without it get the same status, headers and body bytes,
// and only the compiled queries skip Fastify (counted by an onResponse hook).
import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { GraphQLError, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import mercurius from 'mercurius';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContextSigner } from '../../../../../gateway/security/createContextSigner.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from '../../../../../gateway/security/devContextKey.ts';
import { ManualClock } from '../../../../../subgraphs/shared/clock.ts';
import { DEV_CONTEXT_PUBLIC_JWK } from '../../../../../subgraphs/shared/security/devContextPublicKey.ts';
import { USER_CONTEXT_HEADER, USER_CONTEXT_MAX_AGE_SECONDS } from '../../../../../subgraphs/shared/security/userContext.ts';
import { createSubgraphServer } from '../../../../../subgraphs/shared/server/createSubgraphServer.ts';
import { testPrincipal } from '../../../../support/testPrincipal.ts';

interface Ctx {
  greeting: string;
}

const Item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    name: {
      type: GraphQLString,
      resolve: (item: { n: number }) => {
        if (item.n === 1) throw new GraphQLError('no name', { extensions: { code: 'NOT_FOUND', at: item.n } });
        return `item ${item.n}`;
      },
    },
  },
});
const Query = new GraphQLObjectType({
  name: 'Query',
  fields: {
    hello: { type: GraphQLString, args: { name: { type: new GraphQLNonNull(GraphQLString) } }, resolve: (_root, args: { name: string }, ctx: Ctx) => `${ctx.greeting} ${args.name}` },
    // Errors with a list index in their path (the response schema says strings) and extensions.
    items: { type: new GraphQLList(Item), resolve: () => [{ n: 0 }, { n: 1 }, { n: 2 }] },
    // No data at all, and an error carrying its status code: mercurius answers 403, without the 2xx schema.
    forbidden: { type: new GraphQLNonNull(GraphQLString), resolve: () => { throw new mercurius.ErrorWithProps('forbidden here', { code: 'FORBIDDEN' }, 403); } },
  },
});
const Mutation = new GraphQLObjectType({ name: 'Mutation', fields: { touch: { type: GraphQLString, resolve: () => 'touched' } } });
const schema = new GraphQLSchema({ query: Query, mutation: Mutation });

interface Answer {
  status: number;
  headers: string[];
  body: string;
}

interface Server {
  app: FastifyInstance;
  port: number;
  agent: Agent;
  /** Requests Fastify saw. */
  fastify: number;
  close(): Promise<void>;
}

const clock = new ManualClock(new Date());

async function server(fastPath: boolean, logger: boolean | Record<string, unknown> = false): Promise<Server> {
  const app = await createSubgraphServer<Ctx>({
    name: 'test',
    schema,
    config: { contextPublicKey: JSON.stringify(DEV_CONTEXT_PUBLIC_JWK), production: false },
    clock,
    context: (user) => ({ greeting: `hi from ${user.userId},` }),
    logger,
    fastPath,
  });
  const s: Server = {
    app,
    port: 0,
    agent: new Agent({ keepAlive: true }),
    fastify: 0,
    close: async () => {
      s.agent.destroy();
      await app.close();
    },
  };
  // onResponse: also after a reply that createSubgraphServer's onRequest hook sent (401).
  app.addHook('onResponse', (_request, _reply, done) => {
    s.fastify += 1;
    done();
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  s.port = (app.server.address() as AddressInfo).port;
  return s;
}

function send(s: Server, options: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? '';
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: s.port,
        agent: s.agent,
        method: options.method ?? 'POST',
        path: options.path ?? '/graphql',
        headers: { 'content-length': String(Buffer.byteLength(body)), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          // Everything but the date, in order.
          const headers: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            if (res.rawHeaders[i]!.toLowerCase() !== 'date') headers.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
          }
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sign = await createContextSigner({ ...DEV_CONTEXT_PRIVATE_JWK }, { now: () => clock.now() });
const token = sign({ principal: testPrincipal('petitions', { userId: 'zhang.wei' }), purpose: null });
const json = { 'content-type': 'application/json', [USER_CONTEXT_HEADER]: token };
const post = (payload: unknown, headers: Record<string, string> = json) => ({ headers, body: JSON.stringify(payload) });

const hello = { query: 'query Hello($n: String!) { hello(name: $n) }', operationName: 'Hello', variables: { n: 'Li' } };
const items = { query: '{ items { name } }' };
const forbidden = { query: '{ forbidden }' };
const touch = { query: 'mutation { touch }' };

let fast: Server;
let plain: Server;

/** Both servers answer the same; returns the answer and whether the fast server's Fastify saw the request. */
async function both(request: Parameters<typeof send>[1]): Promise<{ answer: Answer; viaFastify: boolean }> {
  const before = fast.fastify;
  const answer = await send(fast, request);
  await new Promise((resolve) => setImmediate(resolve));
  const viaFastify = fast.fastify > before;
  expect(answer, JSON.stringify(request)).toEqual(await send(plain, request));
  return { answer, viaFastify };
}

beforeAll(async () => {
  fast = await server(true);
  plain = await server(false);
  // Each text twice through mercurius, then it is compiled off the request path.
  for (const payload of [hello, items, forbidden, touch, hello, items, forbidden, touch]) await both(post(payload));
  await new Promise((resolve) => setTimeout(resolve, 20));
});
afterAll(async () => {
  await fast?.close();
  await plain?.close();
});

describe('the GraphQL path in front of Fastify', () => {
  it('answers compiled queries without Fastify, as Fastify and mercurius answer them: data, errors, a non-2xx status', async () => {
    const answers: Answer[] = [];
    for (const request of [
      post(hello),
      post({ ...hello, variables: { n: '王' } }),
      post(hello, { ...json, 'content-type': 'application/json; charset=utf-8' }),
      post({ ...hello, extensions: { persistedQuery: null } }),
      post(items),
      post({ ...items, operationName: null, variables: null }),
      post(forbidden),
    ]) {
      const { answer, viaFastify } = await both(request);
      expect(viaFastify, request.body).toBe(false);
      answers.push(answer);
    }
    expect(answers[0]).toMatchObject({ status: 200, body: '{"data":{"hello":"hi from zhang.wei, Li"}}' });
    expect(answers[0]!.headers).toEqual(['content-type: application/json; charset=utf-8', 'content-length: 42', 'Connection: keep-alive', 'Keep-Alive: timeout=72']);
    expect(answers[4]!.body).toContain('"path":["items","1","name"]');
    expect(answers[6]!.status).toBe(403);
  });

  it('leaves everything else to Fastify, with the body intact', async () => {
    const other = { ...hello, operationName: 'Other' };
    for (const request of [
      post({ ...hello, variables: { n: 5 } }),
      post({ ...hello, variables: {} }),
      post(other),
      post({ query: hello.query, variables: hello.variables }),
      post(touch),
      post({ ...hello, operationName: 5 }),
      post({ ...hello, persisted: true }),
      post({ ...hello, extensions: 'x' }),
      post({ ...hello, variables: [] }),
      post([hello]),
      post({ ...hello, variables: { n: 'a\u0001b' } }),
      { headers: json, body: `{"__proto__":{"x":1},${JSON.stringify(hello).slice(1)}` },
      { headers: json, body: `{"query":"{ __typename }","constructor":{"prototype":{}}}` },
      { headers: json, body: '{"query":' },
      { headers: json, body: '' },
      { headers: json, body: `\ufeff${JSON.stringify(hello)}` },
      post(hello, { ...json, 'content-type': 'text/plain' }),
      post(hello, { ...json, 'content-type': 'application/JSON' }),
      post(hello, { 'content-type': 'application/json' }),
      post(hello, { ...json, [USER_CONTEXT_HEADER]: `${token}x` }),
      { ...post(hello), path: '/graphql?x=1' },
      { ...post(hello), headers: { ...json, 'content-length': String(3 * 1024 * 1024) }, body: 'x'.repeat(3 * 1024 * 1024) },
      { method: 'GET', path: '/health' },
      { method: 'GET', path: `/graphql?query=${encodeURIComponent(hello.query)}&variables=${encodeURIComponent('{"n":"Li"}')}`, headers: json },
    ]) {
      const { viaFastify } = await both(request);
      expect(viaFastify, JSON.stringify(request).slice(0, 200)).toBe(true);
    }
  });

  it('leaves a context it has not verified, or no longer fresh, to Fastify', async () => {
    const another = sign({ principal: testPrincipal('petitions', { userId: 'li.na' }), purpose: 'audit' });
    // First seen: verified by Fastify's hook; then known.
    expect((await both(post(hello, { ...json, [USER_CONTEXT_HEADER]: another }))).viaFastify).toBe(true);
    expect((await both(post(hello, { ...json, [USER_CONTEXT_HEADER]: another }))).viaFastify).toBe(false);
    clock.advance((USER_CONTEXT_MAX_AGE_SECONDS + 1) * 1000);
    try {
      const { answer, viaFastify } = await both(post(hello, { ...json, [USER_CONTEXT_HEADER]: another }));
      expect(viaFastify).toBe(true);
      expect(answer.status).toBe(401);
    } finally {
      clock.advance(-(USER_CONTEXT_MAX_AGE_SECONDS + 1) * 1000);
    }
  });

  it('survives a client that goes away in the middle of a body', async () => {
    const socket = connect(fast.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n${USER_CONTEXT_HEADER}: ${token}\r\ncontent-length: 100\r\n\r\n{"query":`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await both(post(hello))).answer.status).toBe(200);
  });
});

describe('the GraphQL path in front of Fastify, with info logging', () => {
  it('leaves every request to Fastify, which logs each', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const s = await server(true, { level: 'info', stream });
    try {
      for (let i = 0; i < 4; i += 1) {
        await send(s, post(hello));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(s.fastify).toBe(4);
      expect(lines.filter((line) => line.includes('"request completed"'))).toHaveLength(4);
      // Quiet again: the compiled text skips Fastify.
      s.app.log.level = 'warn';
      await send(s, post(hello));
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(s.fastify).toBe(4);
    } finally {
      await s.close();
    }
  });
});
