/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort`
 * orders strings) at every level and no whitespace: the same value always
 * serialises to the same text, so the text can be hashed into the audit chain
 * and recomputed by `verify` years later. Members whose value is `undefined`
 * are left out, as `JSON.stringify` does. Audit records hold only strings,
 * integers, booleans, null, arrays and plain objects: integers print the same
 * in every JSON implementation (RFC 8785 agrees for this subset).
 */
export function canonicalJson(value: unknown): string {
  // What JSON.stringify already writes canonically goes to it as it is: a
  // string, a list of strings, an object of strings with its keys in order.
  if (isFlat(value)) return JSON.stringify(value);
  // Else one JSON.stringify over a copy whose objects list their keys sorted:
  // far cheaper than a call per member (this runs for every audit record).
  const copy = sortedCopy(value);
  const text = copy === BY_HAND ? byHand(value) : JSON.stringify(copy);
  if (text === undefined) throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
  return text;
}

/** A scalar, a list of scalars, or an object of scalars whose keys are sorted and none integer-like. */
function isFlat(value: unknown): boolean {
  if (isScalar(value)) return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isScalar(value[i])) return false;
    return true;
  }
  // Not a Date or anything else with a toJSON of its own: JSON.stringify would call it.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  let previous = '';
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false;
    const member = record[key];
    if ((member !== undefined && !isScalar(member)) || key < previous || isIndexLike(key)) return false;
    previous = key;
  }
  return true;
}

/** What JSON.stringify writes as canonicalJson does, wherever it sits (undefined is not: lists and objects differ on it). */
function isScalar(value: unknown): boolean {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || value === null;
}

/**
 * JSON.stringify puts integer-like keys first, in numeric order, whatever the
 * order of the object, and a copy cannot hold an own "__proto__" by plain
 * assignment: such values are written by hand.
 */
const BY_HAND = Symbol('by hand');

/** The value with every object's keys inserted in sorted order (JSON.stringify keeps that order), or BY_HAND. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
    return value;
  }
  if (Array.isArray(value)) {
    const list: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // A hole or an undefined item is null, as JSON.stringify writes it.
      const copy = item === undefined ? null : sortedCopy(item);
      if (copy === BY_HAND) return BY_HAND;
      list[i] = copy;
    }
    return list;
  }
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    // An own "__proto__" (JSON.parse makes them) would set the copy's prototype instead.
    if (isIndexLike(key) || key === '__proto__') return BY_HAND;
    const memberCopy = sortedCopy(member);
    if (memberCopy === BY_HAND) return BY_HAND;
    copy[key] = memberCopy;
  }
  return copy;
}

/** The same text, one member at a time. */
function byHand(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${Array.from(value, (item: unknown) => (item === undefined ? 'null' : byHand(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${byHand(member)}`);
  }
  return `{${members.join(',')}}`;
}

function isIndexLike(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4_294_967_295;
}
