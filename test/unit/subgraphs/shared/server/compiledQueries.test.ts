// The compiled path in front of mercurius's POST handler, on a schema of its
// own: which requests it answers itself and which it leaves to the next
// handler (here a stand-in for mercurius that says it answered). That both
// give the same answers is shown on real subgraphs (police federation test:
// a query asked again and again answers byte for byte as the first time).
import Fastify, { type FastifyInstance } from 'fastify';
import { GraphQLError, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledQueries } from '../../../../../subgraphs/shared/server/compiledQueries.ts';

const Query = new GraphQLObjectType({
  name: 'Query',
  fields: {
    hello: { type: GraphQLString, args: { name: { type: new GraphQLNonNull(GraphQLString) } }, resolve: (_root, args: { name: string }, ctx: { greeting: string }) => `${ctx.greeting} ${args.name}` },
    boom: { type: GraphQLString, resolve: () => { throw new GraphQLError('boom', { extensions: { code: 'NOT_FOUND' } }); } },
  },
});
const Mutation = new GraphQLObjectType({ name: 'Mutation', fields: { touch: { type: GraphQLString, resolve: () => 'touched' } } });
const schema = new GraphQLSchema({ query: Query, mutation: Mutation });

let app: FastifyInstance | undefined;
afterEach(() => app?.close());

async function server(): Promise<FastifyInstance> {
  app = Fastify();
  const { wrap } = compiledQueries(schema, async () => ({ greeting: 'hi' }));
  app.post('/graphql', wrap(async () => ({ answeredBy: 'next' })));
  await app.ready();
  return app;
}

async function ask(s: FastifyInstance, payload: unknown): Promise<string> {
  const res = await s.inject({ method: 'POST', url: '/graphql', payload: payload as Record<string, unknown> });
  // The text is compiled after its second time, off the request path.
  await new Promise((resolve) => setImmediate(resolve));
  return `${res.statusCode} ${res.body}`;
}

describe('compiledQueries', () => {
  it('leaves a text to the next handler twice, then answers it compiled, errors shaped as mercurius shapes them', async () => {
    const s = await server();
    const hello = { query: 'query Hello($n: String!) { hello(name: $n) boom }', operationName: 'Hello', variables: { n: 'Li' } };
    expect(await ask(s, hello)).toBe('200 {"answeredBy":"next"}');
    expect(await ask(s, hello)).toBe('200 {"answeredBy":"next"}');
    const compiled = '200 {"data":{"hello":"hi Li","boom":null},"errors":[{"message":"boom","locations":[{"line":1,"column":44}],"path":["boom"],"extensions":{"code":"NOT_FOUND"}}]}';
    expect(await ask(s, hello)).toBe(compiled);
    expect(await ask(s, { ...hello, variables: { n: 'Wang' } })).toBe(compiled.replace('hi Li', 'hi Wang'));
  });

  it('leaves to the next handler what it must not answer: refused variables, another operation name, a mutation, an invalid text, a batch', async () => {
    const s = await server();
    const hello = { query: 'query Hello($n: String!) { hello(name: $n) }', operationName: 'Hello', variables: { n: 'Li' } };
    const touch = { query: 'mutation { touch }' };
    const invalid = { query: '{ nope }' };
    for (const payload of [hello, hello, touch, touch, invalid, invalid]) await ask(s, payload);
    expect(await ask(s, hello)).toBe('200 {"data":{"hello":"hi Li"}}');
    for (const payload of [
      { ...hello, variables: { n: 5 } },
      { ...hello, variables: {} },
      { ...hello, variables: null },
      { ...hello, operationName: 'Other' },
      { query: hello.query, variables: hello.variables },
      touch,
      invalid,
      [hello],
    ]) {
      expect(await ask(s, payload), JSON.stringify(payload)).toBe('200 {"answeredBy":"next"}');
    }
  });
});
