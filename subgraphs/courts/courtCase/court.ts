import { courtCodeForDivision } from '../../shared/codes/courtCaseNumber.ts';
import { countyOf, divisionEntry, divisionName } from '../../shared/identity/divisions.ts';
import type { CourtLevel } from './courtCase.enums.ts';

export interface CourtInfo {
  /** Court code of case numbers: 鄂0923 (basic), 鄂09 (intermediate). */
  code: string;
  name: string;
  level: CourtLevel;
  /** Division part of the case codes this court gives: the county, or the city for an intermediate court. */
  codeDivision: string;
}

/**
 * The court with jurisdiction over a town: the county's basic people's court
 * for first instance, special procedure, pre-suit mediation and enforcement;
 * the city's intermediate court for an appeal. Names as courts style
 * themselves: a county or county-level city alone (云梦县人民法院), a city
 * district with its city (武汉市江岸区人民法院).
 */
export function courtFor(division: string, level: CourtLevel): CourtInfo {
  const county = countyOf(division);
  if (!county) throw new RangeError(`no county for division ${division}`);
  const cityCode = `${county.slice(0, 4)}00`;
  const city = divisionName(cityCode) ?? '';
  if (level === 'INTERMEDIATE') {
    return { code: courtCodeForDivision(county, 'INTERMEDIATE'), name: `${city}中级人民法院`, level, codeDivision: cityCode };
  }
  const countyName = divisionEntry(county)?.name ?? '';
  const name = countyName.endsWith('区') ? `${city}${countyName}人民法院` : `${countyName}人民法院`;
  return { code: courtCodeForDivision(county, 'BASIC'), name, level, codeDivision: county };
}
