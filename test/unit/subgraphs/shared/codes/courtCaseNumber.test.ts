import { describe, expect, it } from 'vitest';
import { DIVISIONS } from '../../../../../subgraphs/shared/identity/divisions.ts';
import {
  COURT_CASE_TYPES,
  courtCodeForDivision,
  formatCourtCaseNumber,
  parseCourtCaseNumber,
  type CourtCaseNumber,
  type CourtCaseNumberFailure,
} from '../../../../../subgraphs/shared/codes/courtCaseNumber.ts';

function expectFailure(s: string, reason: CourtCaseNumberFailure): string {
  const result = parseCourtCaseNumber(s);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.reason).toBe(reason);
  return result.message;
}

const EXAMPLE: CourtCaseNumber = { year: 2025, courtCode: '鄂0923', typeCode: '民初', sequence: 123 };

describe('parseCourtCaseNumber', () => {
  it('parses the DOMAIN.md example with half-width brackets', () => {
    expect(parseCourtCaseNumber('(2025)鄂0923民初123号')).toEqual({ ok: true, value: EXAMPLE });
  });

  it('parses full-width brackets to the same value', () => {
    expect(parseCourtCaseNumber('（2025）鄂0923民初123号')).toEqual({ ok: true, value: EXAMPLE });
    expect(parseCourtCaseNumber(' （2025)鄂0923民初123号 ')).toEqual({ ok: true, value: EXAMPLE });
  });

  it('parses every case type and intermediate and higher court codes', () => {
    expect(parseCourtCaseNumber('(2024)鄂09民终7号')).toEqual({
      ok: true,
      value: { year: 2024, courtCode: '鄂09', typeCode: '民终', sequence: 7 },
    });
    expect(parseCourtCaseNumber('(2025)鄂0102民特15号').ok).toBe(true);
    expect(parseCourtCaseNumber('(2025)鄂0583民诉前调2048号')).toEqual({
      ok: true,
      value: { year: 2025, courtCode: '鄂0583', typeCode: '民诉前调', sequence: 2048 },
    });
    expect(parseCourtCaseNumber('(2023)鄂1081执301号').ok).toBe(true);
    expect(parseCourtCaseNumber('(2023)鄂民终1号').ok).toBe(true);
    // Court abbreviations that differ from the general ones.
    expect(parseCourtCaseNumber('(2024)黔01民终12518号').ok).toBe(true);
    expect(parseCourtCaseNumber('(2018)内0102民初88号').ok).toBe(true);
  });

  it('FORMAT', () => {
    expect(expectFailure('2025鄂0923民初123号', 'FORMAT')).toMatch(/expected \(year\)/);
    expectFailure('(2025)鄂0923民初123', 'FORMAT');
    expectFailure('(2025)鄂0923123号', 'FORMAT');
    expectFailure('', 'FORMAT');
    expectFailure('420923-FY-2025-000123', 'FORMAT');
  });

  it('YEAR', () => {
    expectFailure('(25)鄂0923民初123号', 'YEAR');
    expectFailure('(1800)鄂0923民初123号', 'YEAR');
    expectFailure('(2101)鄂0923民初123号', 'YEAR');
    expectFailure('()鄂0923民初123号', 'YEAR');
  });

  it('COURT', () => {
    expect(expectFailure('(2025)X0923民初123号', 'COURT')).toMatch(/province court abbreviation/);
    expectFailure('(2025)港0923民初123号', 'COURT');
    expectFailure('(2025)鄂092民初123号', 'COURT');
    expectFailure('(2025)鄂09231民初123号', 'COURT');
  });

  it('TYPE', () => {
    expect(expectFailure('(2025)鄂0923刑初123号', 'TYPE')).toMatch(/not one of 民初, 民终, 民特, 民诉前调, 执/);
    expectFailure('(2025)鄂0923民初第123号', 'TYPE');
  });

  it('SEQUENCE', () => {
    expectFailure('(2025)鄂0923民初0号', 'SEQUENCE');
    expectFailure('(2025)鄂0923民初0123号', 'SEQUENCE');
    expectFailure('(2025)鄂0923民初10000000号', 'SEQUENCE');
  });
});

