import type { Gender } from '../../subgraphs/shared/world/records.ts';
import type { Rng } from '../random/Rng.ts';

const NONE: readonly string[] = Object.freeze([]);

/**
 * Special-population tags (重点人群) grid workers keep: rare, and sensitive
 * information under PIPL art 28. Rates are rough orders of magnitude for a
 * county, enough for every world to contain a few.
 */
export function specialTags(rng: Rng, age: number, gender: Gender, leftBehindHousehold: boolean, rural: boolean): readonly string[] {
  let tags: string[] | undefined;
  const tag = (t: string): void => {
    (tags ??= []).push(t);
  };
  const r = rng.next();
  if (age >= 18 && age <= 60 && r < 0.0008) tag('社区矫正');
  else if (age >= 20 && age <= 65 && r < (gender === 'MALE' ? 0.0035 : 0.0012)) tag('刑满释放');
  else if (age >= 18 && r < 0.0055) tag('严重精神障碍');
  else if (age >= 18 && age <= 55 && r < 0.0062) tag('吸毒人员');
  if (age >= 65 && leftBehindHousehold && rural && rng.chance(0.5)) tag('留守老人');
  if (age < 16 && (leftBehindHousehold ? rng.chance(0.12) : rng.chance(0.003))) tag('困境儿童');
  return tags ?? NONE;
}
