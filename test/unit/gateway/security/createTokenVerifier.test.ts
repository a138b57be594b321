// The verified-token cache (issue 7): a token that verified is accepted
// again without cryptography, for exactly as long as jose would accept it
// (exp plus the clock tolerance), and under a JWKS URL for at most a minute;
// a token differing by one byte is verified afresh, and a refusal is never
// remembered. The clock is injected; jose is given the same time.
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, AuthenticationError } from '../../../../gateway/security/authenticate.ts';
import { createTokenVerifier, REMOTE_KEY_REUSE_SECONDS, type TokenVerifier } from '../../../../gateway/security/createTokenVerifier.ts';
import { DEV_JWT } from '../../../../gateway/security/devJwt.ts';
import { mintToken } from '../../../../gateway/security/mintToken.ts';

const T0 = Date.parse('2026-11-26T08:00:00Z');
const TOLERANCE = 5;
const USER = { sub: 'zhou.jie', name: '周洁', agency: 'GRID', roles: ['case_handler'], scopes: ['person:phone'], jurisdiction: ['420923'] };

class TestClock {
  ms = T0;
  readonly now = () => this.ms;
  at(seconds: number): void {
    this.ms = T0 + seconds * 1000;
  }
}

const devConfig = { keys: { kind: 'secret' as const, secret: DEV_JWT.secret }, issuer: DEV_JWT.issuer, audience: DEV_JWT.audience, clockToleranceSeconds: TOLERANCE };

async function refusal(verify: TokenVerifier, token: string): Promise<string> {
  try {
    await authenticate(`Bearer ${token}`, verify);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).reason;
  }
  throw new Error('accepted');
}