describe('formatCourtCaseNumber', () => {
  it('writes full-width brackets as courts print them', () => {
    expect(formatCourtCaseNumber(EXAMPLE)).toBe('（2025）鄂0923民初123号');
  });

  it('round-trips parse(format(x)) = x', () => {
    const values: CourtCaseNumber[] = [
      EXAMPLE,
      { year: 2024, courtCode: '鄂09', typeCode: '民终', sequence: 1 },
      { year: 2016, courtCode: '鄂', typeCode: '执', sequence: 9_999_999 },
      { year: 2025, courtCode: '鄂1202', typeCode: '民诉前调', sequence: 80 },
      { year: 2025, courtCode: '鄂0704', typeCode: '民特', sequence: 5 },
    ];
    for (const v of values) expect(parseCourtCaseNumber(formatCourtCaseNumber(v))).toEqual({ ok: true, value: v });
  });

  it('refuses values the parser would reject', () => {
    expect(() => formatCourtCaseNumber({ ...EXAMPLE, sequence: 0 })).toThrow(RangeError);
    expect(() => formatCourtCaseNumber({ ...EXAMPLE, year: 25 })).toThrow(RangeError);
    expect(() => formatCourtCaseNumber({ ...EXAMPLE, courtCode: '鄂092' })).toThrow(RangeError);
    expect(() => formatCourtCaseNumber({ ...EXAMPLE, typeCode: '刑初' as never })).toThrow(RangeError);
  });
});

describe('courtCodeForDivision', () => {
  it('gives the basic court of each of the six counties', () => {
    const codes = DIVISIONS.cities.flatMap((city) => city.counties.map((c) => [c.name, courtCodeForDivision(c.code, 'BASIC')]));
    expect(codes).toEqual([
      ['云梦县', '鄂0923'],
      ['江岸区', '鄂0102'],
      ['枝江市', '鄂0583'],
      ['石首市', '鄂1081'],
      ['鄂城区', '鄂0704'],
      ['咸安区', '鄂1202'],
    ]);
  });

  it('gives the intermediate court of a city, from the city or a county code', () => {
    expect(courtCodeForDivision('420900', 'INTERMEDIATE')).toBe('鄂09');
    expect(courtCodeForDivision('420923', 'INTERMEDIATE')).toBe('鄂09');
    expect(courtCodeForDivision('421081', 'INTERMEDIATE')).toBe('鄂10');
  });

  it('maps a town to its county court', () => {
    expect(courtCodeForDivision('420923100', 'BASIC')).toBe('鄂0923');
  });

  it('uses court abbreviations for other provinces', () => {
    expect(courtCodeForDivision('110105', 'BASIC')).toBe('京0105');
    expect(courtCodeForDivision('150102', 'BASIC')).toBe('内0102');
    expect(courtCodeForDivision('520102', 'INTERMEDIATE')).toBe('黔01');
  });

  it('throws where no court code can be derived', () => {
    expect(() => courtCodeForDivision('420900', 'BASIC')).toThrow(/county-level/);
    expect(() => courtCodeForDivision('420000', 'INTERMEDIATE')).toThrow(/city-level/);
    expect(() => courtCodeForDivision('810000', 'BASIC')).toThrow(/no court abbreviation/);
    expect(() => courtCodeForDivision('990923', 'BASIC')).toThrow(/no court abbreviation/);
    expect(() => courtCodeForDivision('4209', 'BASIC')).toThrow(/6, 9 or 12 digits/);
  });

  it('produces codes that parse inside case numbers', () => {
    const court = courtCodeForDivision('421202', 'BASIC');
    const parsed = parseCourtCaseNumber(`(2025)${court}民初1号`);
    expect(parsed.ok && parsed.value.courtCode).toBe('鄂1202');
  });
});

describe('COURT_CASE_TYPES', () => {
  it('has the five type codes with Chinese and English meaning', () => {
    expect(Object.keys(COURT_CASE_TYPES)).toEqual(['民初', '民终', '民特', '民诉前调', '执']);
    expect(COURT_CASE_TYPES['民特'].english).toMatch(/judicial confirmation/);
    for (const type of Object.values(COURT_CASE_TYPES)) {
      expect(type.chinese).toMatch(/\p{Script=Han}/u);
      expect(type.english.length).toBeGreaterThan(0);
    }
  });
});
