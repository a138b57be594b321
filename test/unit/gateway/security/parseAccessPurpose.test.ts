import { describe, expect, it } from 'vitest';
import { parseAccessPurpose, purposeToString } from '../../../../gateway/security/parseAccessPurpose.ts';

/** What Node hands over for a header a client sent as raw UTF-8 bytes (e.g. curl). */
const asWire = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

describe('parseAccessPurpose', () => {
  it('reads a case code of any agency', () => {
    for (const code of ['420923-XF-2025-000123', '420923-ZZ-2024-000001', '110101-GA-2000-999999', '420923-FY-2100-000010', '420923-SF-2025-123456']) {
      expect(parseAccessPurpose(code)).toEqual({ ok: true, purpose: { kind: 'CASE', caseCode: code } });
    }
  });

  it('reads a marked reason, sent as UTF-8 or percent-encoded', () => {
    const reason = { ok: true, purpose: { kind: 'REASON', text: '窗口接待核实身份' } };
    expect(parseAccessPurpose(asWire('reason:窗口接待核实身份'))).toEqual(reason);
    expect(parseAccessPurpose(`reason:${encodeURIComponent('窗口接待核实身份')}`)).toEqual(reason);
    expect(parseAccessPurpose(encodeURIComponent('reason:窗口接待核实身份'))).toEqual(reason);
    expect(parseAccessPurpose('Reason:  follow-up call ')).toEqual({ ok: true, purpose: { kind: 'REASON', text: 'follow-up call' } });
    expect(parseAccessPurpose('reason:50% of the debt')).toEqual({ ok: true, purpose: { kind: 'REASON', text: '50% of the debt' } });
  });

  it('absent or empty is no purpose; anything else malformed is refused', () => {
    expect(parseAccessPurpose(undefined)).toEqual({ ok: true, purpose: undefined });
    expect(parseAccessPurpose('  ')).toEqual({ ok: true, purpose: undefined });
    for (const bad of [
      '420923-XX-2025-000123',
      '420923-xf-2025-000123',
      '420923-XF-1999-000123',
      '420923-XF-2025-000000',
      '020923-XF-2025-000001',
      '420923-XF-2025-00012',
      'because I said so',
      'reason:',
      'reason:x',
      `reason:${'长'.repeat(201)}`,
      `reason:${encodeURIComponent('a\nb: injected')}`,
      `reason:${encodeURIComponent('abc\u202edef')}`,
    ]) {
      expect(parseAccessPurpose(bad).ok, bad).toBe(false);
    }
    expect(parseAccessPurpose(['420923-XF-2025-000123', 'reason:two']).ok).toBe(false);
  });

  it('has one string form (the signed context, audit)', () => {
    expect(purposeToString({ kind: 'CASE', caseCode: '420923-XF-2025-000123' })).toBe('420923-XF-2025-000123');
    expect(purposeToString({ kind: 'REASON', text: '核实' })).toBe('reason:核实');
    expect(purposeToString(undefined)).toBeNull();
  });
});
