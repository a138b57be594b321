import { makeIdNumber } from '../../subgraphs/shared/identity/idNumber.ts';
import type { Gender } from '../../subgraphs/shared/world/records.ts';
import { dayOfDate, formatDay } from '../time/clock.ts';

const FIRST_DAY = dayOfDate('1900-01-01');
const PER_SEX = 500;
const MALE_DIGITS = [1, 3, 5, 7, 9] as const;
const FEMALE_DIGITS = [0, 2, 4, 6, 8] as const;

/**
 * Hands out resident ID numbers that are unique in the world. Two people
 * share a division code and birth date often enough at a million people,
 * so each (division, birth day, sex) has a counter (a Uint16Array per
 * division: about 90 KB each, not a Set of a million strings), and the
 * k-th person gets the k-th of the 500 sequences of their sex, walked in a
 * scrambled order so numbers do not look consecutive.
 */
export class IdAllocator {
  private readonly divisionIndex = new Map<string, number>();
  private readonly counters: Uint16Array[] = [];
  private readonly span: number;

  constructor(lastDay: number) {
    this.span = lastDay - FIRST_DAY + 1;
  }

  /**
   * An ID number for someone born on `birthDay` (local day number, from
   * 1900-01-01 to the constructor's last day), or null when that day's 500
   * sequences of the sex are used up (the caller moves the birthday).
   */
  allocate(division: string, birthDay: number, gender: Gender): string | null {
    let index = this.divisionIndex.get(division);
    if (index === undefined) {
      index = this.counters.length;
      this.divisionIndex.set(division, index);
      this.counters.push(new Uint16Array(this.span * 2));
    }
    const counters = this.counters[index] as Uint16Array;
    const slot = (birthDay - FIRST_DAY) * 2 + (gender === 'MALE' ? 1 : 0);
    if (slot < 0 || slot >= counters.length) throw new RangeError('IdAllocator: birth day out of range');
    const k = counters[slot] as number;
    if (k >= PER_SEX) return null;
    counters[slot] = k + 1;
    // 123 is coprime to 500, so k → v visits every sequence once.
    const offset = Math.imul(index * 7919 + birthDay, 2654435761) >>> 0;
    const v = (offset + k * 123) % PER_SEX;
    const digits = gender === 'MALE' ? MALE_DIGITS : FEMALE_DIGITS;
    const sequence = Math.floor(v / 5) * 10 + (digits[v % 5] as number);
    return makeIdNumber(division, formatDay(birthDay), sequence);
  }
}
