import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../gateway/errors.ts';
import { DEV_CONTEXT_PRIVATE_JWK } from '../../../../gateway/security/devContextKey.ts';
import { DEV_JWT } from '../../../../gateway/security/devJwt.ts';
import { parseSecurityConfig } from '../../../../gateway/security/parseSecurityConfig.ts';
import { PRODUCTION_SECURITY_ENV } from '../../../fixtures/gateway/productionSecurityEnv.ts';

describe('parseSecurityConfig', () => {
  it('outside production: on, with the development secret and context key', () => {
    const config = parseSecurityConfig(false, {});
    expect(config).toMatchObject({
      enabled: true,
      jwt: { keys: { kind: 'secret', secret: DEV_JWT.secret }, issuer: DEV_JWT.issuer, audience: DEV_JWT.audience, clockToleranceSeconds: 10 },
      authorizationMode: 'filter',
      developmentKeys: true,
    });
    expect(JSON.parse(config.contextPrivateKey)).toEqual(DEV_CONTEXT_PRIVATE_JWK);
    expect(parseSecurityConfig(false, { GATEWAY_AUTH: 'off' }).enabled).toBe(false);
    expect(parseSecurityConfig(false, { GATEWAY_AUTHZ_MODE: 'reject' }).authorizationMode).toBe('reject');
  });

  it('production: its own keys, or it refuses to start with a message naming them', () => {
    const config = parseSecurityConfig(true, PRODUCTION_SECURITY_ENV);
    expect(config).toMatchObject({ enabled: true, developmentKeys: false, jwt: { issuer: 'onewindow-test-idp', audience: 'onewindow-test' } });
    expect(() => parseSecurityConfig(true, {})).toThrow(/GATEWAY_JWT_SECRET.*GATEWAY_JWKS_FILE.*GATEWAY_JWKS_URL/);
    const { GATEWAY_CONTEXT_PRIVATE_KEY: _key, ...noContextKey } = PRODUCTION_SECURITY_ENV;
    expect(() => parseSecurityConfig(true, noContextKey)).toThrow(/GATEWAY_CONTEXT_PRIVATE_KEY/);
    expect(() => parseSecurityConfig(true, { ...PRODUCTION_SECURITY_ENV, GATEWAY_AUTH: 'off' })).toThrow(/refused in production/);
    expect(() => parseSecurityConfig(true, { ...PRODUCTION_SECURITY_ENV, GATEWAY_JWT_SECRET: DEV_JWT.secret })).toThrow(/development secret/);
    expect(() => parseSecurityConfig(true, { ...PRODUCTION_SECURITY_ENV, GATEWAY_CONTEXT_PRIVATE_KEY: JSON.stringify(DEV_CONTEXT_PRIVATE_JWK) })).toThrow(/development key/);
    const { GATEWAY_JWT_SECRET: _secret, ...noSecret } = PRODUCTION_SECURITY_ENV;
    expect(() => parseSecurityConfig(true, { ...noSecret, GATEWAY_JWKS_URL: 'http://idp.internal/jwks.json' })).toThrow(/https/);
    expect(parseSecurityConfig(true, { ...noSecret, GATEWAY_JWKS_URL: 'https://idp.internal/jwks.json' }).jwt.keys).toEqual({ kind: 'jwks-url', url: 'https://idp.internal/jwks.json' });
  });

  it.each([
    { GATEWAY_AUTH: 'maybe' },
    { GATEWAY_AUTHZ_MODE: 'lenient' },
    { GATEWAY_JWT_SECRET: 'short' },
    { GATEWAY_JWT_SECRET: 'k'.repeat(40), GATEWAY_JWKS_FILE: '/etc/jwks.json' },
    { GATEWAY_JWKS_URL: 'ftp://x/jwks' },
    { GATEWAY_JWT_CLOCK_TOLERANCE_S: '-1' },
    { GATEWAY_CONTEXT_PRIVATE_KEY: '{not json' },
    { GATEWAY_CONTEXT_PRIVATE_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: DEV_CONTEXT_PRIVATE_JWK.x }) },
    { GATEWAY_CONTEXT_PRIVATE_KEY: 'just text' },
  ])('refuses %j with a ConfigError', (env) => {
    expect(() => parseSecurityConfig(false, env)).toThrow(ConfigError);
  });
});
