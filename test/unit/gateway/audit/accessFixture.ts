import type { AccessEntry } from '../../../../gateway/audit/AuditRecord.ts';

/** An access record as the plugin writes it, for tests that need many. */
export function accessFixture(n: number, overrides: Partial<AccessEntry> = {}): AccessEntry {
  return {
    kind: 'ACCESS',
    time: new Date(Date.UTC(2025, 2, 16, 8, 0, 0) + n * 1000).toISOString(),
    requestId: `req-${n}`,
    user: { id: 'zhou.jie', name: '周洁' },
    roles: ['case_handler'],
    agency: 'GRID',
    jurisdiction: ['420923'],
    purpose: { kind: 'CASE', caseCode: '420923-ZZ-2025-000001' },
    operation: { name: 'PersonView', type: 'query', hash: 'a'.repeat(64) },
    persons: [`p_${n % 3}`],
    agencies: ['GRID'],
    sensitiveFields: [],
    removedFields: [],
    outcome: 'ALLOWED',
    errorCodes: [],
    ...overrides,
  };
}
