// Issue 6 through the real gateway process over the five real subgraphs
// (startSubgraphs: a seeded world, each subgraph its own process): what each
// demo user sees of the same journey person, field by field (the fields the
// gateway removes come back null with an error naming their path; the rest
// is served); 401s; PURPOSE_REQUIRED; reject mode; plan-cache safety; the
// token script. Jurisdiction filtering is the subgraphs' (tested there).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type DemoUser } from '../../../gateway/security/demoUsers.ts';
import { mintToken } from '../../../gateway/security/mintToken.ts';
import { SUBGRAPHS } from '../../../schema/subgraphList.ts';
import { loadWorld, type LoadedWorld } from '../../unit/world/loadWorld.ts';
import { expectedPersonView } from '../support/expectedPersonView.ts';
import { freePort } from '../support/freePort.ts';
import { postGraphQL } from '../support/graphql.ts';
import { repositoryRoot, startProcess, type StartedProcess } from '../support/startProcess.ts';
import { startSubgraphs, type RunningSubgraphs } from '../support/startSubgraphs.ts';

const VISIBILITY = `query Visibility($idNumber: String!) {
  personByIdNumber(idNumber: $idNumber) {
    name
    idNumberMasked
    idNumber
    phoneMasked
    phone
    specialPopulationTags
    petitionAccusations { caseCode }
    policeIncidentsAsSuspect { caseCode }
    disputes { caseCode title }
    petitions { caseCode accusers { displayName } }
    policeIncidents { caseCode narrative suspects { displayName } }
    courtCases { caseCode caseNumber }
    legalAidCases { caseCode legalAid { matter monthlyIncomeYuan householdSize meansTestResult } }
  }
}`;

/**
 * The fields behind a scope in this operation (subgraphs/shared/schema/scopes.ts),
 * by response path (lists not indexed): who lacks the scope gets null and an error.
 */
const PROTECTED: readonly { path: string; coordinate: string; scope: string }[] = [
  { path: 'personByIdNumber.idNumber', coordinate: 'Person.idNumber', scope: 'person:id_number' },
  { path: 'personByIdNumber.phone', coordinate: 'Person.phone', scope: 'person:phone' },
  { path: 'personByIdNumber.specialPopulationTags', coordinate: 'Person.specialPopulationTags', scope: 'person:special_population' },
  { path: 'personByIdNumber.petitionAccusations', coordinate: 'Person.petitionAccusations', scope: 'petitions:accuser' },
  { path: 'personByIdNumber.policeIncidentsAsSuspect', coordinate: 'Person.policeIncidentsAsSuspect', scope: 'police:restricted' },
  { path: 'personByIdNumber.petitions.accusers', coordinate: 'Petition.accusers', scope: 'petitions:accuser' },
  { path: 'personByIdNumber.policeIncidents.narrative', coordinate: 'PoliceIncident.narrative', scope: 'police:restricted' },
  { path: 'personByIdNumber.policeIncidents.suspects', coordinate: 'PoliceIncident.suspects', scope: 'police:restricted' },
  { path: 'personByIdNumber.legalAidCases.legalAid.monthlyIncomeYuan', coordinate: 'LegalAidApplication.monthlyIncomeYuan', scope: 'legalaid:finance' },
  { path: 'personByIdNumber.legalAidCases.legalAid.householdSize', coordinate: 'LegalAidApplication.householdSize', scope: 'legalaid:finance' },
  { path: 'personByIdNumber.legalAidCases.legalAid.meansTestResult', coordinate: 'LegalAidApplication.meansTestResult', scope: 'legalaid:finance' },
];

/** Every value at a response path (through lists), with whether the key is present. */
function valuesAt(data: unknown, path: string): { present: boolean; value: unknown }[] {
  const out: { present: boolean; value: unknown }[] = [];
  const walk = (value: unknown, keys: string[]) => {
    if (Array.isArray(value)) return value.forEach((v) => walk(v, keys));
    if (keys.length === 0) return;
    if (value === null || typeof value !== 'object') return;
    const [key, ...rest] = keys;
    const object = value as Record<string, unknown>;
    if (rest.length === 0) out.push({ present: key! in object, value: object[key!] });
    else walk(object[key!], rest);
  };
  walk(data, path.split('.'));
  return out;
}

