import { describe, expect, it } from 'vitest';
import { AGENCIES } from '../../../../../subgraphs/shared/codes/agency.ts';
import {
  formatCaseCode,
  parseCaseCode,
  typenameOfCaseCode,
  type CaseCodeFailure,
} from '../../../../../subgraphs/shared/codes/caseCode.ts';

function expectFailure(code: string, reason: CaseCodeFailure): string {
  const result = parseCaseCode(code);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.reason).toBe(reason);
  return result.message;
}

describe('case codes', () => {
  it('parses the contract example', () => {
    expect(parseCaseCode('420923-XF-2025-000123')).toEqual({
      ok: true,
      value: { division: '420923', agency: 'PETITIONS', agencyCode: 'XF', year: 2025, sequence: 123 },
    });
  });

  it('formats with a zero-padded sequence', () => {
    expect(formatCaseCode({ division: '420923', agency: 'PETITIONS', year: 2025, sequence: 123 })).toBe(
      '420923-XF-2025-000123',
    );
    expect(formatCaseCode({ division: '420704', agency: 'GRID', year: 2100, sequence: 999_999 })).toBe(
      '420704-ZZ-2100-999999',
    );
  });

  it('round-trips for every agency', () => {
    for (const agency of AGENCIES) {
      const parts = { division: '421081', agency, year: 2024, sequence: 42 };
      const parsed = parseCaseCode(formatCaseCode(parts));
      expect(parsed.ok && parsed.value).toMatchObject(parts);
    }
  });

  it('ignores surrounding whitespace', () => {
    expect(parseCaseCode(' 420923-FY-2025-000001\n').ok).toBe(true);
  });

  it('names the owning Matter type', () => {
    expect(typenameOfCaseCode('420923-ZZ-2025-000001')).toBe('Dispute');
    expect(typenameOfCaseCode('420923-XF-2025-000001')).toBe('Petition');
    expect(typenameOfCaseCode('420923-GA-2025-000001')).toBe('PoliceIncident');
    expect(typenameOfCaseCode('420923-FY-2025-000001')).toBe('CourtCase');
    expect(typenameOfCaseCode('420923-SF-2025-000001')).toBe('LegalAidCase');
    expect(typenameOfCaseCode('420923-QQ-2025-000001')).toBeUndefined();
    expect(typenameOfCaseCode('nonsense')).toBeUndefined();
  });

  it('FORMAT: not four dash-separated parts', () => {
    expect(expectFailure('420923XF2025000123', 'FORMAT')).toMatch(/expected \{6-digit division\}/);
    expectFailure('420923-XF-2025', 'FORMAT');
    expectFailure('420923-XF-2025-000123-1', 'FORMAT');
    expectFailure('', 'FORMAT');
  });

  it('DIVISION', () => {
    expectFailure('990923-XF-2025-000123', 'DIVISION');
    expectFailure('42092-XF-2025-000123', 'DIVISION');
    expectFailure('4209231-XF-2025-000123', 'DIVISION');
    expectFailure('830000-XF-2025-000123', 'DIVISION');
  });

  it('AGENCY', () => {
    expect(expectFailure('420923-QQ-2025-000123', 'AGENCY')).toMatch(/ZZ, XF, GA, FY, SF/);
    expectFailure('420923-xf-2025-000123', 'AGENCY');
    expectFailure('420923--2025-000123', 'AGENCY');
  });

  it('YEAR', () => {
    expectFailure('420923-XF-1999-000123', 'YEAR');
    expectFailure('420923-XF-2101-000123', 'YEAR');
    expectFailure('420923-XF-25-000123', 'YEAR');
    expectFailure('420923-XF-20x5-000123', 'YEAR');
  });

  it('SEQUENCE', () => {
    expectFailure('420923-XF-2025-000000', 'SEQUENCE');
    expectFailure('420923-XF-2025-123', 'SEQUENCE');
    expectFailure('420923-XF-2025-1000000', 'SEQUENCE');
    expectFailure('420923-XF-2025-00012a', 'SEQUENCE');
  });

  it('refuses to format out-of-range parts', () => {
    const ok = { division: '420923', agency: 'COURTS', year: 2025, sequence: 1 } as const;
    expect(() => formatCaseCode({ ...ok, sequence: 0 })).toThrow(RangeError);
    expect(() => formatCaseCode({ ...ok, sequence: 1_000_000 })).toThrow(RangeError);
    expect(() => formatCaseCode({ ...ok, sequence: 1.5 })).toThrow(RangeError);
    expect(() => formatCaseCode({ ...ok, year: 1999 })).toThrow(RangeError);
    expect(() => formatCaseCode({ ...ok, division: '99' })).toThrow(RangeError);
    // A caller bypassing the types with a bad agency value.
    expect(() => formatCaseCode({ ...ok, agency: 'XF' as never })).toThrow(RangeError);
  });
});