/** The token with its claims replaced, keeping the original header and signature. */
function tampered(token: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify(change(claims))).toString('base64url')}.${signature}`;
}

describe('the verified-token cache', () => {
  it('remembers a verified token and still refuses it on time: at exp plus the clock tolerance, as jose does', async () => {
    const clock = new TestClock();
    const verify = await createTokenVerifier(devConfig, { now: clock.now });
    const token = await mintToken(USER, { now: new Date(T0), expiresInSeconds: 100 });
    const first = await verify(token);
    clock.at(50);
    expect(await verify(token)).toBe(first); // the same claims object: not verified again
    clock.at(100 + TOLERANCE - 0.001);
    expect(await verify(token)).toBe(first);
    clock.at(100 + TOLERANCE);
    expect(await refusal(verify, token)).toBe('EXPIRED');
    // A fresh verifier (nothing remembered) draws the line at the same second: the cache adds no life.
    const fresh = await createTokenVerifier(devConfig, { now: clock.now });
    expect(await refusal(fresh, token)).toBe('EXPIRED');
    clock.at(100 + TOLERANCE - 1);
    await expect(fresh(token)).resolves.toMatchObject({ sub: 'zhou.jie' });
  });

  it('with no clock tolerance, stops at exp itself', async () => {
    const clock = new TestClock();
    const verify = await createTokenVerifier({ ...devConfig, clockToleranceSeconds: 0 }, { now: clock.now });
    const token = await mintToken(USER, { now: new Date(T0), expiresInSeconds: 30 });
    await verify(token);
    clock.at(29.999);
    await expect(verify(token)).resolves.toMatchObject({ sub: 'zhou.jie' });
    clock.at(30);
    expect(await refusal(verify, token)).toBe('EXPIRED');
  });

  it('refuses a tampered token right after its valid twin was remembered', async () => {
    const clock = new TestClock();
    const verify = await createTokenVerifier(devConfig, { now: clock.now });
    const token = await mintToken(USER, { now: new Date(T0), expiresInSeconds: 3600 });
    const principal = await authenticate(`Bearer ${token}`, verify);
    expect(principal.scopes).toEqual(['person:phone']);
    expect(await refusal(verify, tampered(token, (c) => ({ ...c, scope: 'person:phone person:id_number' })))).toBe('BAD_SIGNATURE');
    expect(await refusal(verify, tampered(token, (c) => ({ ...c, sub: 'auditor' })))).toBe('BAD_SIGNATURE');
    expect(await refusal(verify, tampered(token, (c) => ({ ...c, exp: (c.exp as number) + 86_400 })))).toBe('BAD_SIGNATURE');
    const signature = token.slice(token.lastIndexOf('.') + 1);
    const flipped = `${token.slice(0, token.lastIndexOf('.') + 1)}${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await refusal(verify, flipped)).toBe('BAD_SIGNATURE');
    // The twin itself is still accepted, with the same principal.
    expect(await authenticate(`Bearer ${token}`, verify)).toBe(principal);
  });

  it('never remembers a refusal: a token not valid yet is refused, then accepted once it is', async () => {
    const clock = new TestClock();
    const verify = await createTokenVerifier({ ...devConfig, clockToleranceSeconds: 0 }, { now: clock.now });
    const secret = new TextEncoder().encode(DEV_JWT.secret);
    const early = await new SignJWT({ scope: '' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('zhou.jie')
      .setIssuer(DEV_JWT.issuer)
      .setAudience(DEV_JWT.audience)
      .setNotBefore(T0 / 1000 + 60)
      .setExpirationTime(T0 / 1000 + 3600)
      .sign(secret);
    expect(await refusal(verify, early)).toBe('EXPIRED');
    expect(await refusal(verify, early)).toBe('EXPIRED');
    clock.at(60);
    await expect(verify(early)).resolves.toMatchObject({ sub: 'zhou.jie' });
  });

  it('keeps at most cacheEntries tokens (LRU), and remembers nothing with 0', async () => {
    const clock = new TestClock();
    const one = await createTokenVerifier(devConfig, { now: clock.now, cacheEntries: 1 });
    const a = await mintToken({ ...USER, sub: 'a' }, { now: new Date(T0) });
    const b = await mintToken({ ...USER, sub: 'b' }, { now: new Date(T0) });
    const first = await one(a);
    expect(await one(a)).toBe(first);
    await one(b);
    expect(await one(a)).not.toBe(first);
    const none = await createTokenVerifier(devConfig, { now: clock.now, cacheEntries: 0 });
    expect(await none(a)).not.toBe(await none(a));
  });

  describe('under a JWKS URL', () => {
    let server: Server;
    let url: string;
    let privateKey: CryptoKey;
    beforeAll(async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      privateKey = pair.privateKey;
      const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] });
      server = createServer((_request, response) => {
        response.setHeader('content-type', 'application/json');
        response.end(jwks);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`;
    });
    afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

    it(`reuses a verification for at most ${REMOTE_KEY_REUSE_SECONDS} s (a rotated-out key stops working soon), then verifies again`, async () => {
      const clock = new TestClock();
      const verify = await createTokenVerifier({ keys: { kind: 'jwks-url', url }, clockToleranceSeconds: 0 }, { now: clock.now });
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('zhou.jie')
        .setExpirationTime(T0 / 1000 + 3600)
        .sign(privateKey);
      const first = await verify(token);
      clock.at(REMOTE_KEY_REUSE_SECONDS - 0.001);
      expect(await verify(token)).toBe(first);
      clock.at(REMOTE_KEY_REUSE_SECONDS);
      const again = await verify(token);
      expect(again).not.toBe(first);
      expect(again).toEqual(first);
      // The same token under a shared secret is reused for its whole life.
      const secretVerify = await createTokenVerifier(devConfig, { now: clock.now });
      const long = await mintToken(USER, { now: new Date(clock.ms) });
      const remembered = await secretVerify(long);
      clock.at(REMOTE_KEY_REUSE_SECONDS * 10);
      expect(await secretVerify(long)).toBe(remembered);
    });
  });
});
