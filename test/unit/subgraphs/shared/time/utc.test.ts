import { describe, expect, it } from 'vitest';
import { utc, utcOrNull } from '../../../../../subgraphs/shared/time/utc.ts';

describe('stored times', () => {
  it('stores any offset as UTC', () => {
    expect(utc('2026-11-02T09:00:00+08:00')).toBe('2026-11-02T01:00:00.000Z');
    expect(utcOrNull(null)).toBeNull();
    expect(utcOrNull(undefined)).toBeNull();
    expect(utcOrNull('2026-11-02T09:00:00+08:00')).toBe('2026-11-02T01:00:00.000Z');
    expect(() => utcOrNull('')).toThrow(RangeError);
  });
});
