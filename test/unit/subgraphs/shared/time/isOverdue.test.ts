import { describe, expect, it } from 'vitest';
import { isOverdue } from '../../../../../subgraphs/shared/time/isOverdue.ts';

describe('overdue (超期)', () => {
  const due = '2026-11-09T15:59:59.000Z';
  const now = new Date('2026-11-10T01:00:00Z');

  it('is open past the deadline, or closed after it', () => {
    expect(isOverdue(due, null, now)).toBe(true);
    expect(isOverdue(due, '2026-11-09T16:00:00.000Z', new Date('2026-11-01T00:00:00Z'))).toBe(true);
  });

  it('is not before the deadline, when closed in time, or without a deadline', () => {
    expect(isOverdue(due, null, new Date(due))).toBe(false);
    expect(isOverdue(due, '2026-11-09T15:00:00.000Z', now)).toBe(false);
    expect(isOverdue(null, null, now)).toBe(false);
  });
});
