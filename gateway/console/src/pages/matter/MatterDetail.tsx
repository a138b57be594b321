import { useEffect, type ReactNode } from 'react';
import { href } from '../../app/router.ts';
import { isWithheld, unavailableAgencies } from '../../api/partial.ts';
import { useQuery, type QueryState } from '../../api/useOperation.ts';
import {
  ConsoleCourtCaseDocument,
  ConsoleDisputeDocument,
  ConsoleLegalAidCaseDocument,
  ConsolePetitionDocument,
  ConsolePoliceIncidentDocument,
  type Agency,
} from '../../gql/graphql.ts';
import { Fact, MatterLink, RecordCard } from '../../ui/Card.tsx';
import { formatDateTime, formatYuan } from '../../ui/format.ts';
import { AGENCY_NAMES, label } from '../../ui/labels.ts';
import { Empty, FailureBox, Loading, Unavailable, Value } from '../../ui/Status.tsx';
import { explicitLinks, type DirectedLink } from '../person/explicitLinks.ts';

type OnLinks = (links: DirectedLink[]) => void;

/** The owning agency's own record of the matter (each agency its own fields). */
export function MatterDetail({ caseCode, agency, onLinks }: { caseCode: string; agency: Agency; onLinks: OnLinks }) {
  switch (agency) {
    case 'GRID':
      return <DisputeDetail caseCode={caseCode} />;
    case 'PETITIONS':
      return <PetitionDetail caseCode={caseCode} onLinks={onLinks} />;
    case 'POLICE':
      return <PoliceDetail caseCode={caseCode} onLinks={onLinks} />;
    case 'COURTS':
      return <CourtDetail caseCode={caseCode} onLinks={onLinks} />;
    case 'LEGAL_AID':
      return <LegalAidDetail caseCode={caseCode} onLinks={onLinks} />;
  }
}

/** Loading, failure, the agency down, not found, or the record. */
function Frame({ agency, state, found, children }: { agency: Agency; state: QueryState<unknown>; found: boolean; children: ReactNode }) {
  return (
    <section className="panel matter-detail" data-testid="matter-detail" data-agency={agency}>
      <h2>{AGENCY_NAMES[agency]}业务信息</h2>
      {state.loading && !found ? <Loading /> : null}
      {state.failure ? <FailureBox failure={state.failure} onRetry={state.reload} /> : null}
      {unavailableAgencies(state.outcome).has(agency) ? (
        <div className="unavailable-box">
          <Unavailable agency={agency} />
          <p className="hint">该机构系统暂时无法连接；综治中心登记的摘要和关联事项仍可查看。</p>
        </div>
      ) : null}
      {state.outcome && !found && !unavailableAgencies(state.outcome).has(agency) ? <Empty>该机构没有此事项，或不在您的辖区内。</Empty> : null}
      {found ? children : null}
    </section>
  );
}

const role = (r: string) => label('PartyRole', r);

/** Parties with a link to the person view when the party is a registered person. */
export function Parties({ list }: { list: readonly { role: string; displayName: string; person?: { id: string } | null }[] | null | undefined }) {
  if (!list || list.length === 0) return <span className="empty">—</span>;
  return (
    <>
      {list.map((p, i) => (
        <span key={`${p.displayName}-${i}`}>
          {i > 0 ? '、' : ''}
          {p.person ? <a href={href.person(p.person.id)}>{p.displayName}</a> : p.displayName}（{role(p.role)}）
        </span>
      ))}
    </>
  );
}

