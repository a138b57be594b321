import { describe, expect, it } from 'vitest';
import {
  appealDeadline,
  confirmationApplicationDeadline,
  endOfSpan,
  extendedDueAt,
  filingDueAt,
  latestAllowedDueAt,
  limitDueAt,
} from '../../../../subgraphs/courts/courtCase/courtCase.deadlines.ts';
import type { CourtProcedure } from '../../../../subgraphs/courts/courtCase/courtCase.enums.ts';

// Filed at 10:00 local on 2026-11-02; every limit runs to 23:59:59 local (15:59:59Z) of its last day.
const FILED = '2026-11-02T10:00:00+08:00';
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
};

describe('courts: time limits (民事诉讼法 2023)', () => {
  it('counts days from the day after, to the end of the last local day', () => {
    expect(endOfSpan(FILED, { days: 7 }).toISOString()).toBe('2026-11-09T15:59:59.000Z');
    // 23:30 UTC on 1 Nov is already 2 Nov in China.
    expect(endOfSpan('2026-11-01T23:30:00Z', { days: 1 }).toISOString()).toBe('2026-11-03T15:59:59.000Z');
  });

  it('ends a month limit on the same-numbered day, or the last day of a shorter month', () => {
    expect(endOfSpan('2026-01-31T10:00:00+08:00', { months: 1 }).toISOString()).toBe('2026-02-28T15:59:59.000Z');
    expect(endOfSpan('2028-01-31T10:00:00+08:00', { months: 1 }).toISOString()).toBe('2028-02-29T15:59:59.000Z');
    expect(endOfSpan('2026-08-31T10:00:00+08:00', { months: 6 }).toISOString()).toBe('2027-02-28T15:59:59.000Z');
    expect(endOfSpan('2026-11-15T10:00:00+08:00', { months: 3 }).toISOString()).toBe('2027-02-15T15:59:59.000Z');
  });

  it('decides filing in 7 days, appeals in 15, confirmation applications in 30', () => {
    expect(filingDueAt(FILED).toISOString()).toBe('2026-11-09T15:59:59.000Z');
    expect(appealDeadline(FILED).toISOString()).toBe('2026-11-17T15:59:59.000Z');
    expect(confirmationApplicationDeadline(FILED).toISOString()).toBe('2026-12-02T15:59:59.000Z');
  });

  it.each<[CourtProcedure, string, string | null]>([
    ['PRE_SUIT_MEDIATION', '2026-12-02T15:59:59.000Z', null],
    ['JUDICIAL_CONFIRMATION', '2026-12-02T15:59:59.000Z', null],
    ['SMALL_CLAIMS', '2027-01-02T15:59:59.000Z', '2027-02-02T15:59:59.000Z'],
    ['SIMPLIFIED', '2027-02-02T15:59:59.000Z', '2027-03-02T15:59:59.000Z'],
    ['ORDINARY', '2027-05-02T15:59:59.000Z', '2027-11-02T15:59:59.000Z'],
    ['SECOND_INSTANCE', '2027-02-02T15:59:59.000Z', null],
    ['ENFORCEMENT', '2027-05-02T15:59:59.000Z', null],
  ])('%s: limit %s, latest by the court’s own extensions %s', (procedure, limit, latest) => {
    expect(limitDueAt(procedure, FILED, 0).toISOString()).toBe(limit);
    expect(latestAllowedDueAt(procedure, FILED)?.toISOString() ?? null).toBe(latest);
  });

  const request = (procedure: CourtProcedure, days: number, over: Partial<Parameters<typeof extendedDueAt>[0]> = {}) => ({
    procedure,
    filedAt: FILED,
    dueAt: limitDueAt(procedure, FILED, 0).toISOString(),
    granted: [],
    days,
    approval: 'COURT_PRESIDENT' as const,
    now: new Date('2026-12-01T10:00:00+08:00'),
    ...over,
  });

  it('simplified: +1 month in total (28 days when the month is February)', () => {
    expect(extendedDueAt(request('SIMPLIFIED', 28)).toISOString()).toBe('2027-03-02T15:59:59.000Z');
    expect(code(() => extendedDueAt(request('SIMPLIFIED', 29)))).toMatchObject({ code: 'RULE_VIOLATION', rule: 'EXTENSION_CAP', maxDays: 28 });
    expect(code(() => extendedDueAt(request('SIMPLIFIED', 10, { granted: [{ days: 20, approval: 'COURT_PRESIDENT' }] })))).toMatchObject({
      rule: 'EXTENSION_CAP',
      maxDays: 8,
    });
  });

  it('small claims: +1 month in total', () => {
    expect(extendedDueAt(request('SMALL_CLAIMS', 31)).toISOString()).toBe('2027-02-02T15:59:59.000Z');
    expect(code(() => extendedDueAt(request('SMALL_CLAIMS', 32)))).toMatchObject({ rule: 'EXTENSION_CAP', maxDays: 31 });
  });

  it('ordinary: +6 months by the president, beyond that only with the higher court', () => {
    const sixMonths = 184; // 2027-05-02 → 2027-11-02
    expect(extendedDueAt(request('ORDINARY', sixMonths)).toISOString()).toBe('2027-11-02T15:59:59.000Z');
    const used = { granted: [{ days: sixMonths, approval: 'COURT_PRESIDENT' as const }], dueAt: '2027-11-02T15:59:59.000Z' };
    expect(code(() => extendedDueAt(request('ORDINARY', 30, used)))).toMatchObject({ rule: 'EXTENSION_CAP', maxDays: 0 });
    expect(extendedDueAt(request('ORDINARY', 30, { ...used, approval: 'HIGHER_COURT' })).toISOString()).toBe('2027-12-02T15:59:59.000Z');
  });

  it('second instance, special procedure and enforcement: extended by the president without a statutory total', () => {
    expect(extendedDueAt(request('SECOND_INSTANCE', 90)).toISOString()).toBe('2027-05-03T15:59:59.000Z');
    expect(extendedDueAt(request('JUDICIAL_CONFIRMATION', 30, { now: new Date(FILED) })).toISOString()).toBe('2027-01-01T15:59:59.000Z');
    expect(extendedDueAt(request('ENFORCEMENT', 90)).toISOString()).toBe('2027-07-31T15:59:59.000Z');
    expect(code(() => extendedDueAt(request('SECOND_INSTANCE', 30, { approval: 'HIGHER_COURT' })))).toMatchObject({ rule: 'EXTENSION_APPROVAL' });
  });

  it('pre-suit mediation: only with the parties’ consent', () => {
    const now = new Date('2026-11-20T10:00:00+08:00');
    expect(code(() => extendedDueAt(request('PRE_SUIT_MEDIATION', 15, { now })))).toMatchObject({ code: 'RULE_VIOLATION', rule: 'EXTENSION_APPROVAL' });
    expect(extendedDueAt(request('PRE_SUIT_MEDIATION', 15, { now, approval: 'PARTIES_CONSENT' })).toISOString()).toBe('2026-12-17T15:59:59.000Z');
  });

  it('refuses an extension after the limit ran out, and nonsense days', () => {
    const late = new Date('2027-02-03T09:00:00+08:00');
    expect(code(() => extendedDueAt(request('SIMPLIFIED', 10, { now: late })))).toMatchObject({ code: 'RULE_VIOLATION', rule: 'LIMIT_EXPIRED' });
    expect(code(() => extendedDueAt(request('SIMPLIFIED', 0)))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(code(() => extendedDueAt(request('SIMPLIFIED', 1.5)))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