describe('issue 6 at the real gateway over the five real subgraphs', () => {
  let system: RunningSubgraphs;
  let world: LoadedWorld;
  let gateway: StartedProcess;
  let rejecting: StartedProcess;
  let url: string;
  let rejectUrl: string;
  let dataDir: string;
  let person: { idNumber: string; caseCode: string };
  const tokens = new Map<string, string>();
  const bearer = (user: DemoUser) => ({ authorization: `Bearer ${tokens.get(user.key)}` });

  beforeAll(async () => {
    system = await startSubgraphs({ people: 2_000 });
    world = await loadWorld(system.worldDir);
    // A journey's protagonist with matters in all five agencies, living in the
    // grid worker's town if one does (so jurisdiction filtering, when the
    // subgraphs add it, leaves them visible to every demo user).
    const candidates = world.journeys
      .flatMap((j) => j.persons)
      .map((id) => ({ id, view: expectedPersonView(world, id), town: world.persons.get(id)?.division }))
      .filter(({ view }) => [view.disputes, view.petitions, view.policeIncidents, view.courtCases, view.legalAidCases].filter((s) => s.length > 0).length >= 4);
    const chosen = candidates.find((c) => c.town === '420923100') ?? candidates[0];
    expect(chosen, 'the seeded world has a journey person with matters in most agencies').toBeDefined();
    person = { idNumber: chosen!.id, caseCode: chosen!.view.timeline[0]! };

    dataDir = mkdtempSync(join(tmpdir(), 'onewindow-security-e2e-'));
    const env = (extra: Record<string, string>) => ({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      GATEWAY_WATCH_SUPERGRAPH: 'false',
      // Not under test here; the alternating runs below would hit it.
      GATEWAY_RATE_LIMIT_BURST: '0',
      ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, system.urls[s.name]])),
      ...extra,
    });
    const [port, rejectPort] = [await freePort(), await freePort()];
    [gateway, rejecting] = await Promise.all([
      startProcess({ name: 'gateway', args: ['gateway/main.ts', '--port', String(port)], env: env({ GATEWAY_AUDIT_DB: join(dataDir, 'audit-filter.db') }), readyUrl: `http://127.0.0.1:${port}/ready` }),
      startProcess({
        name: 'gateway-reject',
        args: ['gateway/main.ts', '--port', String(rejectPort)],
        env: env({ GATEWAY_AUTHZ_MODE: 'reject', GATEWAY_AUDIT_DB: join(dataDir, 'audit-reject.db') }),
        readyUrl: `http://127.0.0.1:${rejectPort}/ready`,
      }),
    ]);
    url = `http://127.0.0.1:${port}/graphql`;
    rejectUrl = `http://127.0.0.1:${rejectPort}/graphql`;
    for (const user of DEMO_USERS) tokens.set(user.key, await mintToken(user));
  }, 180_000);
  afterAll(async () => {
    await Promise.allSettled([gateway?.stop(), rejecting?.stop()]);
    await system?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  describe.each(DEMO_USERS.map((u) => [u.key, u] as const))('what %s sees of the journey person', (_key, user) => {
    it('the fields behind scopes they hold are served; the others are null, each with an error naming its path', async () => {
      const result = await postGraphQL(url, VISIBILITY, {
        variables: { idNumber: person.idNumber },
        headers: { ...bearer(user), 'x-access-purpose': person.caseCode },
      });
      expect(result.status).toBe(200);
      const subject = result.data?.personByIdNumber;
      expect(subject, JSON.stringify(result.errors)).toBeTruthy();
      // Never removed: the masked values and the agencies' lists.
      expect(subject.idNumberMasked).toMatch(/^\d{6}\*+\d{4}$|^\d{6}\*+\d{3}X$/);
      expect(subject.name).toBe(world.persons.get(person.idNumber)!.name);
      for (const list of ['disputes', 'petitions', 'policeIncidents', 'courtCases', 'legalAidCases']) expect(Array.isArray(subject[list]), list).toBe(true);

      const removed = PROTECTED.filter((p) => !user.scopes.includes(p.scope));
      const authzErrors = (result.errors ?? []).filter((e) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE');
      expect(authzErrors.map((e) => `${e.path!.join('.')} ${e.extensions!.coordinate}`).sort()).toEqual(removed.map((p) => `${p.path} ${p.coordinate}`).sort());
      expect((result.errors ?? []).filter((e) => e.extensions?.code !== 'UNAUTHORIZED_FIELD_OR_TYPE')).toEqual([]);
      for (const field of PROTECTED) {
        const values = valuesAt(result.data, field.path);
        for (const { present, value } of values) {
          expect(present, `${user.key}: ${field.path} is in the answer`).toBe(true);
          if (!user.scopes.includes(field.scope)) expect(value, `${user.key}: ${field.path} is removed`).toBeNull();
        }
      }
      // Full values actually served to those holding the scope (the raw ID number of the person asked for).
      if (user.scopes.includes('person:id_number')) expect(subject.idNumber).toBe(person.idNumber);
      if (user.scopes.includes('person:phone')) expect(subject.phone).toBe(world.persons.get(person.idNumber)!.phone);
    });
  });

  it('the demo users differ as documented: only police read narratives, only petitions read accusers, ...', () => {
    const holders = (scope: string) => DEMO_USERS.filter((u) => u.scopes.includes(scope)).map((u) => u.key).sort();
    expect(holders('police:restricted')).toEqual(['police']);
    expect(holders('petitions:accuser')).toEqual(['petitions']);
    expect(holders('legalaid:finance')).toEqual(['legalaid']);
    expect(holders('person:special_population')).toEqual(['gridworker']);
    expect(holders('person:phone')).toEqual(['gridworker', 'handler']);
    expect(holders('person:id_number')).toEqual(['courts', 'police']);
    expect(holders('person:id_number').concat(holders('person:phone'))).not.toContain('supervisor');
    expect(DEMO_USERS.find((u) => u.key === 'auditor')!.scopes).toEqual([]);
  });

  describe('authentication', () => {
    const refused = async (headers: Record<string, string>, reason: string) => {
      const result = await postGraphQL(url, '{ centerStats(from: "2025-01-01", to: "2025-12-31", division: "420923") { accepted closed } }', { headers });
      expect(result.status).toBe(401);
      expect(result.data).toBeUndefined();
      expect(result.errors!.map((e) => [e.extensions!.code, e.extensions!.reason])).toEqual([['UNAUTHENTICATED', reason]]);
    };
    it('missing, malformed, expired, wrongly signed, alg none: 401 and no data', async () => {
      const handler = DEMO_USERS[0]!;
      await refused({}, 'MISSING');
      await refused({ authorization: 'Bearer x.y' }, 'MALFORMED');
      await refused({ authorization: `Bearer ${await mintToken(handler, { now: new Date(Date.now() - 9 * 3600_000) })}` }, 'EXPIRED');
      await refused({ authorization: `Bearer ${await mintToken(handler, { secret: 'another-secret-of-thirty-two-chars!!', issuer: 'onewindow-dev', audience: 'onewindow' })}` }, 'BAD_SIGNATURE');
      const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'zhou.jie', scope: 'person:id_number', exp: Math.floor(Date.now() / 1000) + 600, iss: 'onewindow-dev', aud: 'onewindow' })}.`;
      await refused({ authorization: `Bearer ${none}` }, 'BAD_SIGNATURE');
    });

    it('the token script prints a token the gateway accepts; an unknown user lists the users and exits 2', async () => {
      const run = promisify(execFile);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/token.ts', 'supervisor'], { cwd: repositoryRoot });
      const result = await postGraphQL(url, '{ centerStats(from: "2025-01-01", to: "2025-12-31", division: "420923") { accepted closed } }', { headers: { authorization: `Bearer ${stdout.trim()}` } });
      expect(result.status).toBe(200);
      const failed = await run(process.execPath, ['--import', 'tsx', 'scripts/token.ts', 'nobody'], { cwd: repositoryRoot }).catch((error: { code: number; stderr: string }) => error);
      expect(failed).toMatchObject({ code: 2 });
      expect((failed as { stderr: string }).stderr).toContain('gridworker');
    });
  });

  describe('purpose', () => {
    it('reading a person without x-access-purpose: 400 PURPOSE_REQUIRED and no data; with one: served', async () => {
      const handler = DEMO_USERS[0]!;
      const without = await postGraphQL(url, VISIBILITY, { variables: { idNumber: person.idNumber }, headers: bearer(handler) });
      expect(without.status).toBe(400);
      expect(without.data).toBeUndefined();
      expect(without.errors!.map((e) => e.extensions!.code)).toEqual(['PURPOSE_REQUIRED']);
      const reason = await postGraphQL(url, '{ personByIdNumber(idNumber: "' + person.idNumber + '") { name } }', {
        headers: { ...bearer(handler), 'x-access-purpose': `reason:${encodeURIComponent('窗口接待核实身份')}` },
      });
      expect(reason.status).toBe(200);
      expect(reason.data?.personByIdNumber?.name).toBeTruthy();
    });

    it('an operation reading no person data needs none', async () => {
      const result = await postGraphQL(url, '{ centerStats(from: "2025-01-01", to: "2025-12-31", division: "420923") { accepted closed } }', { headers: bearer(DEMO_USERS[0]!) });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    });
  });

  describe('reject mode (GATEWAY_AUTHZ_MODE=reject)', () => {
    it('refuses the whole operation of a user missing a scope (403, every path, no data); serves one who may see it all', async () => {
      const supervisor = DEMO_USERS.find((u) => u.key === 'supervisor')!;
      const refused = await postGraphQL(rejectUrl, '{ personByIdNumber(idNumber: "' + person.idNumber + '") { name idNumber phone } }', {
        headers: { ...bearer(supervisor), 'x-access-purpose': person.caseCode },
      });
      expect(refused.status).toBe(403);
      expect(refused.data).toBeUndefined();
      expect(refused.errors!.map((e) => e.path!.join('.'))).toEqual(['personByIdNumber.idNumber', 'personByIdNumber.phone']);
      const police = DEMO_USERS.find((u) => u.key === 'police')!;
      const served = await postGraphQL(rejectUrl, '{ personByIdNumber(idNumber: "' + person.idNumber + '") { name idNumber } }', {
        headers: { ...bearer(police), 'x-access-purpose': person.caseCode },
      });
      expect(served.status).toBe(200);
      expect(served.data?.personByIdNumber?.idNumber).toBe(person.idNumber);
    });
  });

  it('plan-cache safety: the same operation text, alternately by two users with different scopes, always gives each their own answer', async () => {
    const police = DEMO_USERS.find((u) => u.key === 'police')!;
    const handler = DEMO_USERS.find((u) => u.key === 'handler')!;
    const query = 'query Same($id: String!) { personByIdNumber(idNumber: $id) { idNumber phone policeIncidents { caseCode narrative } } }';
    for (let round = 0; round < 6; round++) {
      for (const user of round % 2 === 0 ? [police, handler] : [handler, police]) {
        const result = await postGraphQL(url, query, { variables: { id: person.idNumber }, headers: { ...bearer(user), 'x-access-purpose': person.caseCode } });
        const subject = result.data!.personByIdNumber;
        const paths = (result.errors ?? []).map((e) => e.path!.join('.')).sort();
        if (user === police) {
          expect(subject.idNumber).toBe(person.idNumber);
          expect(subject.phone).toBeNull();
          expect(paths).toEqual(['personByIdNumber.phone']);
        } else {
          expect(subject.idNumber).toBeNull();
          expect(subject.phone).toBe(world.persons.get(person.idNumber)!.phone);
          expect(paths).toEqual(['personByIdNumber.idNumber', 'personByIdNumber.policeIncidents.narrative']);
          for (const incident of subject.policeIncidents) expect(incident.narrative).toBeNull();
        }
      }
    }
  });
});
