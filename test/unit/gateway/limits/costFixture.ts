import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { apiSchemaOf } from '../../../../gateway/production/apiSchemaOf.ts';

// Two subgraphs declaring @cost and @listSize as ours will (Federation 2.9's cost spec).
const SHOP = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
type Query {
  items(first: Int, after: String): ItemConnection! @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false, assumedSize: 20)
  pagedWithDefault(first: Int = 30): ItemConnection! @listSize(slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)
  topItems: [Item!]! @listSize(assumedSize: 5)
  unsized: [Item!]!
  report(filter: ReportFilter): Int @cost(weight: 50)
  search(term: String @cost(weight: 3)): [Item!]!
  node: Node
}
type Mutation { buy(itemId: ID!): Item }
input ReportFilter { from: String, tags: [String!] }
interface Node { id: ID! children: [Node!]! }
type ItemConnection { nodes: [Item!]! totalCount: Int! }
type Item implements Node @key(fields: "id") { id: ID! name: String! price: Money children: [Node!]! @listSize(assumedSize: 2) }
type Money @cost(weight: 4) { amount: Int! }
`;
const REVIEWS = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
type Item @key(fields: "id") { id: ID! reviews(first: Int): [Review!]! @listSize(slicingArguments: ["first"]) @cost(weight: 2) }
type Review { stars: Int! }
`;

export function costFixture(): { sdl: string; schema: ReturnType<typeof apiSchemaOf> } {
  const result = composeServices([
    { name: 'shop', url: 'http://127.0.0.1:9/shop', typeDefs: parse(SHOP) },
    { name: 'reviews', url: 'http://127.0.0.1:9/reviews', typeDefs: parse(REVIEWS) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return { sdl: result.supergraphSdl, schema: apiSchemaOf(result.supergraphSdl) };
}
