import { describe, expect, it } from 'vitest';
import {
  DIVISIONS,
  ID_NUMBER_PROVINCE_PREFIXES,
  PROVINCES,
  countyOf,
  divisionEntry,
  divisionName,
  isKnownDivision,
  isPlausibleDivisionCode,
  isPlausibleIdDivisionCode,
  isWithinDivision,
} from '../../../../../subgraphs/shared/identity/divisions.ts';

describe('DIVISIONS table', () => {
  it('holds Hubei with the six cities and counties of DOMAIN.md', () => {
    expect(DIVISIONS.code).toBe('420000');
    expect(DIVISIONS.abbreviation).toBe('鄂');
    const pairs = DIVISIONS.cities.map((city) => [city.code, city.name, city.counties.map((c) => `${c.code} ${c.name}`)]);
    expect(pairs).toEqual([
      ['420900', '孝感市', ['420923 云梦县']],
      ['420100', '武汉市', ['420102 江岸区']],
      ['420500', '宜昌市', ['420583 枝江市']],
      ['421000', '荆州市', ['421081 石首市']],
      ['420700', '鄂州市', ['420704 鄂城区']],
      ['421200', '咸宁市', ['421202 咸安区']],
    ]);
  });

  it('holds the towns of DOMAIN.md, each inside its county', () => {
    const towns = DIVISIONS.cities.flatMap((city) =>
      city.counties.flatMap((county) => county.towns.map((town) => ({ county: county.code, ...town }))),
    );
    expect(towns.map((t) => `${t.code} ${t.name}`)).toEqual([
      '420923100 城关镇',
      '420923101 义堂镇',
      '420923105 下辛店镇',
      '420923200 倒店乡',
      '420102002 大智街道',
      '420102017 后湖街道',
      '420583001 马家店街道',
      '420583104 董市镇',
      '421081001 绣林街道',
      '421081105 调关镇',
      '420704001 凤凰街道',
      '420704100 泽林镇',
      '421202001 温泉街道',
      '421202104 贺胜桥镇',
    ]);
    for (const town of towns) {
      expect(town.code).toMatch(/^\d{9}$/);
      expect(town.code.startsWith(town.county)).toBe(true);
    }
  });

  it('has every county code inside its city', () => {
    for (const city of DIVISIONS.cities) {
      expect(city.code).toMatch(/^42\d{2}00$/);
      for (const county of city.counties) expect(county.code.slice(0, 4)).toBe(city.code.slice(0, 4));
    }
  });
});

describe('divisionName / divisionEntry / isKnownDivision', () => {
  it('names provinces, cities, counties and towns', () => {
    expect(divisionName('420000')).toBe('湖北省');
    expect(divisionName('42')).toBe('湖北省');
    expect(divisionName('420900')).toBe('孝感市');
    expect(divisionName('420923')).toBe('云梦县');
    expect(divisionName('420923105')).toBe('下辛店镇');
    expect(divisionName('421202104')).toBe('贺胜桥镇');
  });

  it('gives level and parent', () => {
    expect(divisionEntry('420923100')).toEqual({ code: '420923100', name: '城关镇', level: 'TOWN', parentCode: '420923' });
    expect(divisionEntry('420923')?.parentCode).toBe('420900');
    expect(divisionEntry('420900')?.level).toBe('CITY');
    expect(divisionEntry('420000')?.parentCode).toBeUndefined();
  });

  it('knows only divisions of the table', () => {
    expect(isKnownDivision('420102017')).toBe(true);
    expect(isKnownDivision('420922')).toBe(false);
    expect(isKnownDivision('110105')).toBe(false);
    expect(isKnownDivision('420923999')).toBe(false);
    expect(isKnownDivision('')).toBe(false);
    expect(isKnownDivision('42092a')).toBe(false);
    expect(divisionName('999999')).toBeUndefined();
  });
});

describe('countyOf', () => {
  it('returns the 6-digit county of 6, 9 and 12-digit codes', () => {
    expect(countyOf('420923')).toBe('420923');
    expect(countyOf('420923101')).toBe('420923');
    expect(countyOf('420923101201')).toBe('420923');
  });

  it('is undefined for city and province codes and malformed input', () => {
    expect(countyOf('420900')).toBeUndefined();
    expect(countyOf('420000')).toBeUndefined();
    expect(countyOf('4209231')).toBeUndefined();
    expect(countyOf('abcdef')).toBeUndefined();
  });
});

describe('isWithinDivision', () => {
  it('contains towns in their county, counties in their city, all in the province', () => {
    expect(isWithinDivision('420923100', '420923')).toBe(true);
    expect(isWithinDivision('420923', '420900')).toBe(true);
    expect(isWithinDivision('420923100', '420900')).toBe(true);
    expect(isWithinDivision('421202104', '420000')).toBe(true);
    expect(isWithinDivision('421202104', '42')).toBe(true);
    expect(isWithinDivision('420923101201', '420923101')).toBe(true);
  });

  it('contains a division in itself', () => {
    expect(isWithinDivision('420923', '420923')).toBe(true);
    expect(isWithinDivision('420900', '420900')).toBe(true);
  });

  it('does not contain neighbours, parents or other provinces', () => {
    expect(isWithinDivision('420102002', '420923')).toBe(false);
    expect(isWithinDivision('420923', '420100')).toBe(false);
    // A city does not lie within one of its counties.
    expect(isWithinDivision('420900', '420923')).toBe(false);
    expect(isWithinDivision('420000', '420900')).toBe(false);
    expect(isWithinDivision('110105', '420000')).toBe(false);
    // Jingzhou's counties start with 4210, still inside province 42 and city 4210 only.
    expect(isWithinDivision('421081', '420000')).toBe(true);
    expect(isWithinDivision('421081', '421000')).toBe(true);
    expect(isWithinDivision('420583', '421000')).toBe(false);
  });

  it('treats a town code ending in 000 as its county', () => {
    expect(isWithinDivision('420923000', '420923')).toBe(true);
    expect(isWithinDivision('420923', '420923000')).toBe(true);
  });

  it('rejects malformed codes', () => {
    expect(isWithinDivision('4209231', '420923')).toBe(false);
    expect(isWithinDivision('420923', '')).toBe(false);
  });
});

describe('plausible division codes', () => {
  it('lists every province prefix of China for ID numbers', () => {
    expect(new Set(ID_NUMBER_PROVINCE_PREFIXES)).toEqual(
      new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']),
    );
  });

  it('accepts codes outside our counties but with a real province', () => {
    expect(isPlausibleIdDivisionCode('110105')).toBe(true);
    expect(isPlausibleIdDivisionCode('650102')).toBe(true);
    expect(isPlausibleIdDivisionCode('810000')).toBe(true);
    expect(isPlausibleIdDivisionCode('830000')).toBe(true);
  });

  it('rejects unknown provinces and malformed codes', () => {
    expect(isPlausibleIdDivisionCode('990923')).toBe(false);
    expect(isPlausibleIdDivisionCode('100101')).toBe(false);
    expect(isPlausibleIdDivisionCode('47xxxx')).toBe(false);
    expect(isPlausibleIdDivisionCode('42092')).toBe(false);
    expect(isPlausibleDivisionCode('830000')).toBe(false);
    expect(isPlausibleDivisionCode('420923')).toBe(true);
  });

  it('gives each province a name and abbreviation', () => {
    expect(PROVINCES['42']).toEqual({ name: '湖北省', abbreviation: '鄂', courtAbbreviation: '鄂' });
    for (const info of Object.values(PROVINCES)) expect(info.abbreviation).toHaveLength(1);
  });
});
