import { useState, type FormEvent } from 'react';
import { purposeProblem } from './purpose.ts';
import { usePurpose } from './PurposeContext.tsx';
import { draftOf, PurposeField, purposeOf } from './PurposeField.tsx';

/** Shown instead of a lookup until the user states why they are looking. */
export function PurposeGate({ what }: { what: string }) {
  const { purpose, setPurpose } = usePurpose();
  const [draft, setDraft] = useState(() => draftOf(purpose));
  const [tried, setTried] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const next = purposeOf(draft);
    if (!purposeProblem(next)) setPurpose(next);
  };
  return (
    <form className="panel purpose-gate" onSubmit={submit} data-testid="purpose-gate">
      <h2>请说明查询事由</h2>
      <p className="hint">查看{what}须说明事由（正在办理的案件编码或具体事由），本次查询将记入个人信息访问审计日志。</p>
      <PurposeField draft={draft} onChange={setDraft} showProblem={tried} />
      <button type="submit" data-testid="purpose-confirm">
        确定
      </button>
    </form>
  );
}
