import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../gateway/errors.ts';
import { DEFAULT_LIMITS, DEFAULT_MANIFEST_PATH, parseLimitsConfig } from '../../../../gateway/limits/parseLimitsConfig.ts';

describe('parseLimitsConfig', () => {
  it('has the documented defaults; production enforces the checked-in manifest', () => {
    expect(parseLimitsConfig(false, {})).toEqual({ ...DEFAULT_LIMITS, trustedDocuments: { manifestPath: DEFAULT_MANIFEST_PATH, enforce: false } });
    expect(DEFAULT_LIMITS).toMatchObject({ maxDepth: 6, maxAliases: 15, maxTokens: 1000, maxDirectives: 50, maxCost: 5000, maxBodyBytes: 2_000_000 });
    expect(parseLimitsConfig(true, {}).trustedDocuments.enforce).toBe(true);
  });

  it('reads every limit from env', () => {
    const config = parseLimitsConfig(false, {
      GATEWAY_MAX_DEPTH: '8',
      GATEWAY_MAX_ALIASES: '0',
      GATEWAY_MAX_ROOT_FIELDS: '3',
      GATEWAY_MAX_TOKENS: '500',
      GATEWAY_MAX_DIRECTIVES: '5',
      GATEWAY_MAX_BODY_BYTES: '65536',
      GATEWAY_MAX_COST: '2000',
      GATEWAY_COST_LIST_SIZE: '20',
      GATEWAY_RATE_LIMIT_BURST: '0',
      GATEWAY_RATE_LIMIT_PER_MINUTE: '60',
      GATEWAY_OPERATION_CACHE_ENTRIES: '10',
      GATEWAY_PERSISTED_OPERATIONS: '/tmp/m.json',
    });
    expect(config).toEqual({
      maxDepth: 8,
      maxAliases: 0,
      maxRootFields: 3,
      maxTokens: 500,
      maxDirectives: 5,
      maxBodyBytes: 65536,
      maxCost: 2000,
      defaultListSize: 20,
      rateLimit: { burst: 0, perMinute: 60 },
      analysisCacheEntries: 10,
      trustedDocuments: { manifestPath: '/tmp/m.json', enforce: false },
    });
  });

  it('refuses malformed values, naming the variable', () => {
    expect(() => parseLimitsConfig(false, { GATEWAY_MAX_DEPTH: 'deep' })).toThrow(ConfigError);
    expect(() => parseLimitsConfig(false, { GATEWAY_MAX_DEPTH: '0' })).toThrow(/GATEWAY_MAX_DEPTH/);
    expect(() => parseLimitsConfig(false, { GATEWAY_MAX_BODY_BYTES: '10' })).toThrow(/GATEWAY_MAX_BODY_BYTES/);
  });
});
