/**
 * Past its deadline (超期): still open after it, or closed later than it. A
 * matter with no deadline is never overdue. Every agency judges it the same
 * way, at request time, so the answer moves with the clock.
 */
export function isOverdue(dueAt: string | null, closedAt: string | null, now: Date): boolean {
  return dueAt !== null && (closedAt ? Date.parse(closedAt) : now.getTime()) > Date.parse(dueAt);
}
