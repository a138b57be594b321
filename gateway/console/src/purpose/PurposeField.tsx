import { useId } from 'react';
import { purposeProblem, type Purpose } from './purpose.ts';

export interface PurposeDraft {
  kind: 'CASE' | 'REASON';
  caseCode: string;
  text: string;
}

export function draftOf(purpose: Purpose | null): PurposeDraft {
  if (!purpose) return { kind: 'CASE', caseCode: '', text: '' };
  return purpose.kind === 'CASE' ? { kind: 'CASE', caseCode: purpose.caseCode, text: '' } : { kind: 'REASON', caseCode: '', text: purpose.text };
}

export function purposeOf(draft: PurposeDraft): Purpose {
  return draft.kind === 'CASE' ? { kind: 'CASE', caseCode: draft.caseCode.trim() } : { kind: 'REASON', text: draft.text.trim() };
}

/** Asks why the user is looking: a case code being handled, or a reason in words. */
export function PurposeField({ draft, onChange, showProblem }: { draft: PurposeDraft; onChange(draft: PurposeDraft): void; showProblem: boolean }) {
  const id = useId();
  const problem = purposeProblem(purposeOf(draft));
  return (
    <fieldset className="purpose" data-testid="purpose-field">
      <legend>查询事由 <span className="hint">（必填，记入审计日志）</span></legend>
      <div className="purpose-kinds" role="radiogroup">
        <label>
          <input type="radio" name={`${id}-kind`} checked={draft.kind === 'CASE'} onChange={() => onChange({ ...draft, kind: 'CASE' })} data-testid="purpose-kind-case" />
          办理案件
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={draft.kind === 'REASON'} onChange={() => onChange({ ...draft, kind: 'REASON' })} data-testid="purpose-kind-reason" />
          其他事由
        </label>
      </div>
      {draft.kind === 'CASE' ? (
        <input
          className="purpose-input"
          aria-label="案件编码"
          placeholder="案件编码，如 420923-ZZ-2026-000123"
          value={draft.caseCode}
          onChange={(e) => onChange({ ...draft, caseCode: e.target.value })}
          data-testid="purpose-case-code"
          spellCheck={false}
        />
      ) : (
        <input
          className="purpose-input"
          aria-label="查询事由"
          placeholder="如：窗口接待核实当事人信息"
          value={draft.text}
          maxLength={200}
          onChange={(e) => onChange({ ...draft, text: e.target.value })}
          data-testid="purpose-reason"
        />
      )}
      {showProblem && problem ? <p className="field-problem">{problem}</p> : null}
    </fieldset>
  );
}
