import { describe, expect, it } from 'vitest';
import {
  idCheckCharacter,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  upgradeLegacyIdNumber,
  type IdNumberFailure,
} from '../../../../../subgraphs/shared/identity/idNumber.ts';

const TODAY = new Date('2025-06-01T04:00:00Z');

/** Completes 17 digits with their check character, so a test isolates one failure. */
function withCheck(first17: string): string {
  return first17 + idCheckCharacter(first17);
}

function expectFailure(raw: string, reason: IdNumberFailure, today: Date = TODAY): string {
  const result = parseIdNumber(raw, today);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.reason).toBe(reason);
  return result.message;
}

describe('idCheckCharacter', () => {
  it('computes the worked example of DOMAIN.md (S = 282, 282 mod 11 = 7, check 5)', () => {
    expect(idCheckCharacter('42092319850316123')).toBe('5');
  });

  it('writes 10 as X (the standard example 11010519491231002X)', () => {
    expect(idCheckCharacter('11010519491231002')).toBe('X');
  });

  it('covers every remainder', () => {
    // Change the last digit (weight 2) and the check cycles through all 11 values.
    const seen = new Set<string>();
    for (let d = 0; d < 10; d++) seen.add(idCheckCharacter(`4209231985031612${d}`));
    for (let d = 0; d < 10; d++) seen.add(idCheckCharacter(`420923198503161${d}3`));
    expect(seen).toEqual(new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']));
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idCheckCharacter('4209231985031612')).toThrow(TypeError);
    expect(() => idCheckCharacter('4209231985031612X')).toThrow(TypeError);
  });
});

describe('parseIdNumber: valid numbers', () => {
  it('parses the Yunmeng worked example', () => {
    expect(parseIdNumber('420923198503161235', TODAY)).toEqual({
      ok: true,
      value: {
        number: '420923198503161235',
        divisionCode: '420923',
        birthDate: '1985-03-16',
        sequence: '123',
        sex: 'MALE',
      },
    });
  });

  it('parses the standard example, female, born 1949-12-31', () => {
    const result = parseIdNumber('11010519491231002X', TODAY);
    expect(result).toEqual({
      ok: true,
      value: { number: '11010519491231002X', divisionCode: '110105', birthDate: '1949-12-31', sequence: '002', sex: 'FEMALE' },
    });
  });

  it('normalises a lower-case x and trims whitespace', () => {
    const result = parseIdNumber('  11010519491231002x\n', TODAY);
    expect(result.ok && result.value.number).toBe('11010519491231002X');
  });

  it('accepts people from outside the county', () => {
    expect(isValidIdNumber(withCheck('65010219900101001'), TODAY)).toBe(true);
  });

  it('accepts a birth today in China time even while it is still yesterday in UTC', () => {
    // 2025-06-01T17:00Z is 2025-06-02 01:00 in China.
    expect(isValidIdNumber(withCheck('42092320250602002'), new Date('2025-06-01T17:00:00Z'))).toBe(true);
    expect(isValidIdNumber(withCheck('42092320250602002'), new Date('2025-06-01T15:00:00Z'))).toBe(false);
  });

  it('accepts 1900-01-01 and leap days', () => {
    expect(isValidIdNumber(withCheck('42092319000101001'), TODAY)).toBe(true);
    expect(isValidIdNumber(withCheck('42092320000229001'), TODAY)).toBe(true);
  });
});

