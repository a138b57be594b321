import type { FastifyRequest } from 'fastify';
import type { AccessEntry, AccessOutcome } from './AuditRecord.ts';
import type { Served } from './collectServed.ts';

/** Who the record names when authentication is off (development only: production refuses GATEWAY_AUTH=off). */
export const ANONYMOUS = { id: 'anonymous', name: 'anonymous' } as const;

export interface AccessEntryInput {
  time: Date;
  requestId: string;
  /** The request: its verified principal, stated purpose and the fields authorization removed. */
  request: FastifyRequest;
  operation: AccessEntry['operation'];
  served: Served;
  outcome: AccessOutcome;
  errorCodes: string[];
}

/** The audit record of one access, from what the request established (security/Principal.ts) and what the answer served. */
export function accessEntry(input: AccessEntryInput): AccessEntry {
  const { principal, purpose, removedFields } = input.request;
  return {
    kind: 'ACCESS',
    time: input.time.toISOString(),
    requestId: input.requestId,
    user: principal ? { id: principal.userId, name: principal.name } : { ...ANONYMOUS },
    roles: [...(principal?.roles ?? [])],
    agency: principal?.agency ?? '',
    jurisdiction: [...(principal?.jurisdiction ?? [])],
    purpose: purpose ? { ...purpose } : null,
    operation: input.operation,
    persons: input.served.persons,
    agencies: input.served.agencies,
    sensitiveFields: input.served.sensitiveFields,
    removedFields: removedFields?.length ? [...new Set(removedFields.map((f) => f.coordinate))].sort() : [],
    outcome: input.outcome,
    errorCodes: input.errorCodes,
  };
}
