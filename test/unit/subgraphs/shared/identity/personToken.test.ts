import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../../../../subgraphs/shared/identity/idNumber.ts';
import {
  DEV_FEDERATION_SECRET,
  createPersonTokenizer,
  resolveFederationSecret,
} from '../../../../../subgraphs/shared/identity/personToken.ts';

const SECRET_A = 'a-test-federation-secret-of-at-least-32-bytes';
const SECRET_B = 'another-test-federation-secret-of-32-bytes-plus';
const YUNMENG = '420923198503161235';
const BEIJING = '11010519491231002X';

/** Independent decoding of the token's base32 back to a bit string. */
function tokenBits(token: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...token.slice(2)].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
}

function digestBits(secret: string, value: string): string {
  const digest = createHmac('sha256', secret).update(value).digest();
  return [...digest].map((b) => b.toString(2).padStart(8, '0')).join('');
}

describe('createPersonTokenizer', () => {
  it('makes "p_" + 26 lower-case base32 characters', () => {
    const token = createPersonTokenizer(SECRET_A)(YUNMENG);
    expect(token).toMatch(/^p_[a-z2-7]{26}$/);
  });

  it('encodes the first 130 bits of HMAC-SHA256(secret, number)', () => {
    const token = createPersonTokenizer(SECRET_A)(YUNMENG);
    expect(tokenBits(token)).toBe(digestBits(SECRET_A, YUNMENG).slice(0, 130));
  });

  it('is stable: same secret and number, same token, across tokenizers', () => {
    const a = createPersonTokenizer(SECRET_A);
    const again = createPersonTokenizer(SECRET_A);
    expect(a(YUNMENG)).toBe(a(YUNMENG));
    expect(again(YUNMENG)).toBe(a(YUNMENG));
  });

  it('differs between persons and between secrets', () => {
    const a = createPersonTokenizer(SECRET_A);
    const b = createPersonTokenizer(SECRET_B);
    expect(a(YUNMENG)).not.toBe(a(BEIJING));
    expect(b(YUNMENG)).not.toBe(a(YUNMENG));
  });

  it('normalises the number first: lower-case x and whitespace give the same token', () => {
    const a = createPersonTokenizer(SECRET_A);
    expect(a(' 11010519491231002x ')).toBe(a(BEIJING));
  });

  it('refuses invalid and legacy 15-digit numbers, without echoing them', () => {
    const a = createPersonTokenizer(SECRET_A);
    expect(() => a('420923198503161234')).toThrow(/check character is 4, expected 5/);
    expect(() => a('420923850316123')).toThrow(/18-digit/);
    let message = '';
    try {
      a('420923850316123');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^cannot derive a person token: /);
    expect(message).not.toContain('850316');
  });

  it('throws for a secret shorter than 32 bytes, counting bytes not characters', () => {
    expect(() => createPersonTokenizer('x'.repeat(31))).toThrow(/at least 32 bytes/);
    expect(() => createPersonTokenizer('')).toThrow(/at least 32 bytes/);
    expect(createPersonTokenizer('x'.repeat(32))(YUNMENG)).toMatch(/^p_/);
    // 11 CJK characters are 33 bytes in UTF-8.
    expect(createPersonTokenizer('联邦密钥联邦密钥联邦密')(YUNMENG)).toMatch(/^p_/);
  });
});

describe('resolveFederationSecret', () => {
  it('returns the configured secret', () => {
    expect(resolveFederationSecret({ ONEWINDOW_FEDERATION_SECRET: SECRET_A })).toBe(SECRET_A);
    expect(resolveFederationSecret({ NODE_ENV: 'production', ONEWINDOW_FEDERATION_SECRET: SECRET_A })).toBe(SECRET_A);
  });

  it('falls back to the dev secret outside production', () => {
    expect(resolveFederationSecret({})).toBe(DEV_FEDERATION_SECRET);
    expect(resolveFederationSecret({ NODE_ENV: 'development' })).toBe(DEV_FEDERATION_SECRET);
    expect(resolveFederationSecret({ NODE_ENV: 'test', ONEWINDOW_FEDERATION_SECRET: '' })).toBe(DEV_FEDERATION_SECRET);
    // The dev secret itself is usable.
    expect(createPersonTokenizer(DEV_FEDERATION_SECRET)(YUNMENG)).toMatch(/^p_/);
  });

  it('refuses to start in production without a secret, naming the variable', () => {
    expect(() => resolveFederationSecret({ NODE_ENV: 'production' })).toThrow(/set ONEWINDOW_FEDERATION_SECRET/);
    expect(() => resolveFederationSecret({ NODE_ENV: 'production', ONEWINDOW_FEDERATION_SECRET: '' })).toThrow(
      /ONEWINDOW_FEDERATION_SECRET/,
    );
  });

  it('refuses a configured secret that is too short', () => {
    expect(() => resolveFederationSecret({ ONEWINDOW_FEDERATION_SECRET: 'short' })).toThrow(
      /ONEWINDOW_FEDERATION_SECRET is 5 bytes long, expected at least 32 bytes/,
    );
  });
});

describe('PersonTokenizer.ofValid', () => {
  it('gives a parsed number the token of the number itself, without parsing it again', () => {
    const tokenize = createPersonTokenizer(SECRET_A);
    for (const number of [YUNMENG, BEIJING]) {
      // Spaces around and a lower-case x: the parsed number is the normalised one.
      const parsed = parseIdNumber(` ${number.toLowerCase()} `);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(tokenize.ofValid(parsed.value)).toBe(tokenize(number));
    }
  });
});
