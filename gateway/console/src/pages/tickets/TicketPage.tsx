import { useMemo, useState, type ReactNode } from 'react';
import { href } from '../../app/router.ts';
import { unavailableAgencies } from '../../api/partial.ts';
import { useMutation, useQuery, type MutationState } from '../../api/useOperation.ts';
import {
  ConsoleAcceptDisputeDocument,
  ConsoleDispatchDisputeDocument,
  ConsoleDisputeDocument,
  ConsoleEscalateDisputeDocument,
  ConsoleEvaluateDisputeDocument,
  ConsoleFailDisputeDocument,
  ConsoleResolveDisputeDocument,
  ConsoleSuperviseDisputeDocument,
  ConsoleTransferDisputeDocument,
  ConsoleVerifyDisputeDocument,
  type DisputeStatus,
  type Satisfaction,
} from '../../gql/graphql.ts';
import type { Purpose } from '../../purpose/purpose.ts';
import { formatDateTime } from '../../ui/format.ts';
import { label } from '../../ui/labels.ts';
import { Due, Empty, FailureBox, Loading, Unavailable } from '../../ui/Status.tsx';
import { Parties, Steps } from '../matter/MatterDetail.tsx';

/** The cycle's stages in order (五单), for the progress strip. */
const STAGES: { status: DisputeStatus[]; text: string }[] = [
  { status: ['REGISTERED'], text: '受理' },
  { status: ['DISPATCHED'], text: '派单' },
  { status: ['ACCEPTED'], text: '接单办理' },
  { status: ['RESOLVED', 'UNRESOLVED', 'TRANSFERRED'], text: '办结' },
  { status: ['EVALUATED'], text: '回访评单' },
  { status: ['VERIFIED'], text: '核单归档' },
];

/** One ticket and the steps its status allows (the same table as grid's dispute.workflow.ts). */
export function TicketPage({ caseCode }: { caseCode: string }) {
  // Working on this ticket is the purpose of these reads and writes.
  const purpose = useMemo<Purpose>(() => ({ kind: 'CASE', caseCode }), [caseCode]);
  const ticket = useQuery(ConsoleDisputeDocument, { caseCode }, { purpose });
  const [done, setDone] = useState<string | null>(null);
  const d = ticket.outcome?.data?.dispute;
  const after = (what: string) => {
    setDone(what);
    ticket.reload();
  };

  if (ticket.loading && !d) return <Loading what="工单" />;
  if (ticket.failure) return <FailureBox failure={ticket.failure} onRetry={ticket.reload} />;
  if (unavailableAgencies(ticket.outcome).has('GRID')) return <Unavailable agency="GRID" />;
  if (!d) return <Empty>没有此工单，或不在您的辖区内。</Empty>;
  const stage = STAGES.findIndex((s) => s.status.includes(d.status));

  return (
    <div className="page ticket-page">
      <section className="panel" data-testid="ticket" data-status={d.status} data-tier={d.tier}>
        <div className="record-head">
          <h1 className="mono" data-testid="ticket-code">
            {d.caseCode}
          </h1>
          <strong>{d.title}</strong>
          <span className="status" data-testid="ticket-status">
            {label('DisputeStatus', d.status)}
          </span>
          <a href={href.matter(d.caseCode)}>事项详情与关联</a>
        </div>
        <p className="hint" data-testid="ticket-purpose">
          本页的查询与办理记入审计日志，事由为办理本工单（{d.caseCode}）。
        </p>
        <ol className="stages">
          {STAGES.map((s, i) => (
            <li key={s.text} className={i < stage ? 'stage done' : i === stage ? 'stage current' : 'stage'}>
              {s.text}
            </li>
          ))}
        </ol>
        <dl className="facts">
          <dt>纠纷情况</dt>
          <dd>{d.description}</dd>
          <dt>类别 / 渠道</dt>
          <dd>
            {label('MatterCategory', d.category)} / {label('IntakeChannel', d.channel)}
          </dd>
          <dt>层级 / 程度</dt>
          <dd data-testid="ticket-tier">
            {label('Tier', d.tier)} / {label('Severity', d.severity)}
          </dd>
          <dt>发生地</dt>
          <dd>{d.town.name ?? d.town.code}</dd>
          <dt>承办单位</dt>
          <dd data-testid="ticket-unit">{d.assignedUnit ?? '（待派单）'}</dd>
          <dt>受理时间</dt>
          <dd>{formatDateTime(d.openedAt)}</dd>
          <dt>办理期限</dt>
          <dd>
            <Due item={d} />
          </dd>
          <dt>办结时间</dt>
          <dd>{formatDateTime(d.closedAt)}</dd>
          <dt>化解结果</dt>
          <dd>{d.resolution ?? '—'}</dd>
          <dt>回访满意度</dt>
          <dd data-testid="ticket-satisfaction">{label('Satisfaction', d.satisfaction)}</dd>
          <dt>当事人</dt>
          <dd>
            <Parties list={d.parties} />
          </dd>
        </dl>
      </section>
      {done ? (
        <p className="notice" role="status" data-testid="ticket-done">
          {done}
        </p>
      ) : null}
      <Actions caseCode={d.caseCode} status={d.status} tier={d.tier} purpose={purpose} onDone={after} />
      <section className="panel">
        <h2>流转记录</h2>
        <Steps steps={d.steps} stepLabel={(s) => label('DisputeStep', s)} />
      </section>
    </div>
  );
}

