import type { Gender, HouseholdRelation } from '../../subgraphs/shared/world/records.ts';
import { SURNAMES } from '../names/surnames.ts';
import type { Rng } from '../random/Rng.ts';
import { Weighted } from '../random/Weighted.ts';

/** One member as planned before names and ID numbers exist; age in whole years at the as-of date. */
export interface MemberPlan {
  readonly relation: HouseholdRelation;
  readonly gender: Gender;
  readonly age: number;
  readonly surname: string;
  /** Index in the plan of this member's spouse, or -1. */
  readonly spouse: number;
}

type HouseholdType = 'SINGLE_ADULT' | 'SINGLE_ELDER' | 'ELDER_COUPLE' | 'COUPLE' | 'NUCLEAR' | 'THREE_GEN' | 'LEFT_BEHIND';

/**
 * Household types, rural and urban (2020 census shapes, simplified): the
 * countryside has more elderly and three-generation households and
 * grandparents raising grandchildren whose parents work elsewhere (留守).
 * Mean size comes out near 3.
 */
const RURAL = new Weighted<HouseholdType>([
  ['SINGLE_ADULT', 6], ['SINGLE_ELDER', 8], ['ELDER_COUPLE', 13], ['COUPLE', 9],
  ['NUCLEAR', 36], ['THREE_GEN', 22], ['LEFT_BEHIND', 6],
]);
const URBAN = new Weighted<HouseholdType>([
  ['SINGLE_ADULT', 12], ['SINGLE_ELDER', 6], ['ELDER_COUPLE', 10], ['COUPLE', 12],
  ['NUCLEAR', 42], ['THREE_GEN', 16], ['LEFT_BEHIND', 2],
]);

export type HouseholdKind = HouseholdType;

function kids(rng: Rng, motherAge: number): number[] {
  const n = rng.chance(0.55) ? 1 : rng.chance(0.9) ? 2 : 3;
  const ages: number[] = [];
  for (let i = 0; i < n; i++) {
    const age = motherAge - rng.between(22, 36);
    ages.push(age >= 0 ? age : rng.int(3));
  }
  return ages;
}

/** Plans one household's members: relations, sexes, ages and surnames. */
export function householdMembers(rng: Rng, urban: boolean): { kind: HouseholdKind; members: MemberPlan[] } {
  const kind = (urban ? URBAN : RURAL).pick(rng);
  const members: MemberPlan[] = [];
  const family = SURNAMES.pick(rng);
  const add = (relation: HouseholdRelation, gender: Gender, age: number, surname: string, spouse = -1): number => {
    members.push({ relation, gender, age: Math.max(0, Math.min(99, age)), surname, spouse });
    return members.length - 1;
  };
  const couple = (relation: HouseholdRelation, husbandAge: number): [number, number] => {
    const h = add(relation, 'MALE', husbandAge, family, members.length + 1);
    const w = add(relation === 'HEAD' ? 'SPOUSE' : relation, 'FEMALE', Math.max(20, husbandAge - rng.between(-2, 5)), SURNAMES.pick(rng), h);
    return [h, w];
  };

  switch (kind) {
    case 'SINGLE_ADULT':
      add('HEAD', rng.chance(0.6) ? 'MALE' : 'FEMALE', rng.between(20, 59), family);
      break;
    case 'SINGLE_ELDER':
      // Women outlive men: most elderly people living alone are widows.
      add('HEAD', rng.chance(0.35) ? 'MALE' : 'FEMALE', rng.between(65, 92), family);
      break;
    case 'ELDER_COUPLE':
      couple('HEAD', rng.between(58, 88));
      break;
    case 'COUPLE':
      couple('HEAD', rng.between(22, 45));
      break;
    case 'NUCLEAR': {
      const [, w] = couple('HEAD', rng.between(26, 58));
      for (const age of kids(rng, (members[w] as MemberPlan).age)) add('CHILD', rng.chance(0.52) ? 'MALE' : 'FEMALE', age, family);
      break;
    }
    case 'THREE_GEN': {
      const [h, w] = couple('HEAD', rng.between(30, 55));
      const parentAge = (members[h] as MemberPlan).age + rng.between(24, 34);
      if (rng.chance(0.45)) {
        const p = add('PARENT', 'MALE', parentAge, family, members.length + 1);
        add('PARENT', 'FEMALE', parentAge - rng.between(0, 5), SURNAMES.pick(rng), p);
      } else {
        add('PARENT', rng.chance(0.3) ? 'MALE' : 'FEMALE', parentAge, rng.chance(0.3) ? SURNAMES.pick(rng) : family);
      }
      for (const age of kids(rng, (members[w] as MemberPlan).age)) add('CHILD', rng.chance(0.52) ? 'MALE' : 'FEMALE', age, family);
      break;
    }
    case 'LEFT_BEHIND': {
      const grandfather = rng.between(58, 80);
      if (rng.chance(0.7)) couple('HEAD', grandfather);
      else add('HEAD', 'FEMALE', grandfather, family);
      const n = rng.chance(0.6) ? 1 : 2;
      for (let i = 0; i < n; i++) add('GRANDCHILD', rng.chance(0.52) ? 'MALE' : 'FEMALE', rng.between(3, 15), family);
      break;
    }
  }
  return { kind, members };
}
