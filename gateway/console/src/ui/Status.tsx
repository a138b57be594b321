import type { ReactNode } from 'react';
import type { RequestFailure } from '../api/client.ts';
import type { Agency } from '../gql/graphql.ts';
import { deadlineState, formatDate } from './format.ts';
import { agencyName } from './labels.ts';

/** A field this user may not see: the gateway withheld it (UNAUTHORIZED_FIELD_OR_TYPE). */
export function Withheld() {
  return (
    <span className="withheld" data-testid="withheld" title="您的权限不包括此项信息">
      无权查看
    </span>
  );
}

/** An agency whose system did not answer: the rest of the page still works. */
export function Unavailable({ agency }: { agency?: Agency | undefined }) {
  return (
    <span className="unavailable" data-testid="unavailable" data-agency={agency}>
      {agency ? `${agencyName(agency)}系统` : ''}暂不可用
    </span>
  );
}

/**
 * Shows a value, or 「无权查看」 when the gateway withheld it, or 「暂不可用」
 * when its agency did not answer.
 */
export function Value({ withheld, unavailable, children }: { withheld?: boolean; unavailable?: boolean; children: ReactNode }) {
  if (withheld) return <Withheld />;
  if (unavailable) return <Unavailable />;
  if (children === null || children === undefined || children === '') return <span className="empty">—</span>;
  return <>{children}</>;
}

export function AgencyBadge({ agency }: { agency: string }) {
  return (
    <span className={`agency agency-${agency}`} data-agency={agency}>
      {agencyName(agency)}
    </span>
  );
}

/** The due date, marked 超期 or 临期. */
export function Due({ item }: { item: { dueAt?: string | null; closedAt?: string | null; overdue?: boolean | null } }) {
  const state = deadlineState(item);
  return (
    <span className={`due due-${state}`} data-deadline={state}>
      {formatDate(item.dueAt)}
      {state === 'overdue' ? <span className="flag flag-overdue">超期</span> : null}
      {state === 'near' ? <span className="flag flag-near">临期</span> : null}
    </span>
  );
}

export function Loading({ what }: { what?: string }) {
  return <p className="loading">正在加载{what ?? ''}…</p>;
}

/** A request that failed as a whole, in Chinese; the server's own words under 技术信息. */
export function FailureBox({ failure, onRetry }: { failure: RequestFailure; onRetry?: () => void }) {
  return (
    <div className="failure" role="alert" data-testid="failure" data-code={failure.code}>
      <p>{failure.message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          重试
        </button>
      ) : null}
      {failure.detail ? (
        <details>
          <summary>技术信息</summary>
          <code>{failure.detail}</code>
        </details>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty-note">{children}</p>;
}
