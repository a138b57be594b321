import { ErrorCode, userError } from '../errors.ts';

/** A workflow as a table: for each step, the statuses that allow it and the status each leads to. */
export type TransitionTable<Step extends string, Status extends string> = Partial<Record<Step, Partial<Record<Status, Status>>>>;

/**
 * The status `step` leads to from `status`. A step the table does not allow
 * from there is refused with INVALID_TRANSITION naming the step and the
 * status (and `extensions`); `subject` names the matter in the message,
 * e.g. `ticket 420923-ZZ-2026-000001`.
 */
export function transition<Step extends string, Status extends string>(
  table: TransitionTable<Step, Status>,
  step: Step,
  status: Status,
  subject: string,
  extensions: Record<string, unknown> = {},
): Status {
  const next = table[step]?.[status];
  if (!next) {
    throw userError(ErrorCode.INVALID_TRANSITION, `cannot ${step.toLowerCase().replaceAll('_', ' ')} ${subject}: it is ${status}`, {
      step,
      status,
      ...extensions,
    });
  }
  return next;
}