export function Steps({ steps, stepLabel }: { steps: readonly { step: string; at: string; actor?: string | null; unit?: string | null; note?: string | null }[]; stepLabel: (s: string) => string }) {
  if (steps.length === 0) return null;
  return (
    <ol className="steps" data-testid="steps">
      {steps.map((s, i) => (
        <li key={`${s.step}-${s.at}-${i}`} data-step={s.step}>
          <span className="step-at">{formatDateTime(s.at)}</span>
          <strong>{stepLabel(s.step)}</strong>
          {s.actor ? <span className="hint">{s.actor}</span> : null}
          {s.unit ? <span>→ {s.unit}</span> : null}
          {s.note ? <span className="step-note">{s.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

function DisputeDetail({ caseCode }: { caseCode: string }) {
  const state = useQuery(ConsoleDisputeDocument, { caseCode });
  const d = state.outcome?.data?.dispute;
  return (
    <Frame agency="GRID" state={state} found={!!d}>
      {d ? (
        <>
          <RecordCard caseCode={d.caseCode} title={d.title} status={label('DisputeStatus', d.status)} due={d}>
            <Fact term="纠纷情况">{d.description}</Fact>
            <Fact term="纠纷类别">{label('MatterCategory', d.category)}</Fact>
            <Fact term="受理渠道">{label('IntakeChannel', d.channel)}</Fact>
            <Fact term="办理层级 / 程度">{`${label('Tier', d.tier)} / ${label('Severity', d.severity)}`}</Fact>
            <Fact term="发生地">{d.town.name ?? d.town.code}</Fact>
            <Fact term="承办单位">{d.assignedUnit ?? '—'}</Fact>
            <Fact term="化解结果">{d.resolution ?? '—'}</Fact>
            <Fact term="回访满意度">{label('Satisfaction', d.satisfaction)}</Fact>
            <Fact term="当事人">
              <Parties list={d.parties} />
            </Fact>
          </RecordCard>
          <h3>流转记录</h3>
          <Steps steps={d.steps} stepLabel={(s) => label('DisputeStep', s)} />
        </>
      ) : null}
    </Frame>
  );
}

function PetitionDetail({ caseCode, onLinks }: { caseCode: string; onLinks: OnLinks }) {
  const state = useQuery(ConsolePetitionDocument, { caseCode });
  const p = state.outcome?.data?.petition;
  useEffect(() => onLinks(p ? explicitLinks({ petitions: [p], police: [], courts: [], legalAid: [] }) : []), [p, onLinks]);
  return (
    <Frame agency="PETITIONS" state={state} found={!!p}>
      {p ? (
        <>
          <RecordCard caseCode={p.caseCode} title={p.title} status={label('PetitionStatus', p.status)} due={p}>
            <Fact term="信访类型 / 形式">{`${label('PetitionKind', p.kind)} / ${label('PetitionChannel', p.channel)}`}</Fact>
            <Fact term="信访事由">{p.subject}</Fact>
            <Fact term="信访内容">{p.content}</Fact>
            <Fact term="事发地">{p.divisionName ?? '—'}</Fact>
            <Fact term="被反映单位">{p.respondentUnit ?? '—'}</Fact>
            <Fact term="承办单位">{p.handlingUnit ?? '—'}</Fact>
            <Fact term="信访人">
              <Parties list={p.petitioners} />
            </Fact>
            <Fact term="被反映人">
              <Parties list={p.respondents} />
            </Fact>
            {p.kind === 'ACCUSATION' ? (
              <Fact term="控告人身份" testId="petition-accusers">
                <Value withheld={isWithheld(state.outcome, ['petition', 'accusers'])}>{p.accusers ? <Parties list={p.accusers} /> : null}</Value>
              </Fact>
            ) : null}
            <Fact term="登记 / 转送 / 告知受理">{`${formatDateTime(p.registeredAt)} / ${formatDateTime(p.forwardedAt)} / ${formatDateTime(p.acceptanceNoticeAt)}`}</Fact>
            <Fact term="办结期限">{formatDateTime(p.deadlines.handlingDueAt)}</Fact>
            {p.notAcceptedReason ? <Fact term="不予受理理由">{p.notAcceptedReason}</Fact> : null}
            {p.decision ? <Fact term="处理意见">{`${formatDateTime(p.decision.decidedAt)} ${label('PetitionDecisionOutcome', p.decision.outcome)}：${p.decision.text}`}</Fact> : null}
            {p.review ? <Fact term="复查">{`${p.review.body}，${formatDateTime(p.review.requestedAt)} 申请，${p.review.outcome ? label('PetitionReviewOutcome', p.review.outcome) : '待答复'}`}</Fact> : null}
            {p.secondReview ? <Fact term="复核">{`${p.secondReview.body}，${formatDateTime(p.secondReview.requestedAt)} 申请，${p.secondReview.outcome ? label('PetitionReviewOutcome', p.secondReview.outcome) : '待答复'}`}</Fact> : null}
            {p.diversion ? (
              <Fact term="导入法定途径">
                {label('DiversionTarget', p.diversion.to)} <MatterLink matter={p.diversion.followUp} />
              </Fact>
            ) : null}
            <Fact term="来源事项">
              <MatterLink matter={p.origin} />
            </Fact>
            <Fact term="重复信访">{p.repeatOf ? <MatterLink matter={p.repeatOf} /> : p.repeatCount > 0 ? `此前 ${p.repeatCount} 件` : '首次信访'}</Fact>
            <Fact term="评价">{label('Satisfaction', p.rating)}</Fact>
          </RecordCard>
          <h3>办理记录</h3>
          <Steps steps={p.steps} stepLabel={(s) => label('PetitionStep', s)} />
        </>
      ) : null}
    </Frame>
  );
}

function PoliceDetail({ caseCode, onLinks }: { caseCode: string; onLinks: OnLinks }) {
  const state = useQuery(ConsolePoliceIncidentDocument, { caseCode });
  const i = state.outcome?.data?.policeIncident;
  useEffect(() => onLinks(i ? explicitLinks({ petitions: [], police: [i], courts: [], legalAid: [] }) : []), [i, onLinks]);
  return (
    <Frame agency="POLICE" state={state} found={!!i}>
      {i ? (
        <>
          <RecordCard caseCode={i.caseCode} title={i.title} status={label('PoliceIncidentStatus', i.status)}>
            <Fact term="接警单号">
              <span className="mono">{i.incidentNumber}</span>
            </Fact>
            <Fact term="警情类别">{`${label('PoliceCategory', i.category)}（${label('MatterCategory', i.matterCategory)}）`}</Fact>
            <Fact term="接警渠道">{label('PoliceChannel', i.channel)}</Fact>
            <Fact term="发案地点">{`${i.divisionName ?? ''} ${i.place}`}</Fact>
            <Fact term="管辖单位">{i.station}</Fact>
            <Fact term="出警民警">{i.officer ? `${i.officer.name}（警号 ${i.officer.badgeNumber}）` : '—'}</Fact>
            <Fact term="接警 / 派警 / 到场">{`${formatDateTime(i.receivedAt)} / ${formatDateTime(i.dispatchedAt)} / ${formatDateTime(i.arrivedAt)}`}</Fact>
            <Fact term="处置 / 反馈 / 结警">{`${formatDateTime(i.handledAt)} / ${formatDateTime(i.reportedBackAt)} / ${formatDateTime(i.closedAt)}`}</Fact>
            <Fact term="用时">{`派警 ${i.minutesToDispatch ?? '—'} 分钟，到场 ${i.minutesToArrive ?? '—'} 分钟，结警 ${i.minutesToClose ?? '—'} 分钟`}</Fact>
            <Fact term="处置结果">{label('PoliceDisposition', i.disposition)}</Fact>
            <Fact term="移交中心工单">
              <MatterLink matter={i.centerTicket} />
            </Fact>
            <Fact term="涉及人员">
              <Parties list={i.parties} />
            </Fact>
            <Fact term="违法犯罪嫌疑人" testId="police-suspects">
              <Value withheld={isWithheld(state.outcome, ['policeIncident', 'suspects'])}>{i.suspects ? (i.suspects.length ? <Parties list={i.suspects} /> : '无') : null}</Value>
            </Fact>
            <Fact term="简要案情" testId="police-narrative">
              <Value withheld={isWithheld(state.outcome, ['policeIncident', 'narrative'])}>{i.narrative}</Value>
            </Fact>
          </RecordCard>
          <h3>处理记录</h3>
          <Steps steps={i.steps} stepLabel={(s) => label('PoliceStep', s)} />
        </>
      ) : null}
    </Frame>
  );
}

function CourtDetail({ caseCode, onLinks }: { caseCode: string; onLinks: OnLinks }) {
  const state = useQuery(ConsoleCourtCaseDocument, { caseCode });
  const c = state.outcome?.data?.courtCase;
  useEffect(() => {
    if (!c) return onLinks([]);
    const links = explicitLinks({ petitions: [], police: [], courts: [c], legalAid: [] });
    if (c.appealedAs) links.push({ from: c.caseCode, to: c.appealedAs.caseCode, label: '上诉' });
    for (const e of c.enforcedBy) links.push({ from: c.caseCode, to: e.caseCode, label: '执行' });
    onLinks(links);
  }, [c, onLinks]);
  return (
    <Frame agency="COURTS" state={state} found={!!c}>
      {c ? (
        <>
          <RecordCard caseCode={c.caseCode} title={c.title} status={label('CourtCaseStatus', c.status)} due={c}>
            <Fact term="案号">{c.caseNumber ?? '（尚未立案）'}</Fact>
            <Fact term="承办法院">{`${c.court.name}（${label('CourtLevel', c.court.level)}）`}</Fact>
            <Fact term="程序">{label('CourtProcedure', c.procedure)}</Fact>
            <Fact term="案由 / 类别">{`${c.causeOfAction} / ${label('MatterCategory', c.category)}`}</Fact>
            <Fact term="标的额">{formatYuan(c.claimAmount)}</Fact>
            <Fact term="承办法官">{c.judge ?? '—'}</Fact>
            <Fact term="收案 / 立案审查期限 / 立案">{`${formatDateTime(c.receivedAt)} / ${formatDateTime(c.filingDueAt)} / ${formatDateTime(c.filedAt)}`}</Fact>
            <Fact term="结案">{c.closedAt ? `${formatDateTime(c.closedAt)}，${label('CourtOutcome', c.outcome)}${c.outcomeNote ? `：${c.outcomeNote}` : ''}` : '—'}</Fact>
            {c.refusalReason ? <Fact term="不予立案理由">{c.refusalReason}</Fact> : null}
            {c.appealDeadline ? <Fact term="上诉期限">{formatDateTime(c.appealDeadline)}</Fact> : null}
            <Fact term="开庭与调解">{c.hearings.length ? c.hearings.map((h) => `${formatDateTime(h.at)} ${label('CourtHearingKind', h.kind)}（${h.place}）`).join('；') : '—'}</Fact>
            {c.limitExtensions.length ? <Fact term="期限延长">{c.limitExtensions.map((e) => `${e.days} 日（${e.reason}）`).join('；')}</Fact> : null}
            <Fact term="诉讼参加人">
              <Parties list={c.parties} />
            </Fact>
            <Fact term="来源事项">
              <MatterLink matter={c.origin} />
            </Fact>
            {c.confirms ? (
              <Fact term="确认的调解协议">
                <MatterLink matter={c.confirms} />
              </Fact>
            ) : null}
            {c.appealOf ? (
              <Fact term="上诉的一审案件">
                <MatterLink matter={c.appealOf} />
              </Fact>
            ) : null}
            {c.appealedAs ? (
              <Fact term="二审案件">
                <MatterLink matter={c.appealedAs} />
              </Fact>
            ) : null}
            {c.enforces ? (
              <Fact term="执行依据">
                <MatterLink matter={c.enforces} />
              </Fact>
            ) : null}
            {c.enforcedBy.length ? (
              <Fact term="执行案件">
                {c.enforcedBy.map((e) => (
                  <MatterLink key={e.caseCode} matter={e} />
                ))}
              </Fact>
            ) : null}
          </RecordCard>
          <h3>流程记录</h3>
          <Steps steps={c.steps} stepLabel={(s) => label('CourtCaseStep', s)} />
        </>
      ) : null}
    </Frame>
  );
}

function LegalAidDetail({ caseCode, onLinks }: { caseCode: string; onLinks: OnLinks }) {
  const state = useQuery(ConsoleLegalAidCaseDocument, { caseCode });
  const l = state.outcome?.data?.legalAidCase;
  useEffect(() => {
    if (!l) return onLinks([]);
    const links = explicitLinks({ petitions: [], police: [], courts: [], legalAid: [l] });
    if (l.mediation?.confirmedBy) links.push({ from: l.caseCode, to: l.mediation.confirmedBy.caseCode, label: '司法确认' });
    onLinks(links);
  }, [l, onLinks]);
  const w = (field: string) => isWithheld(state.outcome, ['legalAidCase', 'legalAid', field]);
  return (
    <Frame agency="LEGAL_AID" state={state} found={!!l}>
      {l ? (
        <>
          <RecordCard caseCode={l.caseCode} title={l.title} status={label('LegalAidStatus', l.status)} due={l}>
            <Fact term="事项类别">{label('LegalAidKind', l.kind)}</Fact>
            <Fact term="办理机构">{l.organization}</Fact>
            <Fact term="发生地">{l.townName ?? '—'}</Fact>
            <Fact term="申请 / 办结">{`${formatDateTime(l.appliedAt)} / ${formatDateTime(l.closedAt)}`}</Fact>
            <Fact term="当事人">
              <Parties list={l.parties} />
            </Fact>
            {l.legalAid ? (
              <>
                <Fact term="援助事项">{l.legalAid.matter}</Fact>
                <Fact term="审查决定">{`${label('LegalAidDecision', l.legalAid.decision)}（期限 ${formatDateTime(l.legalAid.decisionDueAt)}）${l.legalAid.refusalReason ? `：${l.legalAid.refusalReason}` : ''}`}</Fact>
                <Fact term="家庭月收入" testId="legalaid-income">
                  <Value withheld={w('monthlyIncomeYuan')}>{l.legalAid.monthlyIncomeYuan !== null ? formatYuan(l.legalAid.monthlyIncomeYuan) : null}</Value>
                </Fact>
                <Fact term="家庭人口">
                  <Value withheld={w('householdSize')}>{l.legalAid.householdSize}</Value>
                </Fact>
                <Fact term="经济困难审查">
                  <Value withheld={w('meansTestResult')}>{l.legalAid.meansTestResult ? label('LegalAidMeansTestResult', l.legalAid.meansTestResult) : null}</Value>
                </Fact>
                <Fact term="指派律师">{l.legalAid.lawyer ? `${l.legalAid.lawyer.name}（${l.legalAid.lawyer.firm}），${formatDateTime(l.legalAid.assignedAt)}` : '—'}</Fact>
              </>
            ) : null}
            {l.mediation ? (
              <>
                <Fact term="调解">{`${l.mediation.committee}，调解员 ${l.mediation.mediator}，期限 ${formatDateTime(l.mediation.mediationDueAt)}`}</Fact>
                <Fact term="调解结果">{`${label('LegalAidMediationResult', l.mediation.result)}${l.mediation.failureReason ? `：${l.mediation.failureReason}` : ''}`}</Fact>
                {l.mediation.agreement ? (
                  <Fact term="调解协议">{`${l.mediation.agreement.terms}（${formatYuan(l.mediation.agreement.amountYuan)}；司法确认申请期限 ${formatDateTime(l.mediation.agreement.confirmationDeadline)}）`}</Fact>
                ) : null}
                {l.mediation.confirmedBy ? (
                  <Fact term="司法确认">
                    <MatterLink matter={l.mediation.confirmedBy} />
                  </Fact>
                ) : null}
              </>
            ) : null}
            {l.arbitration ? (
              <Fact term="劳动仲裁">{`${l.arbitration.commission}，仲裁员 ${l.arbitration.arbitrator ?? '—'}，裁决期限 ${formatDateTime(l.arbitration.awardDueAt)}${l.arbitration.award ? `；裁决：${l.arbitration.award.text}` : ''}`}</Fact>
            ) : null}
            {l.consultation ? <Fact term="咨询">{`${l.consultation.question} —— ${l.consultation.answer ?? '待答复'}`}</Fact> : null}
            <Fact term="来源事项">
              <MatterLink matter={l.origin} />
            </Fact>
            {l.links.length ? (
              <Fact term="本机构记录的关联">
                {l.links.map((k, i) => (
                  <span key={`${k.reason}-${k.matter?.caseCode ?? i}`}>
                    {i > 0 ? '；' : ''}
                    {label('LegalAidLinkReason', k.reason)} <MatterLink matter={k.matter} />
                  </span>
                ))}
              </Fact>
            ) : null}
          </RecordCard>
          <h3>办理记录</h3>
          <Steps steps={l.steps} stepLabel={(s) => label('LegalAidStep', s)} />
        </>
      ) : null}
    </Frame>
  );
}
