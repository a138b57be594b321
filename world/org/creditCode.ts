import type { Rng } from '../random/Rng.ts';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) for a
 * company registered in `division`: 9 (registered by market regulation)
 * 1 (enterprise), the 6-digit division, a 9-character organization code
 * with its GB 11714 check character, and the MOD 31 check character. Both
 * checks are real, so a validator accepts the synthetic codes.
 */
export function makeCreditCode(rng: Rng, division: string): string {
  let org = '';
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const d = rng.int(10);
    org += String(d);
    sum += d * (ORG_WEIGHTS[i] as number);
  }
  const c9 = 11 - (sum % 11);
  org += c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
  const body = `91${division}${org}`;
  let total = 0;
  for (let i = 0; i < 17; i++) total += USCC_CHARS.indexOf(body.charAt(i)) * (USCC_WEIGHTS[i] as number);
  const check = (31 - (total % 31)) % 31;
  return body + USCC_CHARS.charAt(check);
}
