// Stock @apollo/gateway (in @apollo/server's standalone server, default
// settings) and ours give the same data for the same operations over the
// same supergraph and subgraphs.
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL } from '../support/graphql.ts';
import { startFixtureStack, type FixtureStack } from '../../fixtures/gateway/startFixtureStack.ts';

const OPERATIONS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  { name: 'root field of one subgraph', query: '{ persons { id name gridCell } }' },
  { name: 'entity join', query: '{ person(id: "p1") { name policeIncidents { caseCode summary } } }' },
  { name: 'join back and forth', query: '{ incident(caseCode: "420923-GA-2025-000003") { summary person { name policeIncidents { caseCode } } } }' },
  { name: 'list of entities', query: '{ persons { name policeIncidents { summary person { id gridCell } } } }' },
  {
    name: 'variables, aliases, fragments, directives',
    query: `query V($id: ID!, $withIncidents: Boolean!) {
      a: person(id: $id) { ...P }
      b: person(id: "p2") { ...P name @skip(if: true) }
      __typename
    }
    fragment P on Person { id nick: name policeIncidents @include(if: $withIncidents) { ... on PoliceIncident { caseCode } } }`,
    variables: { id: 'p1', withIncidents: true },
  },
  { name: 'missing entity', query: '{ person(id: "nobody") { name } incident(caseCode: "none") { summary } }' },
  { name: 'introspection', query: '{ __schema { queryType { name } mutationType { name } types { name } } }' },
  { name: 'mutation across subgraphs', query: 'mutation { renamePerson(id: "p2", name: "李四") { id name policeIncidents { summary } } }' },
  { name: 'invalid operation', query: '{ person(id: "p1") { unknownField } }' },
  { name: 'missing variable', query: 'query ($id: ID!) { person(id: $id) { name } }' },
];

describe('stock @apollo/gateway and ours', () => {
  let stack: FixtureStack;
  let stock: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    stack = await startFixtureStack();
    // Stock, with default settings (telemetry off: the network is closed).
    process.env.APOLLO_TELEMETRY_DISABLED = 'true';
    const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: readFileSync(stack.supergraphPath, 'utf8') }) });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    stock = { url, stop: () => server.stop() };
  });
  afterAll(async () => {
    await stock?.stop();
    await stack?.stop();
  });

  it.each(OPERATIONS)('give identical data: $name', async ({ query, variables }) => {
    const [ours, theirs] = [
      await postGraphQL(stack.graphql, query, { ...(variables ? { variables } : {}) }),
      await postGraphQL(stock.url, query, { ...(variables ? { variables } : {}) }),
    ];
    expect(ours.data).toEqual(theirs.data);
    expect(ours.status).toBe(theirs.status);
    expect(Boolean(ours.errors?.length)).toBe(Boolean(theirs.errors?.length));
    expect(ours.errors?.map((e) => e.extensions?.code)).toEqual(theirs.errors?.map((e) => e.extensions?.code));
  });
});