function ActionBox({ title, testId, state, children }: { title: string; testId: string; state: MutationState; children: ReactNode }) {
  return (
    <div className="action" data-testid={testId}>
      <h3>{title}</h3>
      {children}
      {state.failure ? <FailureBox failure={state.failure} /> : null}
    </div>
  );
}

function Actions({ caseCode, status, tier, purpose, onDone }: { caseCode: string; status: DisputeStatus; tier: string; purpose: Purpose; onDone(what: string): void }) {
  const opts = { purpose };
  const dispatch = useMutation(ConsoleDispatchDisputeDocument, opts);
  const accept = useMutation(ConsoleAcceptDisputeDocument, opts);
  const supervise = useMutation(ConsoleSuperviseDisputeDocument, opts);
  const escalate = useMutation(ConsoleEscalateDisputeDocument, opts);
  const resolve = useMutation(ConsoleResolveDisputeDocument, opts);
  const fail = useMutation(ConsoleFailDisputeDocument, opts);
  const transfer = useMutation(ConsoleTransferDisputeDocument, opts);
  const evaluate = useMutation(ConsoleEvaluateDisputeDocument, opts);
  const verify = useMutation(ConsoleVerifyDisputeDocument, opts);
  const [unit, setUnit] = useState('');
  const [note, setNote] = useState('');
  const [escalateReason, setEscalateReason] = useState('');
  const [failReason, setFailReason] = useState('');
  const [transferReason, setTransferReason] = useState('');
  const [resolution, setResolution] = useState('');
  const [target, setTarget] = useState('');
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('SATISFIED');

  const ok = (what: string) => (outcome: unknown) => {
    if (outcome) {
      setNote('');
      setEscalateReason('');
      setFailReason('');
      setTransferReason('');
      onDone(what);
    }
  };
  const can = {
    dispatch: status === 'REGISTERED',
    accept: status === 'DISPATCHED',
    supervise: status === 'DISPATCHED' || status === 'ACCEPTED',
    escalate: (status === 'REGISTERED' || status === 'DISPATCHED' || status === 'ACCEPTED') && tier !== 'COUNTY',
    close: status === 'ACCEPTED',
    transfer: status === 'ACCEPTED' || status === 'UNRESOLVED',
    evaluate: status === 'RESOLVED' || status === 'UNRESOLVED' || status === 'TRANSFERRED',
    verify: status === 'EVALUATED',
  };
  if (!Object.values(can).some(Boolean)) {
    return (
      <section className="panel">
        <p className="notice">工单已核单归档，流转结束。</p>
      </section>
    );
  }

  return (
    <section className="panel actions" data-testid="ticket-actions">
      <h2>办理</h2>
      {can.dispatch ? (
        <ActionBox title="派单" testId="action-dispatch" state={dispatch}>
          <input aria-label="承办单位" placeholder="承办单位，如 城关镇人民调解委员会" value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="dispatch-unit" />
          <button type="button" disabled={!unit.trim() || dispatch.running} onClick={() => void dispatch.mutate({ caseCode, unit: unit.trim(), note: note.trim() || null }).then(ok(`已派单至 ${unit.trim()}`))} data-testid="dispatch-submit">
            派单
          </button>
        </ActionBox>
      ) : null}
      {can.accept ? (
        <ActionBox title="接单" testId="action-accept" state={accept}>
          <button type="button" disabled={accept.running} onClick={() => void accept.mutate({ caseCode, note: null }).then(ok('已接单'))} data-testid="accept-submit">
            接单
          </button>
        </ActionBox>
      ) : null}
      {can.supervise ? (
        <ActionBox title="督办" testId="action-supervise" state={supervise}>
          <input aria-label="督办意见" placeholder="督办意见" value={note} onChange={(e) => setNote(e.target.value)} data-testid="supervise-note" />
          <button type="button" disabled={!note.trim() || supervise.running} onClick={() => void supervise.mutate({ caseCode, note: note.trim() }).then(ok('已督办'))} data-testid="supervise-submit">
            督办
          </button>
        </ActionBox>
      ) : null}
      {can.escalate ? (
        <ActionBox title="提级办理" testId="action-escalate" state={escalate}>
          <input aria-label="提级理由" placeholder="提级理由" value={escalateReason} onChange={(e) => setEscalateReason(e.target.value)} data-testid="escalate-reason" />
          <button type="button" disabled={!escalateReason.trim() || escalate.running} onClick={() => void escalate.mutate({ caseCode, reason: escalateReason.trim() }).then(ok('已提级，请按新层级重新派单'))} data-testid="escalate-submit">
            提级
          </button>
        </ActionBox>
      ) : null}
      {can.close ? (
        <ActionBox title="化解办结" testId="action-resolve" state={resolve}>
          <input aria-label="化解结果" placeholder="化解结果，如 双方达成调解协议" value={resolution} onChange={(e) => setResolution(e.target.value)} data-testid="resolve-resolution" />
          <button type="button" disabled={!resolution.trim() || resolve.running} onClick={() => void resolve.mutate({ caseCode, resolution: resolution.trim() }).then(ok('已化解办结'))} data-testid="resolve-submit">
            办结
          </button>
        </ActionBox>
      ) : null}
      {can.close ? (
        <ActionBox title="调解不成" testId="action-fail" state={fail}>
          <input aria-label="原因" placeholder="调解不成的原因" value={failReason} onChange={(e) => setFailReason(e.target.value)} />
          <button type="button" disabled={!failReason.trim() || fail.running} onClick={() => void fail.mutate({ caseCode, reason: failReason.trim() }).then(ok('已登记调解不成'))}>
            登记
          </button>
        </ActionBox>
      ) : null}
      {can.transfer ? (
        <ActionBox title="移交诉讼或其他机构" testId="action-transfer" state={transfer}>
          <input aria-label="移交理由" placeholder="移交理由" value={transferReason} onChange={(e) => setTransferReason(e.target.value)} />
          <input aria-label="接收事项案件编码" className="mono" placeholder="接收事项的案件编码（可选）" value={target} onChange={(e) => setTarget(e.target.value.trim())} />
          <button type="button" disabled={!transferReason.trim() || transfer.running} onClick={() => void transfer.mutate({ caseCode, reason: transferReason.trim(), target: target || null }).then(ok('已移交'))}>
            移交
          </button>
        </ActionBox>
      ) : null}
      {can.evaluate ? (
        <ActionBox title="回访评单" testId="action-evaluate" state={evaluate}>
          <select aria-label="满意度" value={satisfaction} onChange={(e) => setSatisfaction(e.target.value as Satisfaction)} data-testid="evaluate-satisfaction">
            {(['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as const).map((s) => (
              <option key={s} value={s}>
                {label('Satisfaction', s)}
              </option>
            ))}
          </select>
          <input aria-label="回访情况" placeholder="回访情况（可选）" value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" disabled={evaluate.running} onClick={() => void evaluate.mutate({ caseCode, satisfaction, note: note.trim() || null }).then(ok(`已回访评单：${label('Satisfaction', satisfaction)}`))} data-testid="evaluate-submit">
            评单
          </button>
        </ActionBox>
      ) : null}
      {can.verify ? (
        <ActionBox title="核单归档" testId="action-verify" state={verify}>
          <button type="button" disabled={verify.running} onClick={() => void verify.mutate({ caseCode, note: null }).then(ok('已核单归档'))} data-testid="verify-submit">
            核单
          </button>
        </ActionBox>
      ) : null}
    </section>
  );
}
