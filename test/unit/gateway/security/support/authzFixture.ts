// Two small subgraphs whose SDL uses all three authorization directives, for
// the security unit tests: "people" (Person core, a mutation, root fields)
// and "things" (Person.things through an interface, one implementation
// behind a type-level @policy). Served in process by Apollo Server on free
// loopback ports; every request's headers are recorded.
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';

export const PEOPLE_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes", "@policy"])

type Query {
  person(id: ID!): Person
  people: [Person!]!
  secretCount: Int! @requiresScopes(scopes: [["admin"]])
  stats: Stats @policy(policies: [["role:supervisor"]])
  hello: String
}

type Mutation {
  rename(id: ID!, name: String!): Person! @policy(policies: [["agency:GRID"]])
}

type Person @key(fields: "id") {
  id: ID!
  name: String
  idNumberMasked: String
  idNumber: String @requiresScopes(scopes: [["person:id_number"]])
  phone: String @requiresScopes(scopes: [["person:phone"], ["admin"]])
  secretNonNull: String! @requiresScopes(scopes: [["admin"]])
  note: String @authenticated
}

type Stats {
  count: Int
}
`;

export const THINGS_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requiresScopes", "@policy"])

type Query {
  thing(id: ID!): Thing
  items: [Item!]!
}

union Item = Box | Vault

type Person @key(fields: "id") {
  id: ID!
  things: [Thing!]!
  boxes: [Box!]!
}

interface Thing {
  id: ID!
  label: String
}

type Box implements Thing {
  id: ID!
  label: String
  weight: Int @requiresScopes(scopes: [["box:weight"]])
}

type Vault implements Thing @policy(policies: [["agency:POLICE"]]) {
  id: ID!
  label: String
  code: String
}
`;

export const PEOPLE = [
  { id: 'p1', name: '王芳', idNumberMasked: '420923********1234', idNumber: '420923199001011234', phone: '13800001234', secretNonNull: 's1', note: 'n1' },
  { id: 'p2', name: '李强', idNumberMasked: '420923********5678', idNumber: '420923198505055678', phone: '13900005678', secretNonNull: 's2', note: 'n2' },
];

const THINGS: Record<string, { __typename: string; id: string; label: string; weight?: number; code?: string }[]> = {
  p1: [
    { __typename: 'Box', id: 'b1', label: 'box one', weight: 5 },
    { __typename: 'Vault', id: 'v1', label: 'vault one', code: 'X-1' },
  ],
  p2: [{ __typename: 'Box', id: 'b2', label: 'box two', weight: 7 }],
};

export interface RecordedRequest {
  subgraph: 'people' | 'things';
  headers: Record<string, string>;
  /** The operation the gateway sent. */
  query: string;
}

export interface AuthzSubgraphs {
  urls: { people: string; things: string };
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startAuthzSubgraphs(): Promise<AuthzSubgraphs> {
  const requests: RecordedRequest[] = [];
  const recorder = (subgraph: RecordedRequest['subgraph']) => ({
    async requestDidStart({ request }: { request: { query?: string; http?: { headers: Map<string, string> } } }) {
      requests.push({ subgraph, headers: Object.fromEntries(request.http?.headers ?? []), query: request.query ?? '' });
    },
  });
  const byId = (id: string) => PEOPLE.find((p) => p.id === id);
  const people = new ApolloServer({
    plugins: [recorder('people')],
    schema: buildSubgraphSchema({
      typeDefs: parse(PEOPLE_SDL),
      resolvers: {
        Query: {
          person: (_: unknown, { id }: { id: string }) => byId(id) ?? null,
          people: () => PEOPLE,
          secretCount: () => 42,
          stats: () => ({ count: PEOPLE.length }),
          hello: () => 'world',
        },
        Mutation: {
          rename: (_: unknown, { id, name }: { id: string; name: string }) => ({ ...byId(id)!, name }),
        },
        Person: { __resolveReference: (ref: { id: string }) => byId(ref.id) ?? null },
      } as never,
    }),
  });
  const things = new ApolloServer({
    plugins: [recorder('things')],
    schema: buildSubgraphSchema({
      typeDefs: parse(THINGS_SDL),
      resolvers: {
        Query: {
          thing: (_: unknown, { id }: { id: string }) => Object.values(THINGS).flat().find((t) => t.id === id) ?? null,
          items: () => Object.values(THINGS).flat(),
        },
        Item: { __resolveType: (t: { __typename: string }) => t.__typename },
        Person: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          things: (p: { id: string }) => THINGS[p.id] ?? [],
          boxes: (p: { id: string }) => (THINGS[p.id] ?? []).filter((t) => t.__typename === 'Box'),
        },
        Thing: { __resolveType: (t: { __typename: string }) => t.__typename },
      } as never,
    }),
  });
  const a = await startStandaloneServer(people, { listen: { port: 0, host: '127.0.0.1' } });
  const b = await startStandaloneServer(things, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    urls: { people: a.url, things: b.url },
    requests,
    async close() {
      await Promise.all([people.stop(), things.stop()]);
    },
  };
}

/** The two subgraphs composed into a supergraph (in process). */
export function composeAuthzSupergraph(urls: { people: string; things: string }): string {
  const result = composeServices([
    { name: 'people', url: urls.people, typeDefs: parse(PEOPLE_SDL) },
    { name: 'things', url: urls.things, typeDefs: parse(THINGS_SDL) },
  ]);
  if (result.errors) throw new Error(`authz fixture composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}

/** The API schema clients see (directives gone), as @apollo/gateway builds it. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
}
