import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../gateway/audit/canonicalJson.ts';

/**
 * The definition, one member at a time (the first implementation, except
 * that a hole in a list is null, as JSON.stringify writes it: the first wrote
 * nothing there, which is not JSON): what canonicalJson must write for every value.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`cannot serialise a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${Array.from(value, (item: unknown) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${reference(member)}`);
  }
  return `{${members.join(',')}}`;
}

/** Values of every shape a record could hold, and some it should not: odd strings, integer-like keys, holes, dates, functions. */
function randomValues(count: number): unknown[] {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pieces = ['a', 'Z', '0', '9', '"', '\\', '\n', '\u2028', '周', '😀', '\ud800', '\u0000', ' ', 'é'];
  const text = () => Array.from({ length: Math.floor(random() * 6) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
  const value = (depth: number): unknown => {
    const r = random();
    if (r < 0.01) return new Date(0);
    if (r < 0.015) return () => 1;
    if (depth > 3 || r < 0.3) return text();
    if (r < 0.4) return Math.floor(random() * 1e6) - 5e5;
    if (r < 0.45) return null;
    if (r < 0.5) return random() < 0.5;
    if (r < 0.55) return undefined;
    if (r < 0.75) {
      const list = Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      if (random() < 0.1) list.length += 2; // holes
      return list;
    }
    const object: Record<string, unknown> = {};
    for (let i = 0; i < random() * 5; i++) object[random() < 0.2 ? String(Math.floor(random() * 20)) : text()] = value(depth + 1);
    return object;
  };
  return Array.from({ length: count }, () => value(0));
}

const outcome = (serialise: (v: unknown) => string, value: unknown): string => {
  try {
    return serialise(value);
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

describe('canonicalJson', () => {
  it('writes what the one-member-at-a-time definition writes, for every value (or refuses alike)', () => {
    for (const value of randomValues(20_000)) expect(outcome(canonicalJson, value)).toBe(outcome(reference, value));
  });

  it('orders integer-like keys as strings, as Array.prototype.sort does (not as JSON.stringify would)', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', x: { 2: 1, 10: 2 } })).toBe('{"10":"a","9":"b","x":{"10":2,"2":1}}');
  });

  it('keeps an own "__proto__" member (JSON.parse makes them)', () => {
    const value: unknown = JSON.parse('{"b":[1],"__proto__":{"z":1,"a":2}}');
    expect(canonicalJson(value)).toBe('{"__proto__":{"a":2,"z":1},"b":[1]}');
    expect(canonicalJson(value)).toBe(reference(value));
  });
});
