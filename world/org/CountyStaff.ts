import type { LawyerRecord } from '../../subgraphs/shared/world/records.ts';
import type { CountyInfo } from '../geo/counties.ts';
import { personName } from '../names/personName.ts';
import type { Rng } from '../random/Rng.ts';

/** The people who handle matters (not residents in the register; names only). */
export interface CountyStaff {
  /** Centre window and dispatch staff. */
  readonly centre: readonly string[];
  /** Mediators per town index. */
  readonly mediators: readonly (readonly string[])[];
  /** Police officers per town index (the town's station). */
  readonly officers: readonly (readonly { name: string; badgeNumber: string }[])[];
  readonly traffic: readonly { name: string; badgeNumber: string }[];
  readonly judges: readonly string[];
  readonly appealJudges: readonly string[];
  readonly lawyers: readonly LawyerRecord[];
  readonly petitionOfficers: readonly string[];
  readonly arbitrators: readonly string[];
  readonly legalAidStaff: readonly string[];
}

const FIRM_WORDS = ['楚信', '德恒', '明理', '正义', '卓越', '天衡', '泽诚', '法正', '明德', '尚法'];

export function makeCountyStaff(rng: Rng, county: CountyInfo): CountyStaff {
  const name = (): string => personName(rng, rng.chance(0.5) ? 'MALE' : 'FEMALE', rng.between(1966, 1998));
  const names = (n: number): string[] => Array.from({ length: n }, name);
  const badge = (): string => String(rng.between(100000, 999999));
  const officers = (n: number): { name: string; badgeNumber: string }[] =>
    Array.from({ length: n }, () => ({ name: personName(rng, rng.chance(0.85) ? 'MALE' : 'FEMALE', rng.between(1970, 1999)), badgeNumber: badge() }));
  const firms = Array.from({ length: 5 }, () => `湖北${rng.pick(FIRM_WORDS)}律师事务所`);
  const lawyers: LawyerRecord[] = Array.from({ length: 24 }, () => ({
    name: name(),
    firm: rng.pick(firms),
    // 执业证号: 1 + 4-digit region + 4-digit first-licence year + 1 + 7 digits (17 digits).
    licenceNumber: `1${county.cityCode.slice(0, 4)}${rng.between(2001, 2022)}1${String(rng.int(10_000_000)).padStart(7, '0')}`,
  }));
  return {
    centre: names(8),
    mediators: county.towns.map(() => names(6)),
    officers: county.towns.map(() => officers(10)),
    traffic: officers(8),
    judges: names(16),
    appealJudges: names(8),
    lawyers,
    petitionOfficers: names(6),
    arbitrators: names(5),
    legalAidStaff: names(4),
  };
}
