import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate, AuthenticationError } from '../../../../gateway/security/authenticate.ts';
import { createTokenVerifier, type TokenVerifier } from '../../../../gateway/security/createTokenVerifier.ts';
import { mintToken } from '../../../../gateway/security/mintToken.ts';

const ISSUER = 'https://idp.example.test';
const AUDIENCE = 'onewindow';
const dir = mkdtempSync(join(tmpdir(), 'onewindow-jwks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(header: string | undefined, verify: TokenVerifier): Promise<string> {
  try {
    await authenticate(header, verify);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).reason;
  }
  throw new Error('accepted');
}

interface Signer {
  alg: string;
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signer(alg: 'RS256' | 'ES256' | 'EdDSA', kid: string): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const sign = (s: Signer, claims: Record<string, unknown> = {}, options: { expiresIn?: string; issuer?: string } = {}) =>
  new SignJWT({ name: '测试', agency: 'COURTS', roles: ['court_clerk'], scopes: ['person:id_number'], scope: 'legalaid:finance', jurisdiction: ['420923'], ...claims })
    .setProtectedHeader({ alg: s.alg, kid: s.kid })
    .setSubject('clerk-1')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(s.privateKey);

describe('authenticate', () => {
  let signers: Signer[];
  let stranger: Signer;
  let server: Server;
  let jwksUrl: string;
  let jwksRequests = 0;
  beforeAll(async () => {
    signers = [await signer('RS256', 'rs'), await signer('ES256', 'es'), await signer('EdDSA', 'ed')];
    stranger = await signer('ES256', 'es');
    server = createServer((_req, res) => {
      jwksRequests++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: signers.map((s) => s.publicJwk) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    jwksUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/.well-known/jwks.json`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('turns the claims into a principal: scope and scopes merged, name, agency, roles, jurisdiction', async () => {
    const path = join(dir, 'jwks.json');
    writeFileSync(path, JSON.stringify({ keys: signers.map((s) => s.publicJwk) }));
    const verify = await createTokenVerifier({ keys: { kind: 'jwks-file', path }, issuer: ISSUER, audience: AUDIENCE, clockToleranceSeconds: 0 });
    for (const s of signers) {
      const principal = await authenticate(`Bearer ${await sign(s)}`, verify);
      expect(principal).toEqual({
        userId: 'clerk-1',
        name: '测试',
        agency: 'COURTS',
        roles: ['court_clerk'],
        scopes: ['legalaid:finance', 'person:id_number'],
        jurisdiction: ['420923'],
        expiresAt: expect.any(Number),
      });
    }
    expect(await refusal(`Bearer ${await sign(stranger)}`, verify)).toBe('BAD_SIGNATURE');
    expect(await refusal(`Bearer ${await sign(signers[0]!, {}, { issuer: 'https://evil.test' })}`, verify)).toBe('CLAIMS_REJECTED');
    // An HS256 token "signed" with a public key as the secret: the algorithm is refused under a key set.
    const hs = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'rs' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('1h').sign(new TextEncoder().encode(JSON.stringify(signers[0]!.publicJwk)));
    expect(await refusal(`Bearer ${hs}`, verify)).toBe('BAD_SIGNATURE');
  });

  it('fetches a JWKS URL once and verifies RS256, ES256 and EdDSA with it', async () => {
    const verify = await createTokenVerifier({ keys: { kind: 'jwks-url', url: jwksUrl }, issuer: ISSUER, audience: AUDIENCE, clockToleranceSeconds: 0 });
    jwksRequests = 0;
    for (const s of signers) expect((await authenticate(`Bearer ${await sign(s)}`, verify)).userId).toBe('clerk-1');
    expect(jwksRequests).toBe(1);
  });

  it('a JWKS URL that is down: KEYS_UNAVAILABLE (not the caller\'s fault, still no data)', async () => {
    const verify = await createTokenVerifier({ keys: { kind: 'jwks-url', url: 'http://127.0.0.1:9/jwks.json' }, clockToleranceSeconds: 0 });
    expect(await refusal(`Bearer ${await sign(signers[0]!)}`, verify)).toBe('KEYS_UNAVAILABLE');
  });

  it('refuses a key file with private keys, and one that is not a key set', async () => {
    const privateFile = join(dir, 'private.json');
    writeFileSync(privateFile, JSON.stringify({ keys: [await exportJWK(signers[0]!.privateKey)] }));
    await expect(createTokenVerifier({ keys: { kind: 'jwks-file', path: privateFile }, clockToleranceSeconds: 0 })).rejects.toThrow(/public keys only/);
    const junk = join(dir, 'junk.json');
    writeFileSync(junk, 'not json');
    await expect(createTokenVerifier({ keys: { kind: 'jwks-file', path: junk }, clockToleranceSeconds: 0 })).rejects.toThrow(/GATEWAY_JWKS_FILE/);
  });

  it('claims of the wrong shape are MALFORMED; a missing sub or exp is CLAIMS_REJECTED', async () => {
    const secret = 'k'.repeat(40);
    const verify = await createTokenVerifier({ keys: { kind: 'secret', secret }, clockToleranceSeconds: 0 });
    const token = (claims: Record<string, unknown>) => mintToken({ sub: 'x', ...claims } as never, { secret });
    expect(await refusal(`Bearer ${await token({ jurisdiction: ['Yunmeng'] })}`, verify)).toBe('MALFORMED');
    expect(await refusal(`Bearer ${await token({ agency: 'police; drop' })}`, verify)).toBe('MALFORMED');
    expect(await refusal(`Bearer ${await token({ roles: Array.from({ length: 100 }, (_, i) => `r${i}`) })}`, verify)).toBe('MALFORMED');
    const raw = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
    expect(await refusal(`Bearer ${await raw({ exp: Math.floor(Date.now() / 1000) + 60 })}`, verify)).toBe('CLAIMS_REJECTED');
    expect(await refusal(`Bearer ${await raw({ sub: 'x' })}`, verify)).toBe('CLAIMS_REJECTED');
    expect(await refusal(`Bearer ${await raw({ sub: 'x', exp: 'tomorrow' })}`, verify)).toBe('MALFORMED');
    expect(await refusal(`Bearer ${await raw({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 60, nbf: Math.floor(Date.now() / 1000) + 600 })}`, verify)).toBe('EXPIRED');
    expect(await refusal(undefined, verify)).toBe('MISSING');
    expect(await refusal('', verify)).toBe('MISSING');
  });
});
