// Our query-plan executor (gateway/execution) against @apollo/gateway's, over
// the five real subgraphs: one supergraph generation holds both, with the same
// planner options and the same SubgraphDataSource instances; every operation
// runs through both with Apollo Server's request context, and the answers
// ({ data, errors, extensions }, errors by message, path and extensions, JSON
// key order included) must be identical. Also what each reports to Apollo
// Server besides the answer: the subgraph error paths for usage reporting and
// the cache hints.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../../gateway/context/createGatewayContext.ts';
import type { GatewayExecutor, GatewayRequestContext } from '../../../gateway/execution/gatewayTypes.ts';
import { createMetrics } from '../../../gateway/metrics/createMetrics.ts';
import { PlanCache } from '../../../gateway/supergraph/PlanCache.ts';
import { SupergraphHost, type SupergraphGeneration } from '../../../gateway/supergraph/SupergraphHost.ts';
import { SubgraphDataSource } from '../../../gateway/transport/SubgraphDataSource.ts';
import { SubgraphPools } from '../../../gateway/transport/SubgraphPools.ts';
import { SubgraphStates } from '../../../gateway/transport/SubgraphStates.ts';
import { traceContextFrom } from '../../../gateway/transport/traceContext.ts';
import { agencyOf } from '../../../gateway/supergraph/agencyOf.ts';
import { SUBGRAPHS, type SubgraphName } from '../../../schema/subgraphList.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../subgraphs/shared/identity/personToken.ts';
import { benchOperations } from '../../bench/operations.ts';
import { loadWorld, type LoadedWorld } from '../../unit/world/loadWorld.ts';
import { expectedPersonView, PERSON_VIEW } from '../support/expectedPersonView.ts';
import { signedContextHeaders } from '../support/signedContext.ts';
import { type RunningSubgraphs, startSubgraphs } from '../support/startSubgraphs.ts';
import { repositoryRoot } from '../support/startProcess.ts';
import { supergraphWithUrls } from '../support/stockGateway.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {}, fatal() {}, trace() {}, child: () => silent } as unknown as FastifyBaseLogger;

interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** What one executor answered, and told Apollo Server, as comparable JSON (key order kept). */
async function answer(executor: GatewayExecutor, generation: SupergraphGeneration, op: Operation): Promise<string> {
  const document = parse(op.query);
  const invalid = validate(generation.schema, document);
  if (invalid.length > 0) throw new Error(`${op.name} is not valid: ${invalid.map((e) => e.message).join('; ')}`);
  const hints: unknown[] = [];
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (!op.operationName || d.name?.value === op.operationName),
  )!;
  const context: GatewayContext = { requestId: 'parity', trace: traceContextFrom(undefined, undefined), log: silent, request: {} as FastifyRequest };
  const requestContext = {
    request: { query: op.query, variables: op.variables, operationName: op.operationName },
    document,
    source: op.query,
    queryHash: createHash('sha256').update(op.query).digest('hex'),
    operationName: op.operationName ?? null,
    operation,
    schema: generation.schema,
    context,
    metrics: {},
    logger: silent,
    overallCachePolicy: { restrict: (hint: unknown) => hints.push(hint) },
  } as unknown as GatewayRequestContext;
  const errorView = (e: { message: string; path?: unknown; extensions?: unknown }) => ({ message: e.message, path: e.path, extensions: e.extensions });
  try {
    const result = await executor(requestContext);
    const extensions = result.extensions as { valueCompletion?: { message: string }[] } | undefined;
    return JSON.stringify({
      data: result.data,
      errors: result.errors?.map(errorView),
      extensions: extensions?.valueCompletion ? { ...extensions, valueCompletion: extensions.valueCompletion.map(errorView) } : extensions,
      nonFtv1ErrorPaths: (requestContext.metrics as { nonFtv1ErrorPaths?: unknown }).nonFtv1ErrorPaths,
      hints,
    });
  } catch (error) {
    return JSON.stringify({ threw: (error as Error).message });
  }
}

