import type { Rng } from '../random/Rng.ts';

const PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158',
  '159', '166', '173', '175', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191',
  '193', '198', '199',
];

/**
 * Unique 11-digit mobile numbers. The last 8 digits are a counter sent
 * through a small Feistel permutation of 0..99,999,999: a bijection, so no
 * two people share a number, yet neighbours' numbers look unrelated.
 */
export class PhoneAllocator {
  private counter = 0;
  private readonly key: number;

  constructor(private readonly rng: Rng) {
    this.key = rng.int(10_000);
  }

  next(): string {
    const x = this.counter++;
    if (x >= 100_000_000) throw new RangeError('PhoneAllocator exhausted');
    let left = Math.floor(x / 10_000);
    let right = x % 10_000;
    for (let round = 0; round < 4; round++) {
      const f = (Math.imul(right * 7919 + this.key + round * 977, 104_729) >>> 0) % 10_000;
      const nextRight = (left + f) % 10_000;
      left = right;
      right = nextRight;
    }
    const tail = String(left * 10_000 + right).padStart(8, '0');
    return this.rng.pick(PREFIXES) + tail;
  }
}
