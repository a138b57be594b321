import { useState, type FormEvent } from 'react';
import { href, navigate } from '../../app/router.ts';
import { useQuery } from '../../api/useOperation.ts';
import { useSession } from '../../auth/SessionContext.tsx';
import { ConsoleDisputesDocument, type ConsoleDisputesQueryVariables } from '../../gql/graphql.ts';
import { divisionOptionsFor } from '../../identity/divisions.ts';
import { isCaseCode, purposeProblem } from '../../purpose/purpose.ts';
import { usePurpose } from '../../purpose/PurposeContext.tsx';
import { draftOf, PurposeField, purposeOf } from '../../purpose/PurposeField.tsx';
import { daysBetween, formatDate } from '../../ui/format.ts';
import { label } from '../../ui/labels.ts';
import { Due, Empty, FailureBox, Loading } from '../../ui/Status.tsx';
import { IntakeForm } from './IntakeForm.tsx';

const UNIT_KEY = 'onewindow.console.unit';

/** The ticket cycle for centre staff: intake, open a ticket by its code, and the overdue tickets of one's unit. */
export function TicketsPage() {
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  return (
    <div className="page tickets-page">
      <h1>矛盾纠纷工单</h1>
      <p className="hint">五单流转：派单 → 接单 → 督办 → 办结 → 回访评单 → 核单；超出本级能力的可提级办理。</p>
      <form
        className="panel lookup inline"
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (isCaseCode(code) && code.includes('-ZZ-')) navigate(href.ticket(code));
        }}
      >
        <label htmlFor="ticket-code">按工单编码办理</label>
        <input id="ticket-code" className="mono" value={code} onChange={(e) => setCode(e.target.value.trim())} placeholder="如 420923-ZZ-2026-000123" data-testid="ticket-code-input" />
        <button type="submit">打开工单</button>
        {tried && !(isCaseCode(code) && code.includes('-ZZ-')) ? <span className="field-problem">请输入综治中心工单的案件编码（机构代码 ZZ）</span> : null}
      </form>
      <IntakeForm />
      <OverdueOfMyUnit />
    </div>
  );
}

function OverdueOfMyUnit() {
  const { session } = useSession();
  const { purpose, setPurpose } = usePurpose();
  const [unit, setUnit] = useState(() => localStorage.getItem(UNIT_KEY) ?? '');
  const [division, setDivision] = useState('');
  const [draft, setDraft] = useState(() => (purpose ? draftOf(purpose) : { kind: 'REASON' as const, caseCode: '', text: '督办本单位超期工单' }));
  const [tried, setTried] = useState(false);
  const [query, setQuery] = useState<ConsoleDisputesQueryVariables | null>(null);
  const divisions = divisionOptionsFor(session?.claims?.jurisdiction ?? []);
  const list = useQuery(ConsoleDisputesDocument, query);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const stated = purposeOf(draft);
    if (purposeProblem(stated)) return;
    setPurpose(stated);
    localStorage.setItem(UNIT_KEY, unit.trim());
    setQuery({ first: 100, filter: { overdueOnly: true, ...(unit.trim() ? { assignedUnit: unit.trim() } : {}), ...(division ? { division } : {}) } });
  };
  const connection = list.outcome?.data?.disputes;

  return (
    <section className="panel overdue" data-testid="overdue-tickets">
      <h2>本单位超期工单</h2>
      <form onSubmit={submit} className="grid-2">
        <div className="field">
          <label htmlFor="unit">承办单位</label>
          <input id="unit" value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="如 城关镇人民调解委员会（不填则为辖区全部）" data-testid="unit-input" />
        </div>
        <div className="field">
          <label htmlFor="overdue-division">区划</label>
          <select id="overdue-division" value={division} onChange={(e) => setDivision(e.target.value)}>
            <option value="">全部辖区</option>
            {divisions.map((d) => (
              <option key={d.code} value={d.code}>
                {'　'.repeat(d.depth)}
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <PurposeField draft={draft} onChange={setDraft} showProblem={tried} />
        <div>
          <button type="submit" className="primary" data-testid="overdue-submit">
            查询超期工单
          </button>
        </div>
      </form>
      {list.loading ? <Loading what="超期工单" /> : null}
      {list.failure ? <FailureBox failure={list.failure} onRetry={list.reload} /> : null}
      {connection && connection.nodes.length === 0 ? <Empty>没有超期未办结的工单。</Empty> : null}
      {connection && connection.nodes.length > 0 ? (
        <>
          <p data-testid="overdue-total">共 {connection.totalCount} 张超期未办结工单{connection.totalCount > connection.nodes.length ? `，显示前 ${connection.nodes.length} 张` : ''}。</p>
          <table className="table">
            <thead>
              <tr>
                <th>工单编码</th>
                <th>标题</th>
                <th>状态</th>
                <th>层级</th>
                <th>承办单位</th>
                <th>受理日期</th>
                <th>办理期限</th>
                <th>超期</th>
              </tr>
            </thead>
            <tbody>
              {connection.nodes.map((d) => (
                <tr key={d.caseCode} data-testid="overdue-row">
                  <td className="mono">
                    <a href={href.ticket(d.caseCode)}>{d.caseCode}</a>
                  </td>
                  <td>{d.title}</td>
                  <td>{label('DisputeStatus', d.status)}</td>
                  <td>{label('Tier', d.tier)}</td>
                  <td>{d.assignedUnit ?? '（待派单）'}</td>
                  <td>{formatDate(d.openedAt)}</td>
                  <td>
                    <Due item={d} />
                  </td>
                  <td className="overdue-days">{Math.max(0, daysBetween(d.dueAt))} 天</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