describe('parseIdNumber: failures', () => {
  it('LENGTH', () => {
    expect(expectFailure('42092319850316123', 'LENGTH')).toBe('ID number has 17 characters, expected 18');
    expectFailure('4209231985031612355', 'LENGTH');
    expectFailure('', 'LENGTH');
  });

  it('CHARACTERS', () => {
    expectFailure('42092319850316123A', 'CHARACTERS');
    expectFailure('42092319850316１２35', 'CHARACTERS');
    expect(expectFailure('4209231985031612X5', 'CHARACTERS')).toMatch(/only the last character .* may be X/);
    expectFailure('42092319850316 235', 'CHARACTERS');
  });

  it('DIVISION: an unknown province', () => {
    const message = expectFailure(withCheck('99092319850316123'), 'DIVISION');
    expect(message).toMatch(/division code .*99.*expected a real province code/);
    expectFailure(withCheck('00000019850316123'), 'DIVISION');
  });

  it('BIRTH_DATE: 30 February, month 13, day 0', () => {
    expect(expectFailure(withCheck('42092319850230123'), 'BIRTH_DATE')).toMatch(/not a real calendar date/);
    expectFailure(withCheck('42092319851301123'), 'BIRTH_DATE');
    expectFailure(withCheck('42092319850300123'), 'BIRTH_DATE');
    // 1900 is not a leap year.
    expectFailure(withCheck('42092319000229123'), 'BIRTH_DATE');
  });

  it('BIRTH_DATE: in the future', () => {
    expect(expectFailure(withCheck('42092320250602123'), 'BIRTH_DATE')).toMatch(/in the future/);
    expect(isValidIdNumber(withCheck('42092320250601123'), TODAY)).toBe(true);
  });

  it('BIRTH_DATE: before 1900', () => {
    expect(expectFailure(withCheck('42092318991231123'), 'BIRTH_DATE')).toMatch(/before 1900-01-01/);
  });

  it('CHECK_CHARACTER names the given and the expected character', () => {
    expect(expectFailure('420923198503161234', 'CHECK_CHARACTER')).toBe('check character is 4, expected 5');
    expect(expectFailure('110105194912310021', 'CHECK_CHARACTER')).toBe('check character is 1, expected X');
    expect(expectFailure('42092319850316123x', 'CHECK_CHARACTER')).toBe('check character is X, expected 5');
  });

  it('LEGACY_15_DIGIT, telling the user to use the 18-digit number', () => {
    expect(expectFailure('420923850316123', 'LEGACY_15_DIGIT')).toMatch(/use the 18-digit/);
    expectFailure('42092385031612X', 'CHARACTERS');
  });

  it('never repeats the number or its birth date in a message', () => {
    const bad = [
      '420923198503161234',
      withCheck('42092319850230123'),
      '420923850316123',
      '4209231985031612X5',
      withCheck('99092319850316123'),
    ];
    for (const raw of bad) {
      const result = parseIdNumber(raw, TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).not.toContain('1985');
        expect(result.message).not.toContain('850316');
      }
    }
  });
});

describe('upgradeLegacyIdNumber', () => {
  it('inserts the century and computes the check', () => {
    expect(upgradeLegacyIdNumber('420923850316123')).toBe('420923198503161235');
    expect(upgradeLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
  });

  it('rejects input that is not a valid legacy number', () => {
    expect(() => upgradeLegacyIdNumber('42092385031612')).toThrow(TypeError);
    expect(() => upgradeLegacyIdNumber('420923850230123')).toThrow(/birth date/);
    expect(() => upgradeLegacyIdNumber('990923850316123')).toThrow(/division code/);
  });
});

describe('makeIdNumber', () => {
  it('builds the worked example', () => {
    expect(makeIdNumber('420923', '1985-03-16', 123)).toBe('420923198503161235');
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  it('pads the sequence and encodes sex by its parity', () => {
    const female = parseIdNumber(makeIdNumber('420102', '2001-07-09', 8), TODAY);
    expect(female.ok && female.value).toMatchObject({ sequence: '008', sex: 'FEMALE', birthDate: '2001-07-09' });
    const male = parseIdNumber(makeIdNumber('420102', '2001-07-09', 57), TODAY);
    expect(male.ok && male.value).toMatchObject({ sequence: '057', sex: 'MALE' });
  });

  it('always produces numbers that parse back to their inputs', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const year = 1900 + random(125);
      const month = 1 + random(12);
      const day = 1 + random(28);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const sequence = random(1000);
      const number = makeIdNumber('421081', date, sequence);
      const parsed = parseIdNumber(number, TODAY);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(parsed.value.birthDate).toBe(date);
        expect(Number(parsed.value.sequence)).toBe(sequence);
        expect(parsed.value.sex).toBe(sequence % 2 === 1 ? 'MALE' : 'FEMALE');
      }
    }
  });

  it('rejects bad input', () => {
    expect(() => makeIdNumber('420923', '1985-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('420923', '19850316', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('420923', '1985-03-16', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('420923', '1985-03-16', -1)).toThrow(RangeError);
    expect(() => makeIdNumber('420923', '1985-03-16', 1.5)).toThrow(RangeError);
    expect(() => makeIdNumber('990923', '1985-03-16', 1)).toThrow(RangeError);
  });
});

describe('masking', () => {
  it('masks an ID number as first 6, 8 stars, last 4', () => {
    expect(maskIdNumber('420923198503161235')).toBe('420923********1235');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks odd-length input without revealing more', () => {
    expect(maskIdNumber('420923850316123')).toBe('420923*****6123');
    expect(maskIdNumber('12345678')).toBe('****5678');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('masks a mobile number as first 3, 4 stars, last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
  });

  it('keeps only the last 4 of other phone numbers', () => {
    expect(maskPhone('07124567890')).toBe('*******7890');
    expect(maskPhone('+8613812345678')).toBe('**********5678');
    expect(maskPhone('88886666')).toBe('****6666');
    expect(maskPhone('110')).toBe('***');
  });
});
