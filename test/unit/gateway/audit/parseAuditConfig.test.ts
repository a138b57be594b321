import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_RETENTION_DAYS, parseAuditConfig } from '../../../../gateway/audit/parseAuditConfig.ts';
import { canonicalJson } from '../../../../gateway/audit/canonicalJson.ts';
import { outcomeOf } from '../../../../gateway/audit/outcomeOf.ts';

describe('parseAuditConfig', () => {
  it('defaults: on, $DATA_DIR/gateway/audit.db, six months', () => {
    expect(parseAuditConfig({}, false)).toEqual({
      enabled: true,
      file: resolve('data/gateway/audit.db'),
      retentionDays: 183,
      pruneIntervalMs: 3_600_000,
      busyTimeoutMs: 5000,
      writeTimeoutMs: 10_000,
      commitDelayMs: 1,
    });
    expect(parseAuditConfig({ DATA_DIR: '/srv/onewindow' }, true).file).toBe('/srv/onewindow/gateway/audit.db');
    expect(parseAuditConfig({ DATA_DIR: '/srv/onewindow', GATEWAY_AUDIT_DB: '/var/lib/audit.db' }, true).file).toBe('/var/lib/audit.db');
  });

  it('refuses the audit off, or retention under six months, in production', () => {
    expect(() => parseAuditConfig({ GATEWAY_AUDIT: 'off' }, true)).toThrow(/refused in production/);
    expect(parseAuditConfig({ GATEWAY_AUDIT: 'off' }, false).enabled).toBe(false);
    expect(() => parseAuditConfig({ GATEWAY_AUDIT_RETENTION_DAYS: '30' }, true)).toThrow(/at least six months/);
    expect(parseAuditConfig({ GATEWAY_AUDIT_RETENTION_DAYS: '30' }, false).retentionDays).toBe(30);
    expect(parseAuditConfig({ GATEWAY_AUDIT_RETENTION_DAYS: '400' }, true).retentionDays).toBe(400);
    expect(MIN_RETENTION_DAYS).toBeGreaterThanOrEqual(183);
    expect(() => parseAuditConfig({ GATEWAY_AUDIT: 'maybe' }, false)).toThrow(/GATEWAY_AUDIT must be on or off/);
    expect(() => parseAuditConfig({ GATEWAY_AUDIT_BUSY_TIMEOUT_MS: '-1' }, false)).toThrow(/GATEWAY_AUDIT_BUSY_TIMEOUT_MS/);
    expect(parseAuditConfig({ GATEWAY_AUDIT_COMMIT_DELAY_MS: '0' }, true).commitDelayMs).toBe(0);
    expect(() => parseAuditConfig({ GATEWAY_AUDIT_COMMIT_DELAY_MS: '1.5' }, false)).toThrow(/GATEWAY_AUDIT_COMMIT_DELAY_MS must be a whole number/);
    expect(() => parseAuditConfig({ GATEWAY_AUDIT_COMMIT_DELAY_MS: '500' }, false)).toThrow(/GATEWAY_AUDIT_COMMIT_DELAY_MS must be between 0 and 100/);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined members, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined }, e: '周洁' })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1,"e":"周洁"}');
    expect(canonicalJson({ y: 1, x: 2 })).toBe(canonicalJson({ x: 2, y: 1 }));
  });
});

describe('outcomeOf', () => {
  it('tells allowed, partially denied, denied and error apart', () => {
    expect(outcomeOf({ hasData: true, errorCodes: [], removedFields: 0 })).toBe('ALLOWED');
    expect(outcomeOf({ hasData: true, errorCodes: ['SUBGRAPH_UNAVAILABLE'], removedFields: 0 })).toBe('ALLOWED');
    expect(outcomeOf({ hasData: true, errorCodes: ['UNAUTHORIZED_FIELD_OR_TYPE'], removedFields: 1 })).toBe('PARTIALLY_DENIED');
    expect(outcomeOf({ hasData: false, errorCodes: ['PURPOSE_REQUIRED'], removedFields: 0 })).toBe('DENIED');
    expect(outcomeOf({ hasData: false, errorCodes: ['RATE_LIMITED'], removedFields: 0 })).toBe('DENIED');
    expect(outcomeOf({ hasData: false, errorCodes: ['SUBGRAPH_UNAVAILABLE'], removedFields: 0 })).toBe('ERROR');
  });
});
