import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../errors.ts';
import { parseAccessPurpose } from '../security/parseAccessPurpose.ts';
import type { Principal } from '../security/Principal.ts';
import { accessEntry } from './accessEntry.ts';
import type { AuditLog } from './AuditLog.ts';
import { AccessOutcome } from './AuditRecord.ts';
import { decodeCursor, type AuditReader } from './AuditReader.ts';
import { auditUnavailableError } from './auditUnavailableError.ts';

/** Roles that may list who accessed a person. */
export const AUDIT_READER_ROLES: ReadonlySet<string> = new Set(['auditor', 'supervisor']);

/**
 * Authenticates a request as /graphql does (security's `onRequest`): sets
 * `request.principal`, or answers 401 itself.
 */
export type AuthenticateHook = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export interface AuditRoutesOptions {
  reader: Pick<AuditReader, 'accessesTo'>;
  log: Pick<AuditLog, 'append'>;
  /** The /graphql authentication hook. Absent, or authentication off: no principal, so nobody may list. */
  authenticate?: AuthenticateHook;
  now?: () => Date;
}

const PERSON = /^[A-Za-z0-9_:.@-]{1,128}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PAGE = 500;

/**
 * `GET /audit/access?person=<token>&from=&to=&first=&after=`: who accessed a
 * person, when and why, newest first, paginated (`pageInfo.endCursor` into
 * `after`). Authenticated like /graphql; only auditors and supervisors get
 * an answer (everyone else 403 FORBIDDEN). `from` is inclusive, `to`
 * exclusive, both ISO 8601 instants; a date alone means that day in UTC, so
 * `to=2025-03-16` includes the 16th. Each lookup is itself recorded (the
 * listing is personal data too) and, like any read of person data, is not
 * answered when its record cannot be written.
 */
export function registerAuditRoutes(app: FastifyInstance, options: AuditRoutesOptions): void {
  const now = options.now ?? (() => new Date());
  const authenticate = options.authenticate;
  app.get('/audit/access', authenticate ? { onRequest: authenticate } : {}, async (request, reply) => {
    const principal: Principal | undefined = request.principal;
    if (!principal) return refuse(reply, 401, ErrorCode.UNAUTHENTICATED, 'Authentication required: send Authorization: Bearer <token>.');

    const query = request.query as Record<string, unknown>;
    const person = single(query.person);
    if (person === undefined || !PERSON.test(person)) return refuse(reply, 400, 'BAD_USER_INPUT', 'person: give the person token (e.g. p_…) to list accesses to.');
    const purpose = parseAccessPurpose(request.headers['x-access-purpose']);
    if (purpose.ok && purpose.purpose) request.purpose = purpose.purpose;

    const audit = (outcome: AccessOutcome, errorCodes: string[]) =>
      options.log.append(
        accessEntry({
          time: now(),
          requestId: request.id,
          request,
          operation: { name: 'auditAccess', type: 'audit', hash: null },
          served: { persons: [person], agencies: [], sensitiveFields: [] },
          outcome,
          errorCodes,
        }),
      );

    if (!principal.roles.some((role) => AUDIT_READER_ROLES.has(role))) {
      try {
        await audit(AccessOutcome.DENIED, [ErrorCode.FORBIDDEN]);
      } catch (error) {
        request.log.error({ err: error, code: ErrorCode.AUDIT_UNAVAILABLE }, 'audit record of a refused listing not written');
      }
      return refuse(reply, 403, ErrorCode.FORBIDDEN, 'Only auditors and supervisors may list who accessed a person.');
    }

    const from = instant(single(query.from), 'from');
    const to = instant(single(query.to), 'to');
    const first = single(query.first) === undefined ? 50 : Number(single(query.first));
    const after = single(query.after);
    if (from instanceof Error) return refuse(reply, 400, 'BAD_USER_INPUT', from.message);
    if (to instanceof Error) return refuse(reply, 400, 'BAD_USER_INPUT', to.message);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) return refuse(reply, 400, 'BAD_USER_INPUT', `first: a whole number from 1 to ${MAX_PAGE}.`);
    if (after !== undefined) {
      try {
        decodeCursor(after);
      } catch {
        return refuse(reply, 400, 'BAD_USER_INPUT', 'after: give the endCursor of the previous page.');
      }
    }

    let page;
    try {
      page = options.reader.accessesTo({ person, first, ...(from ? { from } : {}), ...(to ? { to } : {}), ...(after !== undefined ? { after } : {}) });
      await audit(AccessOutcome.ALLOWED, []);
    } catch (error) {
      request.log.error({ err: error, code: ErrorCode.AUDIT_UNAVAILABLE }, 'audit listing not served: the audit store is unavailable');
      void reply.header('retry-after', '5');
      return reply.code(503).send({ errors: [auditUnavailableError()] });
    }
    return { person, ...(from ? { from } : {}), ...(to ? { to } : {}), ...page };
  });
}

function refuse(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ errors: [{ message, extensions: { code } }] });
}

function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An ISO 8601 date or instant as the log stores times (toISOString); a `to` date means the end of that day. */
function instant(value: string | undefined, name: 'from' | 'to'): string | undefined | Error {
  if (value === undefined) return undefined;
  const time = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}/.test(value)) return new Error(`${name}: an ISO 8601 date (2025-03-16) or date-time (2025-03-16T08:00:00+08:00).`);
  return new Date(DATE_ONLY.test(value) && name === 'to' ? time + 86_400_000 : time).toISOString();
}
