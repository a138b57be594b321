import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// ISO 8601 with an explicit offset (Z or ±hh:mm): every store keeps times this
// way, so a value read back is the value written, whatever the server's zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toDateTime(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new GraphQLError('DateTime cannot represent an invalid Date');
    return value.toISOString();
  }
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)) && isRealDate(value.slice(0, 10))) {
    return value;
  }
  throw new GraphQLError(`DateTime must be an ISO 8601 date-time with an offset, e.g. 2025-03-16T09:30:00+08:00; got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

function toDate(value: unknown): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new GraphQLError('Date cannot represent an invalid Date');
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string' && isRealDate(value)) return value;
  throw new GraphQLError(`Date must be a calendar date YYYY-MM-DD, e.g. 2025-03-16; got ${JSON.stringify(value)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** `DateTime`: values travel and are stored as ISO 8601 strings with an offset. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: toDateTime,
  parseValue: toDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return toDateTime(ast.value);
  },
});

/** `Date`: a calendar date `YYYY-MM-DD`, no time, no zone. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: toDate,
  parseValue: toDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return toDate(ast.value);
  },
});
