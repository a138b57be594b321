// Fuzzed tokens, purposes, request ids and operations (seeded, bounded):
// the gateway answers every one with a client error or data, never a crash
// (5xx) and never a hang, and still serves correctly afterwards.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_JWT } from '../../../../gateway/security/devJwt.ts';
import { mintToken } from '../../../../gateway/security/mintToken.ts';
import { startSecurityApp, USERS, type SecurityApp } from './support/securityApp.ts';

const CASES = 3000;
const SEED = 20250601;
const PER_REQUEST_MS = 5_000;

/** mulberry32: small, fast, good enough to spread cases; the seed makes failures reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const QUERIES = [
  '{ hello }',
  '{ person(id: "p1") { name idNumber phone idNumberMasked } }',
  '{ people { id secretNonNull } }',
  '{ person(id: "p1") { things { id ... on Vault { code } ... on Box { weight } } } }',
  'mutation { rename(id: "p1", name: "x") { name } }',
  'query A { stats { count } } query B { hello }',
  '{ items { __typename } }',
  '{ __schema { types { name } } }',
  '{ person(id: ',
  '',
  'query ($id: ID!) { person(id: $id) { __onewindow_typename: name } }',
  '{ nope }',
  'fragment F on Person { idNumber } { person(id: "p2") { ...F ...F } }',
];

describe('fuzzed tokens and headers', () => {
  let s: SecurityApp;
  let good: string;
  beforeAll(async () => {
    s = await startSecurityApp();
    good = await mintToken(USERS.full);
  });
  afterAll(async () => s?.close());

  it(`answers ${CASES} seeded cases without a crash or a hang`, async () => {
    const r = prng(SEED);
    const secret = new TextEncoder().encode(DEV_JWT.secret);
    const latin1 = (max: number) => Array.from({ length: r.int(max) }, () => String.fromCharCode(r.pick([0x20 + r.int(95), 0xa0 + r.int(96)]))).join('');
    const b64 = (max: number) => Buffer.from(Array.from({ length: r.int(max) }, () => r.int(256))).toString('base64url');
    const anyValue = (depth = 0): unknown => {
      switch (r.int(depth > 2 ? 5 : 8)) {
        case 0: return latin1(40);
        case 1: return r.next() * 1e12 - 5e11;
        case 2: return null;
        case 3: return r.next() < 0.5;
        case 4: return r.pick(['GRID', 'POLICE', '', '420923', 'person:id_number admin', 'role:auditor', '💥'.repeat(r.int(50))]);
        case 5: return Array.from({ length: r.int(r.next() < 0.1 ? 200 : 5) }, () => anyValue(depth + 1));
        case 6: return Object.fromEntries(Array.from({ length: r.int(4) }, () => [latin1(8), anyValue(depth + 1)]));
        default: return 'x'.repeat(r.int(5000));
      }
    };
    const mutate = (token: string) => {
      const chars = [...token];
      switch (r.int(5)) {
        case 0: chars[r.int(chars.length)] = r.pick(['A', '-', '_', '.', '=', ' ']); return chars.join('');
        case 1: return token.slice(0, r.int(token.length));
        case 2: return token.split('.').reverse().join('.');
        case 3: return `${token}.${b64(20)}`;
        default: return token.replace(/\.[^.]*$/, `.${b64(43)}`);
      }
    };
    const authorization = async (): Promise<string | undefined> => {
      switch (r.int(9)) {
        case 0: return undefined;
        case 1: return latin1(200);
        case 2: return `Bearer ${Array.from({ length: 1 + r.int(4) }, () => b64(60)).join('.')}`;
        case 3: return `Bearer ${mutate(good)}`;
        case 4: {
          const header = Buffer.from(JSON.stringify({ alg: r.pick(['none', 'HS256', 'RS256', 'HS512', 'EdDSA', '', latin1(5)]), typ: 'JWT' })).toString('base64url');
          const payload = Buffer.from(JSON.stringify(anyValue())).toString('base64url');
          return `${r.pick(['Bearer ', 'bearer ', 'BEARER  ', 'Bearer\t'])}${header}.${payload}.${r.next() < 0.5 ? '' : b64(40)}`;
        }
        case 5: {
          // Correctly signed, with claims of every shape.
          const claims = Object.fromEntries(['name', 'agency', 'roles', 'scope', 'scopes', 'jurisdiction', 'sub', 'exp', 'nbf', 'iat'].filter(() => r.next() < 0.6).map((k) => [k, anyValue()]));
          const jwt = new SignJWT({ ...claims, iss: DEV_JWT.issuer, aud: DEV_JWT.audience }).setProtectedHeader({ alg: 'HS256' });
          if (r.next() < 0.7) jwt.setSubject(r.pick(['u1', '', latin1(20), 'a b']));
          if (r.next() < 0.8) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + r.int(7200) - 600);
          try {
            return `Bearer ${await jwt.sign(secret)}`;
          } catch {
            return `Bearer ${good}`;
          }
        }
        default: return `Bearer ${good}`;
      }
    };
    const purpose = () =>
      r.pick([
        undefined,
        latin1(300),
        '420923-XF-2025-000123',
        '420923-GA-2024-000042',
        'reason:窗口接待'.replace(/./g, (c) => Buffer.from(c, 'utf8').toString('latin1')),
        `reason:${latin1(60)}`,
        `reason:${'%'.repeat(r.int(10))}${b64(30)}%E7%AA`,
        `reason:${encodeURIComponent('窗口接待核实身份')}`,
        'reason:%ZZ%E0%A4%A',
        `420923-${latin1(3)}-2025-000123`,
      ]);

    const statuses = new Map<number, number>();
    for (let start = 0; start < CASES; start += 25) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, CASES - start) }, async () => {
          const headers: Record<string, string> = {};
          const auth = await authorization();
          if (auth !== undefined) headers.authorization = auth;
          const p = purpose();
          if (p !== undefined) headers['x-access-purpose'] = p;
          if (r.next() < 0.2) headers['x-request-id'] = latin1(200);
          const query = r.pick(QUERIES);
          const request = {
            query,
            headers,
            method: r.next() < 0.15 ? ('GET' as const) : ('POST' as const),
            ...(r.next() < 0.2 ? { operationName: r.pick(['A', 'B', 'C', '', latin1(10)]) } : {}),
            ...(r.next() < 0.2 ? { variables: { id: anyValue() } as Record<string, unknown> } : {}),
          };
          const call = s.graphql(request);
          let timer: NodeJS.Timeout | undefined;
          const hang = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${PER_REQUEST_MS} ms: ${JSON.stringify({ headers, query })}`)), PER_REQUEST_MS);
          });
          try {
            const response = await Promise.race([call, hang]);
            return { response, headers: request, query };
          } finally {
            clearTimeout(timer);
          }
        }),
      );
      for (const { response, headers, query } of batch) {
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expect(response.statusCode, JSON.stringify({ headers, query, body: response.body.slice(0, 300) })).toBeLessThan(500);
        const body = response.json();
        expect('data' in body || Array.isArray(body.errors)).toBe(true);
      }
    }
    // The cases reached every stage: refused tokens, refused purposes, served answers.
    expect(statuses.get(401)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(statuses.get(200)).toBeGreaterThan(100);

    const after = await s.graphql({ query: '{ person(id: "p1") { name idNumber } }', token: good, purpose: 'reason:after the fuzz' });
    expect(after.json()).toEqual({ data: { person: { name: '王芳', idNumber: '420923199001011234' } } });
  }, 120_000);
});
