/**
 * The six counties/districts of the world with what the generator needs
 * beyond the shared division table: relative population, whether the
 * dispute mix is urban, and the names of the county's courts and police.
 */
import { courtCodeForDivision } from '../../subgraphs/shared/codes/courtCaseNumber.ts';
import { DIVISIONS } from '../../subgraphs/shared/identity/divisions.ts';

export type TownKind = 'STREET' | 'TOWN' | 'TOWNSHIP';

export interface TownInfo {
  readonly code: string;
  /** e.g. 城关镇, 大智街道. */
  readonly name: string;
  /** Without the 镇/乡/街道 suffix, for station and court names: 城关, 大智. */
  readonly shortName: string;
  readonly kind: TownKind;
  /** Relative population within the county. */
  readonly weight: number;
}

export interface CountyInfo {
  readonly code: string;
  readonly name: string;
  readonly cityCode: string;
  readonly cityName: string;
  /** Urban districts get more property, consumer and labour disputes (DOMAIN.md). */
  readonly urban: boolean;
  /** Share of the world's people. */
  readonly weight: number;
  /** Share of residents holding an ID number issued elsewhere. */
  readonly migrantShare: number;
  readonly towns: readonly TownInfo[];
  /** 湖北省孝感市云梦县 */
  readonly addressPrefix: string;
  /** County name as units use it: 云梦县; districts prefix the city: 武汉市江岸区 for courts. */
  readonly basicCourt: string;
  readonly basicCourtCode: string;
  readonly intermediateCourt: string;
  readonly intermediateCourtCode: string;
  /** 云梦县公安局 or, for a city district, 武汉市公安局江岸区分局. */
  readonly policeBureau: string;
}

/** Population shares and urbanity (rough, after the 2020 census). */
const PROFILE: Readonly<Record<string, { weight: number; urban: boolean; migrantShare: number }>> = {
  '420923': { weight: 0.16, urban: false, migrantShare: 0.07 },
  '420102': { weight: 0.22, urban: true, migrantShare: 0.15 },
  '420583': { weight: 0.14, urban: false, migrantShare: 0.07 },
  '421081': { weight: 0.14, urban: false, migrantShare: 0.06 },
  '420704': { weight: 0.18, urban: true, migrantShare: 0.12 },
  '421202': { weight: 0.16, urban: false, migrantShare: 0.09 },
};

function townOf(code: string, name: string): TownInfo {
  // Statistics codes: 0xx sub-districts (街道), 1xx towns (镇), 2xx townships (乡).
  const kind: TownKind = code[6] === '0' ? 'STREET' : code[6] === '1' ? 'TOWN' : 'TOWNSHIP';
  const shortName = name.replace(/(街道|镇|乡)$/u, '');
  const weight = kind === 'STREET' ? 1.5 : kind === 'TOWN' ? 1 : 0.6;
  return { code, name, shortName, kind, weight };
}

function build(): readonly CountyInfo[] {
  const counties: CountyInfo[] = [];
  for (const city of DIVISIONS.cities) {
    for (const county of city.counties) {
      const profile = PROFILE[county.code];
      if (profile === undefined) throw new Error(`no world profile for county ${county.code}`);
      const isDistrict = county.name.endsWith('区');
      const fullName = isDistrict ? city.name + county.name : county.name;
      counties.push({
        code: county.code,
        name: county.name,
        cityCode: city.code,
        cityName: city.name,
        urban: profile.urban,
        weight: profile.weight,
        migrantShare: profile.migrantShare,
        towns: county.towns.map((t) => townOf(t.code, t.name)),
        addressPrefix: DIVISIONS.name + city.name + county.name,
        basicCourt: `${fullName}人民法院`,
        basicCourtCode: courtCodeForDivision(county.code, 'BASIC'),
        intermediateCourt: `${city.name}中级人民法院`,
        intermediateCourtCode: courtCodeForDivision(county.code, 'INTERMEDIATE'),
        policeBureau: isDistrict ? `${city.name}公安局${county.name}分局` : `${county.name}公安局`,
      });
    }
  }
  // Fixed order by code, independent of how the shared table is arranged.
  return counties.sort((a, b) => (a.code < b.code ? -1 : 1));
}

export const COUNTIES: readonly CountyInfo[] = build();
