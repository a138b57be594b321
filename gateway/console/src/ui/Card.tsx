import type { ReactNode } from 'react';
import { matterHref } from '../app/router.ts';
import { Due } from './Status.tsx';

/** One record of an agency: its code, title, status and due date, then its own fields. */
export function RecordCard({
  caseCode,
  title,
  status,
  due,
  children,
  testId,
}: {
  caseCode: string;
  title: string;
  status: string;
  due?: { dueAt?: string | null; closedAt?: string | null; overdue?: boolean | null };
  children: ReactNode;
  testId?: string;
}) {
  return (
    <article className="record-card" data-testid={testId} data-case-code={caseCode}>
      <header>
        <a className="mono" href={matterHref(caseCode)}>
          {caseCode}
        </a>
        <strong>{title}</strong>
        <span className="status">{status}</span>
        {due ? (
          <span className="due-wrap">
            期限 <Due item={due} />
          </span>
        ) : null}
      </header>
      <dl className="facts">{children}</dl>
    </article>
  );
}

/** A term and its value in a record card. */
export function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** A reference to another matter by its case code. */
export function MatterLink({ matter }: { matter: { caseCode: string } | null | undefined }) {
  if (!matter) return <span className="empty">—</span>;
  return (
    <a className="mono" href={matterHref(matter.caseCode)}>
      {matter.caseCode}
    </a>
  );
}

export function parties(list: readonly { role: string; displayName: string }[] | null | undefined, roleLabel: (role: string) => string): string {
  if (!list || list.length === 0) return '—';
  return list.map((p) => `${p.displayName}（${roleLabel(p.role)}）`).join('、');
}
