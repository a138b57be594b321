// Issue 4: the five subgraphs as real processes, fed into the registry by
// their relays, answering through stock @apollo/gateway one query that
// touches all five agencies for a journey's person. Issue 6: each refuses
// a direct call without the gateway's signed user context, and filters
// rows to the signed user's jurisdiction.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserContext } from '../../../gateway/security/signUserContext.ts';
import { SUBGRAPHS } from '../../../schema/subgraphList.ts';
import { PRODUCTION_TEST_CONTEXT_PRIVATE_JWK } from '../../fixtures/gateway/productionSecurityEnv.ts';
import { loadWorld, type LoadedWorld } from '../../unit/world/loadWorld.ts';
import { expectedPersonView, PERSON_VIEW } from '../support/expectedPersonView.ts';
import { postGraphQL } from '../support/graphql.ts';
import { e2ePrincipal, signedContextHeaders } from '../support/signedContext.ts';
import { type RunningSubgraphs, startSubgraphs } from '../support/startSubgraphs.ts';
import { startStockGateway } from '../support/stockGateway.ts';

/** Polls until `check` stops throwing (relays deliver asynchronously). */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('five subgraphs behind stock @apollo/gateway', () => {
  let system: RunningSubgraphs;
  let world: LoadedWorld;
  let gateway: { url: string; stop(): Promise<void> };

  beforeAll(async () => {
    system = await startSubgraphs({ people: 2_000 });
    world = await loadWorld(system.worldDir);
    gateway = await startStockGateway(system.urls);
  });
  afterAll(async () => {
    await gateway?.stop();
    await system?.close();
  });

  it('answers the person view across all five agencies with exactly the records the agencies hold', async () => {
    // A journey person whose matters span all five agencies.
    const candidates = world.journeys.flatMap((j) => j.persons).map((id) => ({ id, view: expectedPersonView(world, id) }));
    const found = candidates.find(({ view }) => [view.disputes, view.petitions, view.policeIncidents, view.courtCases, view.legalAidCases].every((s) => s.length > 0));
    expect(found, 'the seeded world has a journey person with matters in all five agencies').toBeDefined();
    const person = found!;
    const expected = person.view;

    const answer = await eventually(async () => {
      const res = await postGraphQL(gateway.url, PERSON_VIEW, { variables: { idNumber: person.id } });
      expect(res.errors).toBeUndefined();
      // The registry is fed asynchronously: wait until it holds the whole timeline.
      expect(res.data?.personByIdNumber.timeline.totalCount).toBe(expected.timeline.length);
      return res.data!.personByIdNumber;
    });
    const codes = (list: { caseCode: string }[]) => list.map((m) => m.caseCode).sort();
    expect(codes(answer.disputes)).toEqual(expected.disputes);
    expect(codes(answer.petitions)).toEqual(expected.petitions);
    expect(codes(answer.policeIncidents)).toEqual(expected.policeIncidents);
    expect(codes(answer.courtCases)).toEqual(expected.courtCases);
    expect(codes(answer.legalAidCases)).toEqual(expected.legalAidCases);
    expect(codes(answer.timeline.nodes)).toEqual(expected.timeline);
    const opened = answer.timeline.nodes.map((n: { summary: { openedAt: string } }) => n.summary.openedAt);
    expect(opened).toEqual([...opened].sort().reverse());
    for (const node of answer.timeline.nodes) {
      expect({ [node.caseCode]: codes(node.related) }).toEqual({ [node.caseCode]: expected.related.get(node.caseCode) });
    }
  });

  it('resolves a court case\'s origin in the agency that owns it', async () => {
    const withOrigin = [...world.matters.values()].find((m) => m.agency === 'COURTS' && m.record.origin && world.matters.get(m.record.origin));
    expect(withOrigin).toBeDefined();
    const origin = world.matters.get(withOrigin!.record.origin!)!;
    const res = await postGraphQL(gateway.url, `query($c: ID!) { courtCase(caseCode: $c) { origin { __typename caseCode agency summary { title } } } }`, {
      variables: { c: withOrigin!.record.caseCode },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.courtCase.origin).toEqual({
      __typename: { GRID: 'Dispute', PETITIONS: 'Petition', POLICE: 'PoliceIncident', COURTS: 'CourtCase', LEGAL_AID: 'LegalAidCase' }[origin.agency],
      caseCode: origin.record.caseCode,
      agency: origin.agency,
      summary: { title: origin.record.title },
    });
  });

  it('loses no event while grid is down and applies each once when it returns', async () => {
    const zhang = world.journeys[0]!.persons[0]!;
    await system.stop('grid');
    const incident = await system.query('police', `mutation($i: PoliceIncidentInput!) { receiveIncident(idempotencyKey: "e2e-loss-1", input: $i) { caseCode } }`, {
      variables: { i: { channel: 'CALL_110', category: 'DISPUTE', title: '邻里纠纷报警', narrative: '报警人称邻居堵路', place: '城关镇建设路', division: '420923100', station: '云梦县公安局城关派出所', parties: [{ role: 'REPORTER', name: '报警人', idNumber: zhang }] } },
    });
    expect(incident.errors).toBeUndefined();
    const petition = await system.query('petitions', `mutation($i: PetitionRegistrationInput!) { registerPetition(idempotencyKey: "e2e-loss-2", input: $i) { caseCode } }`, {
      variables: { i: { kind: 'CLAIM', channel: 'VISIT', category: 'NEIGHBOUR', subject: '反映邻居堵路问题', content: '邻居长期堵路', division: '420923100', petitioners: [{ name: '信访人', idNumber: zhang }] } },
    });
    expect(petition.errors).toBeUndefined();
    const incidentCode: string = incident.data?.receiveIncident.caseCode;
    const petitionCode: string = petition.data?.registerPetition.caseCode;
    // A second change while grid is still down: two versions wait in the outbox.
    const dispatched = await system.query('police', `mutation($c: ID!) { dispatchIncident(caseCode: $c, officer: { name: "李警官", badgeNumber: "123456" }) { status } }`, { variables: { c: incidentCode } });
    expect(dispatched.errors).toBeUndefined();

    await system.start('grid');
    const registry = await eventually(async () => {
      const res = await system.query('grid', `query($a: ID!, $b: ID!) { a: matter(caseCode: $a) { summary { status } } b: matter(caseCode: $b) { summary { status } } }`, {
        variables: { a: incidentCode, b: petitionCode },
      });
      expect(res.data?.a?.summary.status).toBe('IN_PROGRESS');
      expect(res.data?.b?.summary.status).toBe('OPEN');
      return res.data;
    });
    expect(registry).toBeDefined();

    // Each agency's outbox is fully delivered, and the registry holds each matter once, at the latest version.
    const pending = (name: string) => {
      const db = new Database(join(system.dataDir, name, `${name}.db`), { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL').get() as { n: number };
      } finally {
        db.close();
      }
    };
    await eventually(async () => {
      expect(pending('police').n).toBe(0);
      expect(pending('petitions').n).toBe(0);
    });
    const grid = new Database(join(system.dataDir, 'grid', 'grid.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = grid.prepare('SELECT case_code AS c, version FROM matter WHERE case_code IN (?, ?) ORDER BY case_code').all(incidentCode, petitionCode);
      expect(rows).toEqual([
        { c: incidentCode, version: 2 },
        { c: petitionCode, version: 1 },
      ].sort((x, y) => x.c.localeCompare(y.c)));
    } finally {
      grid.close();
    }
  });

  describe('a subgraph called directly', () => {
    /** A refusal: 401 UNAUTHENTICATED and no data at all. */
    const expectRefused = (res: Awaited<ReturnType<typeof postGraphQL>>) => {
      expect(res.status).toBe(401);
      expect(res.data).toBeUndefined();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    };
    const tamper = (token: string) => {
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
      return `${header}.${Buffer.from(JSON.stringify({ ...claims, jurisdiction: ['420000'] })).toString('base64url')}.${signature}`;
    };

    it.each(SUBGRAPHS.map((s) => s.name))('%s refuses it without a context, with an expired, a tampered or a foreign one; /health stays open', async (name) => {
      const url = system.urls[name];
      const query = '{ __typename _service { sdl } }';
      expectRefused(await postGraphQL(url, query));
      const expired = await signedContextHeaders(e2ePrincipal(), { now: new Date(Date.now() - 2 * 60_000) });
      expectRefused(await postGraphQL(url, query, { headers: expired }));
      const narrow = await signedContextHeaders(e2ePrincipal({ jurisdiction: ['420923100'] }));
      expectRefused(await postGraphQL(url, query, { headers: Object.fromEntries(Object.entries(narrow).map(([k, v]) => [k, tamper(v)])) }));
      const foreign = await signUserContext(e2ePrincipal(), { privateKey: { ...PRODUCTION_TEST_CONTEXT_PRIVATE_JWK } });
      expectRefused(await postGraphQL(url, query, { headers: { 'x-onewindow-context': foreign } }));
      // Signed by the gateway's key: answered.
      const ok = await system.query(name, '{ __typename }');
      expect(ok.status).toBe(200);
      expect(ok.data).toEqual({ __typename: 'Query' });
      const health = await fetch(url.replace(/\/graphql$/, '/health'));
      expect(health.status).toBe(200);
      await health.body?.cancel();
    });

    it('answers only what lies in the signed user\'s jurisdiction: another county sees none of a person\'s records', async () => {
      const person = world.journeys.flatMap((j) => j.persons).find((id) => expectedPersonView(world, id).policeIncidents.length > 0)!;
      const town = world.persons.get(person)!.division;
      const elsewhere = ['420923', '420102', '420583', '421081', '420704', '421202'].find((c) => !town.startsWith(c))!;
      const view = `query($id: String!) { personByIdNumber(idNumber: $id) { id name } }`;
      const mine = await system.query('grid', view, { variables: { id: person }, user: e2ePrincipal({ jurisdiction: [town] }) });
      expect(mine.data?.personByIdNumber?.name).toBe(world.persons.get(person)!.name);
      const theirs = await system.query('grid', view, { variables: { id: person }, user: e2ePrincipal({ jurisdiction: [elsewhere] }) });
      expect(theirs.errors).toBeUndefined();
      expect(theirs.data?.personByIdNumber).toBeNull();
      // Counts follow: another county's total of police incidents leaves out this county's.
      const count = (jurisdiction: string[]) => system.query('police', '{ policeIncidents { totalCount } }', { user: e2ePrincipal({ jurisdiction }) });
      const all = (await count(['420000'])).data?.policeIncidents.totalCount;
      const here = (await count([town.slice(0, 6)])).data?.policeIncidents.totalCount;
      const there = (await count([elsewhere])).data?.policeIncidents.totalCount;
      expect(here).toBeGreaterThan(0);
      expect(here + there).toBeLessThanOrEqual(all);
      expect((await count([])).data?.policeIncidents.totalCount).toBe(0);

      // Through the stock gateway signing for the other county: the person is not there.
      const foreignGateway = await startStockGateway(system.urls, { principal: e2ePrincipal({ userId: 'elsewhere', jurisdiction: [elsewhere] }) });
      try {
        const res = await postGraphQL(foreignGateway.url, PERSON_VIEW, { variables: { idNumber: person } });
        expect(res.errors).toBeUndefined();
        expect(res.data?.personByIdNumber).toBeNull();
      } finally {
        await foreignGateway.stop();
      }
    });
  });
});
