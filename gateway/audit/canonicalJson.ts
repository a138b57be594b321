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
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
