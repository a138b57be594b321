import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CostModel } from '../../../../gateway/limits/CostModel.ts';
import { estimateCost } from '../../../../gateway/limits/estimateCost.ts';
import { apiSchemaOf } from '../../../../gateway/production/apiSchemaOf.ts';
import { PERSON_VIEW } from '../../../e2e/support/expectedPersonView.ts';
import { costFixture } from './costFixture.ts';
import { RECOMMENDED_COST_DIRECTIVES, withCostDirectives } from './withCostDirectives.ts';

const fixture = costFixture();
const model = CostModel.fromSupergraph(fixture.sdl, fixture.schema);

function cost(text: string, variables: Record<string, unknown> = {}, m: CostModel = model, listSize = 10) {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return estimateCost(m, document, operation, variables, listSize);
}

describe('estimateCost (IBM cost spec, Apollo demand-control semantics)', () => {
  it('reads @cost and @listSize from the composed supergraph', () => {
    expect(fixture.sdl).toContain('https://specs.apollo.dev/cost/v0.1');
    expect(model.listSize('Query', 'items')).toMatchObject({ slicingArguments: ['first'], sizedFields: ['nodes'], assumedSize: 20 });
    expect(model.fieldWeight('Query', 'report', 'Int')).toBe(50);
    expect(model.fieldWeight('Item', 'price', 'Money')).toBe(4);
  });

  it('reads a variable only where it can change the estimate (so the estimate can be cached)', () => {
    expect(cost('query($id: ID!) { node { id } items(after: $id) { totalCount } }', { id: 'x' }).readsVariables).toBe(false);
    expect(cost('query($f: ReportFilter) { report(filter: $f) }', { f: { from: 'x' } })).toEqual({ cost: 51, readsVariables: true });
  });

  it('objects weigh 1, scalars and enums 0, __typename nothing', () => {
    expect(cost('{ node { id __typename } }').cost).toBe(1);
    expect(cost('{ report }').cost).toBe(50);
  });

  it('a slicing argument sizes the connection\'s nodes', () => {
    // items 1 + nodes 7 x (Item 1 + price 4)
    expect(cost('{ items(first: 7) { totalCount nodes { name price { amount } } } }').cost).toBe(1 + 7 * 5);
    expect(cost('query($n: Int) { items(first: $n) { nodes { id } } }', { n: 40 })).toEqual({ cost: 41, readsVariables: true });
  });

  it('without the slicing argument: its schema default, then assumedSize, then the default list size', () => {
    expect(cost('{ pagedWithDefault { nodes { id } } }').cost).toBe(1 + 30);
    expect(cost('{ items { nodes { id } } }').cost).toBe(1 + 20);
    expect(cost('{ topItems { id } }').cost).toBe(5);
    expect(cost('{ unsized { id } }').cost).toBe(10);
    expect(cost('{ unsized { id } }', {}, model, 3).cost).toBe(3);
  });

  it('nested lists multiply, @cost replaces the field\'s own weight', () => {
    // items 1 + 10 x (Item 1 + reviews 4 x (weight 2 + stars 0))
    expect(cost('{ items(first: 10) { nodes { reviews(first: 4) { stars } } } }').cost).toBe(1 + 10 * (1 + 4 * 2));
  });

  it('counts fragments, on interfaces too, and @skip/@include', () => {
    const text = `query($skip: Boolean!) { node { ...N ... on Item { price @skip(if: $skip) { amount } } } } fragment N on Node { children { id } }`;
    // node 1 + children: Node has none of its own, Item.children assumes 2 -> 2 x 1
    expect(cost(text, { skip: true }).cost).toBe(1 + 2);
    expect(cost(text, { skip: false }).cost).toBe(1 + 2 + 4);
  });

  it('arguments add their weight; an input object costs 1 plus its fields; a mutation 10', () => {
    expect(cost('{ search(term: "x") { id } }').cost).toBe(10 + 3);
    expect(cost('{ report(filter: { from: "2025", tags: ["a", "b"] }) }').cost).toBe(50 + 1);
    expect(cost('mutation { buy(itemId: "1") { id } }').cost).toBe(10 + 1);
  });

  it('is linear in the document even for a doubling fragment chain (and the cost explodes)', () => {
    const chain = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    // Expanding the chain would take 2^60 steps: the test's timeout is the guard.
    const result = cost(`{ ...F0 } ${chain} fragment F60 on Query { node { id } }`);
    expect(result.cost).toBeGreaterThan(1e17);
  });

  it('a deeply nested variable does not exhaust the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(cost('query($t: [String!]) { report(filter: { tags: $t }) }', { t: deep }).cost).toBe(51);
  });
});

describe('the person view on our supergraph', () => {
  const sdl = readFileSync(new URL('../../../../schema/supergraph.graphql', import.meta.url), 'utf8');
  const variables = { idNumber: '420923199001011234' };

  it('costs 172 without @listSize/@cost (every list assumed 10)', () => {
    const bare = withCostDirectives(sdl, {});
    const m = CostModel.fromSupergraph(bare, apiSchemaOf(bare));
    expect(cost(PERSON_VIEW, variables, m).cost).toBe(172);
  });

  it('costs 806 with the recommended directives: well within the default budget of 5000', () => {
    const directed = withCostDirectives(sdl, RECOMMENDED_COST_DIRECTIVES);
    const m = CostModel.fromSupergraph(directed, apiSchemaOf(directed));
    // personByIdNumber 1 + five slices 5 x 20 + timeline (5 + 100 nodes x (Matter 1 + summary 1 + related 5))
    expect(cost(PERSON_VIEW, variables, m)).toEqual({ cost: 1 + 100 + 5 + 100 * 7, readsVariables: false });
  });
});

describe('the checked-in supergraph, as the subgraphs declare @listSize and @cost', () => {
  const sdl = readFileSync(new URL('../../../../schema/supergraph.graphql', import.meta.url), 'utf8');
  const m = CostModel.fromSupergraph(sdl, apiSchemaOf(sdl));

  it('prices the person view at 806, within the default budget of 5000', () => {
    expect(cost(PERSON_VIEW, { idNumber: '420923199001011234' }, m).cost).toBe(806);
  });

  it('prices a list bomb (100 persons x their 100-matter timelines) far over the budget', () => {
    const bomb = '{ searchPersons(name: "王", first: 100) { nodes { timeline(first: 100) { nodes { caseCode related { caseCode summary { title } } } } } } }';
    expect(cost(bomb, {}, m).cost).toBeGreaterThan(5000);
  });
});
