const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** Within this long of its deadline an open matter is flagged 临期. */
export const NEAR_DEADLINE_MS = 3 * DAY_MS;

/** An instant as China local time (UTC+8, no daylight saving), whatever the browser's zone. */
function china(value: string): Date | undefined {
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t + CHINA_OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, '0');

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = china(value);
  return d ? `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}` : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = china(value);
  return d ? `${formatDate(value)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : value;
}

/** Today in China, YYYY-MM-DD. */
export function chinaToday(now = Date.now()): string {
  const d = new Date(now + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
}

export type DeadlineState = 'overdue' | 'near' | 'ok' | 'none';

/** 超期 (past the deadline, or closed after it), 临期 (open, due within three days), or neither. */
export function deadlineState(item: { dueAt?: string | null; closedAt?: string | null; overdue?: boolean | null }, now = Date.now()): DeadlineState {
  if (item.overdue) return 'overdue';
  if (!item.dueAt) return 'none';
  if (item.closedAt) return 'ok';
  const due = Date.parse(item.dueAt);
  if (Number.isNaN(due)) return 'none';
  if (due < now) return 'overdue';
  return due - now <= NEAR_DEADLINE_MS ? 'near' : 'ok';
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function formatYuan(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;
}

/** Whole days from one instant to another (negative when `to` is earlier). */
export function daysBetween(from: string, to = new Date().toISOString()): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);
}