/** Every operation of a folder of `.graphql` files, one operation per file. */
function operationFiles(dir: string): { name: string; query: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), query: readFileSync(join(dir, f), 'utf8') }));
}

describe('our executor and @apollo/gateway\'s', () => {
  let system: RunningSubgraphs;
  let world: LoadedWorld;
  let host: SupergraphHost;
  let pools: SubgraphPools;
  let generation: SupergraphGeneration;
  let apollo: GatewayExecutor;
  let ours: GatewayExecutor;
  const operations: Operation[] = [];

  /** Both executors, Apollo's first: identical answers. */
  const expectSame = async (op: Operation) => {
    const theirs = await answer(apollo, generation, op);
    const mine = await answer(ours, generation, op);
    expect(JSON.parse(mine), op.name).toEqual(JSON.parse(theirs));
    expect(mine, `${op.name}: same JSON, key order included`).toBe(theirs);
    return JSON.parse(mine) as { data?: unknown; errors?: { extensions?: { code?: string } }[]; threw?: string };
  };

  beforeAll(async () => {
    system = await startSubgraphs({ people: 2_000 });
    world = await loadWorld(system.worldDir);
    const metrics = createMetrics({ defaultMetrics: false });
    pools = new SubgraphPools({ connections: 8, connectTimeoutMs: 2000 });
    // A breaker that never opens: both executors must meet the same failures.
    const states = new SubgraphStates({ breaker: { failureThreshold: 1_000_000, cooldownMs: 1000 }, retry: { maxRetries: 1, budgetRatio: 0.2, budgetMinPerSecond: 5 } });
    const sdl = supergraphWithUrls(system.urls);
    host = new SupergraphHost({
      source: { initialize: async () => ({ supergraphSdl: sdl }) },
      subgraphUrl: (_name, url) => url,
      createDataSource: ({ name, url }) =>
        new SubgraphDataSource({
          name,
          agency: agencyOf(name),
          url,
          pools,
          state: states.for(name),
          timeoutMs: 10_000,
          maxRetries: 1,
          metrics,
          log: silent,
          headersFor: () => signedContextHeaders(),
        }),
      createPlanCache: () => new PlanCache({ maxEntries: 100 }),
      logger: silent,
      // The authorization directives are the gateway's security layer's business, not the executors'.
      allowUnenforcedAuthorization: true,
    });
    await host.load();
    generation = host.current!;
    expect(generation.executorKind).toBe('onewindow');
    ours = generation.executor;
    apollo = generation.gateway.executor;
    expect(ours).not.toBe(apollo);

    // Answers must not move under the comparison: wait until every agency's
    // outbox has reached grid's registry (the relays feed it asynchronously).
    const pending = () =>
      SUBGRAPHS.filter(({ name }) => name !== 'grid').reduce((sum, { name }) => {
        const db = new Database(join(system.dataDir, name, `${name}.db`), { readonly: true, fileMustExist: true });
        try {
          return sum + (db.prepare('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL').get() as { n: number }).n;
        } finally {
          db.close();
        }
      }, 0);
    for (let waited = 0; pending() > 0 && waited < 60_000; waited += 250) await new Promise((r) => setTimeout(r, 250));
    expect(pending()).toBe(0);

    // A journey person with matters in all five agencies, and one of each agency's matters.
    const idNumber = world.journeys
      .flatMap((j) => j.persons)
      .find((id) => {
        const v = expectedPersonView(world, id);
        return [v.disputes, v.petitions, v.policeIncidents, v.courtCases, v.legalAidCases].every((s) => s.length > 0);
      })!;
    const view = expectedPersonView(world, idNumber);
    const personId = createPersonTokenizer(DEV_FEDERATION_SECRET)(idNumber);
    const codes = { ZZ: view.disputes[0]!, XF: view.petitions[0]!, GA: view.policeIncidents[0]!, FY: view.courtCases[0]!, SF: view.legalAidCases[0]! };
    const division = world.persons.get(idNumber)!.division.slice(0, 6);
    const missingDispute = `${division}-ZZ-2025-999999`;

    // The e2e tests' operations.
    operations.push(
      { name: 'person view', query: PERSON_VIEW, variables: { idNumber } },
      { name: 'timeline page', query: `query($id: ID!) { person(id: $id) { name timeline(first: 5) { totalCount pageInfo { hasNextPage } nodes { caseCode summary { title status dueAt overdue } } } } }`, variables: { id: personId } },
      { name: 'matter', query: `query($c: ID!) { matter(caseCode: $c) { __typename caseCode agency summary { title } related { caseCode } ... on CourtCase { caseNumber procedure origin { caseCode } } } }`, variables: { c: codes.FY } },
      { name: 'search', query: `{ searchPersons(name: "王", first: 10) { totalCount nodes { name idNumberMasked town { name } } } }` },
      { name: 'court case parties', query: `query($c: ID!) { courtCase(caseCode: $c) { caseNumber court { name } parties { role displayName person { name } } } }`, variables: { c: codes.FY } },
      { name: 'court case origin', query: `query($c: ID!) { courtCase(caseCode: $c) { origin { __typename caseCode agency summary { title } } } }`, variables: { c: codes.FY } },
    );

    // The bench's operations (over this world's first complete journey).
    for (const op of benchOperations(system.worldDir, 50).filter((o) => !o.id.includes('@'))) {
      operations.push({ name: `bench ${op.id}`, query: op.query, variables: op.variables, operationName: op.operationName });
    }

    // The console's and production's registered operations, with values from the world.
    const caseCodeFor = (name: string) =>
      /CourtCase|Matter/.test(name) ? codes.FY : /Petition/.test(name) ? codes.XF : /PoliceIncident/.test(name) ? codes.GA : /LegalAid/.test(name) ? codes.SF : codes.ZZ;
    const valueFor = (opName: string, variable: string): unknown => {
      switch (variable) {
        case 'caseCode':
          return /Console(Accept|Dispatch|Escalate|Evaluate|Fail|Resolve|Supervise|Transfer|Verify)Dispute/.test(opName) ? missingDispute : caseCodeFor(opName);
        case 'id':
        case 'personId':
          return personId;
        case 'idNumber':
          return idNumber;
        case 'division':
          return division;
        case 'from':
          return '2024-01-01';
        case 'to':
          return '2026-12-31';
        case 'first':
          return 5;
        case 'name':
          return '王';
        case 'agencies':
          return ['POLICE', 'COURTS', 'GRID'];
        case 'satisfaction':
          return 'SATISFIED';
        case 'unit':
        case 'note':
        case 'reason':
        case 'resolution':
          return '一致性测试';
        case 'idempotencyKey':
          return 'executor-parity-1';
        case 'input':
          return {
            channel: 'WALK_IN',
            category: 'NEIGHBOUR',
            title: '一致性测试',
            description: '执行器一致性测试登记',
            parties: [{ role: 'APPLICANT', name: '测试人' }],
            severity: 'ORDINARY',
            division: `${division}100`,
          };
        default:
          return undefined;
      }
    };
    const registered = [
      ...operationFiles(join(repositoryRoot, 'gateway/console/src/operations')),
      ...operationFiles(join(repositoryRoot, 'gateway/production/operations')).map((o) => ({ ...o, name: `production ${o.name}` })),
    ];
    for (const { name, query } of registered) {
      const definition = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      const opName = definition.name!.value;
      const variables = Object.fromEntries(
        (definition.variableDefinitions ?? []).map((d) => [d.variable.name.value, valueFor(opName, d.variable.name.value)]).filter(([, v]) => v !== undefined),
      );
      operations.push({ name, query, variables, operationName: opName });
    }
    // Queries first, then the mutations (refused on a missing ticket; intake is idempotent by its key).
    operations.sort((a, b) => Number(/^\s*(#.*\n\s*)*mutation/.test(a.query)) - Number(/^\s*(#.*\n\s*)*mutation/.test(b.query)));
  }, 240_000);

  afterAll(async () => {
    await host?.stop();
    await pools?.close();
    await system?.close();
  });

  it('answer the e2e, bench, console and production operations identically', async () => {
    expect(operations.length).toBeGreaterThan(40);
    let withData = 0;
    for (const op of operations) {
      const result = await expectSame(op);
      if (result.data && !result.errors) withData++;
    }
    // Most of them are real answers, not refusals.
    expect(withData).toBeGreaterThan(operations.length * 0.6);
  });

  it.each<Operation>([
    {
      name: 'fragments on an interface, nested and repeated, type conditions on each implementation',
      query: `query($c: ID!) {
        matter(caseCode: $c) { ...M ... on Matter { summary { status } } related { ...M } }
      }
      fragment M on Matter {
        __typename caseCode
        ... on CourtCase { caseNumber origin { __typename ...S } }
        ... on Petition { title petitionKind: kind }
        ... on PoliceIncident { incidentNumber incidentStatus: status }
        ... on Dispute { title disputeStatus: status }
        ... on LegalAidCase { legalAidKind: kind legalAidStatus: status }
        ...S
      }
      fragment S on Matter { agency summary { title overdue } }`,
    },
    {
      name: 'aliases: the same field twice under different names and arguments, aliased __typename',
      query: `query($c: ID!) {
        first: matter(caseCode: $c) { kind: __typename code: caseCode s: summary { t: title } }
        again: matter(caseCode: $c) { caseCode a: agency b: agency }
        nothing: matter(caseCode: "420923-FY-2025-999999") { caseCode }
      }`,
    },
    {
      name: '@skip and @include with variables, on fields, fragments and spreads',
      query: `query($c: ID!, $yes: Boolean!, $no: Boolean = false) {
        matter(caseCode: $c) {
          caseCode @include(if: $yes)
          agency @skip(if: $yes)
          ... on CourtCase @include(if: $no) { caseNumber }
          ... on CourtCase @skip(if: $no) { procedure origin @include(if: $yes) { caseCode } }
          ...F @skip(if: $no)
          summary { title @include(if: $no) status }
        }
      }
      fragment F on Matter { related @include(if: $yes) { caseCode } }`,
      variables: { yes: true },
    },
    {
      name: '@skip on a whole fetch (plan condition)',
      query: `query($id: ID!, $withCourts: Boolean!) { person(id: $id) { name courtCases @include(if: $withCourts) { caseCode } policeIncidents @skip(if: $withCourts) { caseCode } } }`,
      variables: { withCourts: false },
    },
    {
      name: '__typename at the root, on entities, on interfaces',
      query: `query($id: ID!) { __typename person(id: $id) { __typename id timeline(first: 3) { __typename nodes { __typename caseCode } } } }`,
    },
    {
      name: 'introspection beside data',
      query: `query($id: ID!, $t: String!) {
        __schema { queryType { name } mutationType { name } types { name kind } }
        t: __type(name: $t) { name kind possibleTypes { name } fields { name } }
        person(id: $id) { name }
      }`,
      variables: { t: 'Matter' },
    },
    {
      name: 'a missing entity (null) and a missing matter',
      query: `{ person(id: "p_nobody") { name policeIncidents { caseCode } } matter(caseCode: "420923-GA-2025-999999") { caseCode } }`,
    },
    {
      name: 'a subgraph error at the root (refused argument), the rest served',
      query: `query($id: ID!) { personByIdNumber(idNumber: "123") { name } person(id: $id) { name } }`,
    },
    {
      name: 'a subgraph error inside an entity fetch (path rewritten to the client path)',
      query: `query($c: ID!) { policeIncident(caseCode: $c) { caseCode parties { role person { name timeline(first: 500) { totalCount } } } } }`,
    },
    {
      name: 'a non-null field of an entity the subgraph errors on (null bubbles up)',
      query: `query($c: ID!) { courtCase(caseCode: $c) { caseNumber parties { person { timeline(first: 0) { totalCount nodes { caseCode } } } } } }`,
    },
    {
      name: 'invalid variables (refused before planning)',
      query: `query($id: ID!, $n: Int) { person(id: $id) { name timeline(first: $n) { totalCount } } }`,
      variables: { id: 7.5, n: 'many' },
    },
    {
      name: 'a variable with a default, not sent',
      query: `query($id: ID!, $n: Int = 2) { person(id: $id) { timeline(first: $n) { nodes { caseCode } } } }`,
    },
    {
      name: 'several operations in one document',
      query: `query A($id: ID!) { person(id: $id) { name } } query B($id: ID!) { person(id: $id) { id courtCases { caseCode } } }`,
      operationName: 'B',
    },
  ])('answer identically: $name', async (op) => {
    const idNumber = operations.find((o) => o.name === 'person view')!.variables!.idNumber as string;
    const id = createPersonTokenizer(DEV_FEDERATION_SECRET)(idNumber);
    const view = expectedPersonView(world, idNumber);
    const c = op.query.includes('policeIncident(') ? view.policeIncidents[0] : view.courtCases[0];
    const variables = { ...(op.query.includes('$id') ? { id } : {}), ...(op.query.includes('$c') ? { c } : {}), ...op.variables };
    await expectSame({ ...op, variables });
  });

  it('answer identically with a subgraph down (its fields null, the outage named)', async () => {
    await system.stop('police');
    try {
      const idNumber = operations.find((o) => o.name === 'person view')!.variables!.idNumber as string;
      const result = await expectSame({ name: 'person view, police down', query: PERSON_VIEW, variables: { idNumber } });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
      const incident = operations.find((o) => o.name === 'bench pass-through')!;
      await expectSame({ ...incident, name: 'police incident, police down' });
    } finally {
      await system.start('police' satisfies SubgraphName);
    }
  });

  it('answer identically when a non-null field cannot be fetched (null bubbles up to the nearest nullable field)', async () => {
    const idNumber = operations.find((o) => o.name === 'person view')!.variables!.idNumber as string;
    const c = expectedPersonView(world, idNumber).courtCases[0];
    await system.stop('grid');
    try {
      // Matter.summary (non-null) comes from grid's registry: without it each
      // matter is null, so is the non-null list of them, so is the court case.
      const result = await expectSame({
        name: 'court case origin and related, grid down',
        query: `query($c: ID!) { courtCase(caseCode: $c) { caseNumber origin { caseCode summary { title } } related { caseCode summary { status } } } }`,
        variables: { c },
      });
      expect(result.errors?.map((e) => e.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
      expect(result.data).toEqual({ courtCase: null });
    } finally {
      await system.start('grid' satisfies SubgraphName);
    }
  });

  it('count compiled operations as plan-cache hits and misses, one per request', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const sdl = supergraphWithUrls(system.urls);
    const counted = new SupergraphHost({
      source: { initialize: async () => ({ supergraphSdl: sdl }) },
      subgraphUrl: (_name, url) => url,
      createDataSource: () => ({ process: async () => ({ data: null }) }),
      createPlanCache: (isCounted) => new PlanCache({ maxEntries: 10, ...(isCounted ? { onHit: () => metrics.queryPlanCacheHits.inc(), onMiss: () => metrics.queryPlanCacheMisses.inc() } : {}) }),
      compiledOperations: { maxEntries: 10, onHit: () => metrics.queryPlanCacheHits.inc(), onMiss: () => metrics.queryPlanCacheMisses.inc() },
      logger: silent,
      allowUnenforcedAuthorization: true,
    });
    await counted.load();
    try {
      const g = counted.current!;
      const op = { name: 'typename', query: '{ __typename }' };
      for (let i = 0; i < 3; i++) await answer(g.executor, g, op);
      const compiled = g.compile(parse('{ __typename }'));
      expect(await g.run(compiled, { variables: undefined, context: {} as GatewayContext })).toEqual({ data: { __typename: 'Query' } });
      const value = async (c: typeof metrics.queryPlanCacheHits) => (await c.get()).values.reduce((s, v) => s + v.value, 0);
      expect(await value(metrics.queryPlanCacheMisses)).toBe(2);
      expect(await value(metrics.queryPlanCacheHits)).toBe(2);
    } finally {
      await counted.stop();
    }
  });
});
