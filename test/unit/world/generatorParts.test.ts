import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../subgraphs/shared/identity/idNumber.ts';
import { apportion } from '../../../world/apportion.ts';
import { makeCreditCode } from '../../../world/org/creditCode.ts';
import { parseSeedArgs } from '../../../world/parseSeedArgs.ts';
import { IdAllocator } from '../../../world/population/IdAllocator.ts';
import { PhoneAllocator } from '../../../world/population/PhoneAllocator.ts';
import { Rng } from '../../../world/random/Rng.ts';
import { addMonths, dayOfDate, formatTime, startOfDay } from '../../../world/time/clock.ts';

describe('Rng', () => {
  it('is a pure function of its label', () => {
    const a = new Rng('1|people|420923100');
    const b = new Rng('1|people|420923100');
    const c = new Rng('2|people|420923100');
    const xs = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(xs);
  });

  it('stays in range', () => {
    const r = new Rng('range');
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = r.between(3, 5);
      expect(k >= 3 && k <= 5).toBe(true);
    }
  });
});

describe('apportion', () => {
  it('adds up exactly and follows the weights', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1_000_000, [0.16, 0.22, 0.14, 0.14, 0.18, 0.16]).reduce((a, b) => a + b)).toBe(1_000_000);
    expect(apportion(3, [0, 5])).toEqual([0, 3]);
  });
});

describe('IdAllocator', () => {
  it('hands out distinct valid numbers for the same division, day and sex, then reports the day full', () => {
    const day = dayOfDate('1985-03-16');
    const ids = new IdAllocator(dayOfDate('2026-10-31'));
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const id = ids.allocate('420923', day, 'MALE');
      expect(id).not.toBeNull();
      const parsed = parseIdNumber(id ?? '');
      expect(parsed.ok && parsed.value.sex === 'MALE' && parsed.value.birthDate === '1985-03-16').toBe(true);
      seen.add(id ?? '');
    }
    expect(seen.size).toBe(500);
    expect(ids.allocate('420923', day, 'MALE')).toBeNull();
    expect(ids.allocate('420923', day, 'FEMALE')).not.toBeNull();
  });
});

describe('PhoneAllocator', () => {
  it('never repeats a number', () => {
    const phones = new PhoneAllocator(new Rng('phones'));
    const tails = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const p = phones.next();
      expect(p).toMatch(/^1\d{10}$/);
      tails.add(p.slice(3));
    }
    expect(tails.size).toBe(50_000);
  });
});

describe('makeCreditCode', () => {
  it('writes unified social credit codes whose check characters hold', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const rng = new Rng('credit');
    for (let i = 0; i < 200; i++) {
      const code = makeCreditCode(rng, '420923');
      expect(code).toMatch(/^91420923[0-9]{8}[0-9X][0-9A-HJ-NPQRTUWXY]$/);
      const sum = [...code.slice(0, 17)].reduce((s, c, k) => s + chars.indexOf(c) * (weights[k] ?? 0), 0);
      expect(chars.charAt((31 - (sum % 31)) % 31)).toBe(code.charAt(17));
    }
  });
});

describe('world time', () => {
  it('formats China local time and adds calendar months', () => {
    const t = startOfDay(dayOfDate('2025-03-16')) + 9 * 60 + 30;
    expect(formatTime(t)).toBe('2025-03-16T09:30:00+08:00');
    expect(new Date(formatTime(t)).toISOString()).toBe('2025-03-16T01:30:00.000Z');
    expect(formatTime(addMonths(startOfDay(dayOfDate('2025-11-30')), 3))).toBe('2026-02-28T00:00:00+08:00');
  });
});

describe('parseSeedArgs', () => {
  it('applies the defaults and reads every option', () => {
    expect(parseSeedArgs([], undefined)).toEqual({ people: 20_000, seed: 1, out: './data/world', asOf: undefined });
    expect(parseSeedArgs([], '/srv/ow/')).toMatchObject({ out: '/srv/ow/world' });
    expect(parseSeedArgs(['--people', '1000', '--seed', '9', '--out', 'x', '--as-of', '2026-01-01'], undefined)).toEqual({
      people: 1000,
      seed: 9,
      out: 'x',
      asOf: '2026-01-01',
    });
  });

  it('rejects bad values and unknown options', () => {
    expect(() => parseSeedArgs(['--people', 'many'], undefined)).toThrow(/--people/);
    expect(() => parseSeedArgs(['--colour', 'red'], undefined)).toThrow();
  });
});
