// The compiled response shaper against @apollo/gateway's own `computeResponse`
// (its resultShaping.ts, which our executor replaces), case by case on a small
// schema: the same data (JSON key order included), the same post-processing
// errors, the same exceptions.
import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { executeSync, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileShaper } from '../../../../gateway/execution/compileShaper.ts';
import { SchemaFacts } from '../../../../gateway/execution/SchemaFacts.ts';

const schema = buildSchema(`
  type Query {
    node(id: ID!): Node
    nodes: [Node!]
    things: [Thing]
    count: Int!
    item: Item
    items: [Item!]!
    strict: Item!
  }
  interface Node { id: ID! name: String }
  type User implements Node { id: ID! name: String age: Int role: Role! friends: [User!]! score: Float }
  type Group implements Node { id: ID! name: String members: [User!] }
  union Thing = User | Group
  enum Role { ADMIN MEMBER }
  scalar JSON
  type Item { id: ID! price: Float! tags: [String!] constructor: String meta: JSON nested: [[Int]] }
`);
const graphqlSchema = schema.toGraphQLJSSchema();
const facts = new SchemaFacts(schema, graphqlSchema);

type Outcome = { data?: string; errors?: unknown[]; threw?: string };

function shapeBoth(query: string, input: Record<string, unknown>, variables?: Record<string, unknown>): { ours: Outcome; theirs: Outcome } {
  const document = parse(query);
  const definition = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const operation = operationFromDocument(schema, document, { validate: false });
  const view = (run: () => { data: unknown; errors: { message: string; path?: unknown; extensions?: unknown }[] }): Outcome => {
    try {
      const { data, errors } = run();
      return { data: JSON.stringify(data), errors: errors.map((e) => ({ message: e.message, path: e.path, extensions: e.extensions })) };
    } catch (error) {
      return { threw: (error as Error).message };
    }
  };
  // Each side gets its own copy: shaping must not depend on the input being shared.
  const copy = () => JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const ours = view(() => compileShaper(operation, definition.variableDefinitions, graphqlSchema, facts)(copy(), variables));
  const theirs = view(() =>
    computeResponse({
      operation,
      variables,
      input: copy(),
      introspectionHandling: (field) => {
        const selection = field.expandFragments().toSelectionNode();
        const result = executeSync({ schema: graphqlSchema, document: { kind: 'Document', definitions: [{ kind: 'OperationDefinition', operation: 'query', variableDefinitions: definition.variableDefinitions, selectionSet: { kind: 'SelectionSet', selections: [selection] } }] } as never, rootValue: {}, variableValues: variables });
        return (result.data as Record<string, unknown>)[selection.alias?.value ?? selection.name.value];
      },
    }),
  );
  return { ours, theirs };
}

const user = (over: Record<string, unknown> = {}) => ({ __typename: 'User', id: 'u1', name: '王芳', age: 30, role: 'ADMIN', friends: [], score: 1.5, ...over });

describe('compileShaper (against @apollo/gateway computeResponse)', () => {
  it.each<[string, string, Record<string, unknown>, Record<string, unknown>?]>([
    ['fields in the operation order, extra fetched fields dropped', '{ count node(id: "u1") { name id } }', { node: { ...user(), extra: 1 }, count: 3, more: true }],
    ['aliases, the same field twice', '{ a: node(id: "1") { n: name id } b: node(id: "2") { id name } }', { a: { n: 'x', id: '1', __typename: 'User' }, b: { id: '2', name: null, __typename: 'Group' } }],
    ['fragments on an interface and a union by __typename', '{ nodes { id ... on User { age role } ... on Group { members { id } } } things { ... on Node { name } ... on User { age } } }', {
      nodes: [user(), { __typename: 'Group', id: 'g1', members: [{ __typename: 'User', id: 'u2' }] }],
      things: [user({ age: 3 }), null, { __typename: 'Group', name: 'g' }],
    }],
    ['a fragment without __typename in the input applies by the parent type', '{ node(id: "1") { ... on Node { id } ... on User { age } } }', { node: { id: '1', age: 4 } }],
    ['named fragments spread twice, merged in the output', 'query { node(id: "1") { ...A ...B } } fragment A on User { id friends { id } } fragment B on User { friends { name } name }', {
      node: user({ friends: [user({ id: 'f1', name: 'f' })] }),
    }],
    ['__typename: root, aliased, of an object, of an interface (@interfaceObject left over)', '{ __typename t: __typename node(id: "1") { __typename k: __typename id } nodes { __typename id } }', {
      node: user(),
      nodes: [{ __typename: 'Node', id: 'x' }],
    }],
    ['a missing non-null field bubbles null to the nearest nullable field', '{ node(id: "1") { ... on User { friends { id role } } } }', { node: user({ friends: [{ __typename: 'User', id: 'f' }] }) }],
    ['a null non-null list element nulls the list', '{ items { id } item { id } }', { items: [{ id: '1' }, null], item: { id: '2' } }],
    ['a non-null root field null: data is null', '{ count item { id } }', { item: { id: '1' } }],
    ['invalid leaf values: string for Int, unknown enum value, number for String, float for ID', '{ nodes { ... on User { age role name id score } } }', {
      nodes: [user({ age: 'old', role: 'OWNER', name: 7, id: 1.5, score: '2' }), user({ age: 2 ** 31, id: 12 })],
    }],
    ['invalid leaf values on nullable fields: float for ID, string for Float, number for String', '{ item { id price tags } things { ... on User { name score } } }', {
      item: { id: 1.5, price: '2', tags: [1] }, things: [user({ name: 7, score: true })],
    }],
    ['custom scalars and nested lists pass as they are', '{ item { meta nested tags } }', { item: { meta: { any: [1, 'two'] }, nested: [[1, null], null], tags: ['a'] } }],
    ['an unknown __typename nulls the object', '{ node(id: "1") { id } strict { id } }', { node: { __typename: 'Secret', id: 'x' }, strict: { __typename: 'Nope', id: 'y' } }],
    ['a response name objects inherit ("constructor")', '{ item { constructor toString: id } }', { item: { constructor: 'c', toString: 'i' } }],
    ['@skip and @include with variables and defaults', 'query ($a: Boolean!, $b: Boolean = true) { count @skip(if: $a) item @include(if: $b) { id @skip(if: true) price } ... @include(if: $a) { items { id } } }', {
      count: 1, item: { id: '1', price: 2 }, items: [],
    }, { a: true }],
    ['a non-boolean @include variable throws', 'query ($a: Boolean) { count @include(if: $a) }', { count: 1 }, { a: null }],
    ['a non-list value for a list throws', '{ items { id } }', { items: { id: '1' } }],
    ['a non-object value for an object throws', '{ item { id } }', { item: 'x' }],
    ['introspection beside data', 'query ($n: String!) { __type(name: $n) { name kind } count __schema { queryType { name } } }', { count: 2 }, { n: 'Thing' }],
  ])('%s', (_name, query, input, variables) => {
    const { ours, theirs } = shapeBoth(query, input, variables);
    expect(ours).toEqual(theirs);
  });

  it('reports the errors the way @apollo/gateway does (code INVALID_GRAPHQL, path)', () => {
    const { ours } = shapeBoth('{ node(id: "1") { ... on User { friends { id role } } } }', { node: user({ friends: [{ __typename: 'User', id: 'f' }] }) });
    expect(ours).toEqual({
      data: '{"node":null}',
      errors: [{ message: 'Cannot return null for non-nullable field User.role.', path: ['node', 'friends', 0, 'role'], extensions: { code: 'INVALID_GRAPHQL' } }],
    });
  });
});
