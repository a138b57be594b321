import { ErrorCode, userError } from '../errors.ts';

/**
 * Opaque cursors for connections: base64url of the sort key of the last row
 * seen (keyset pagination: no OFFSET, so a page costs the same at any depth).
 */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === arity && parts.every((p) => typeof p === 'string' || typeof p === 'number')) {
      return parts as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw userError(ErrorCode.BAD_USER_INPUT, `invalid cursor ${JSON.stringify(cursor)}`, { argumentName: 'after' });
}

/** The two-part sort key (time or name, then case code or id) an `after` cursor names; null for the first page. */
export function decodeAfter(after: string | null | undefined): [string, string] | null {
  return after ? (decodeCursor(after, 2) as [string, string]) : null;
}

/** Bounds `first`: 1..max, default `fallback`. */
export function pageSize(first: number | null | undefined, fallback = 20, max = 100): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw userError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${max}, got ${first}`, { argumentName: 'first' });
  }
  return first;
}
