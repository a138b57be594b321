/**
 * The pseudonymous person token, the federation key of `Person`
 * (DESIGN.md, "Person"): every agency stores the raw resident ID number in
 * its own system and derives the same token from it, so the token is the
 * join key and the raw number never travels between subgraphs.
 *
 * token = "p_" + first 26 characters of base32 (RFC 4648 alphabet, lower
 * case, no padding) of HMAC-SHA256(secret, normalised 18-digit number).
 * 26 base32 characters carry 130 bits: collisions are out of reach for any
 * population, and the token is URL-safe.
 * A keyed hash rather than a plain hash because the space of valid ID
 * numbers is small (divisions x birth dates x 1000 sequences, about 10^11):
 * without the secret a plain hash could be reversed by enumeration.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { type IdNumber, parseIdNumber } from './idNumber.ts';

/** Minimum secret length in bytes: the HMAC-SHA256 key should carry 256 bits. */
const MIN_SECRET_BYTES = 32;
const TOKEN_PREFIX = 'p_';
const TOKEN_BASE32_CHARS = 26;
const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const SECRET_VARIABLE = 'ONEWINDOW_FEDERATION_SECRET';

/**
 * DEVELOPMENT ONLY. The fixed federation secret used when
 * ONEWINDOW_FEDERATION_SECRET is unset outside production, so that local
 * runs, tests and the synthetic world agree on tokens without
 * configuration. It is public (it is in the source), so tokens made with it
 * protect nothing; production refuses to start without a real secret.
 */
export const DEV_FEDERATION_SECRET = 'onewindow-DEV-ONLY-federation-secret-not-for-production';

/** Turns an ID number into its person token. */
export interface PersonTokenizer {
  (idNumber18: string): string;
  /**
   * The token of a number `parseIdNumber` has already validated (its
   * normalised form): for a caller that parsed it to answer a bad number
   * with its own error, the same token without parsing it a second time.
   */
  ofValid(idNumber: IdNumber): string;
}

function assertSecretLength(secret: string, what: string): void {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_SECRET_BYTES) {
    throw new Error(`${what} is ${bytes} bytes long, expected at least ${MIN_SECRET_BYTES} bytes`);
  }
}

/** RFC 4648 base32, lower case, no padding; only the first `chars` characters. */
function base32Prefix(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET.charAt((buffer >>> bits) & 31);
      if (out.length === chars) return out;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET.charAt((buffer << (5 - bits)) & 31);
  return out.slice(0, chars);
}

/**
 * Returns a tokenizer bound to `secret` (at least 32 bytes, else it throws).
 * The tokenizer accepts a valid 18-digit ID number (surrounding whitespace
 * and a lower-case x tolerated, the number is normalised first so both
 * spellings give one token) and throws a TypeError for anything else,
 * including legacy 15-digit numbers: a token of an invalid number would
 * silently match nobody, or the wrong person.
 */
export function createPersonTokenizer(secret: string): PersonTokenizer {
  assertSecretLength(secret, 'federation secret');
  const key: KeyObject = createSecretKey(Buffer.from(secret, 'utf8'));
  const ofValid = (idNumber: IdNumber): string =>
    TOKEN_PREFIX + base32Prefix(createHmac('sha256', key).update(idNumber.number, 'utf8').digest(), TOKEN_BASE32_CHARS);
  const tokenize = (idNumber18: string): string => {
    const parsed = parseIdNumber(idNumber18);
    if (!parsed.ok) {
      // The message names the failed part only, never the number itself.
      throw new TypeError(`cannot derive a person token: ${parsed.message}`);
    }
    return ofValid(parsed.value);
  };
  return Object.assign(tokenize, { ofValid });
}

/**
 * The federation secret from the environment. Outside production an unset
 * (or empty) ONEWINDOW_FEDERATION_SECRET falls back to
 * {@link DEV_FEDERATION_SECRET}; in production (NODE_ENV=production) it
 * throws, so a misconfigured process refuses to start instead of issuing
 * tokens anyone can recompute. A configured secret shorter than 32 bytes
 * throws in every environment.
 */
export function resolveFederationSecret(env: { NODE_ENV?: string; ONEWINDOW_FEDERATION_SECRET?: string }): string {
  const configured = env.ONEWINDOW_FEDERATION_SECRET;
  if (configured !== undefined && configured !== '') {
    assertSecretLength(configured, SECRET_VARIABLE);
    return configured;
  }
  if (env.NODE_ENV === 'production') {
    throw new Error(
      `${SECRET_VARIABLE} is not set: in production set ${SECRET_VARIABLE} to the federation secret shared by all agencies (at least ${MIN_SECRET_BYTES} bytes); the development secret is refused`,
    );
  }
  return DEV_FEDERATION_SECRET;
}
