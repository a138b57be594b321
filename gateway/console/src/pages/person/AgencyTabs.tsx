import { useState } from 'react';
import { isWithheld, unavailableAgencies } from '../../api/partial.ts';
import type { QueryState } from '../../api/useOperation.ts';
import type {
  Agency,
  ConsolePersonCourtCasesQuery,
  ConsolePersonDisputesQuery,
  ConsolePersonLegalAidCasesQuery,
  ConsolePersonPetitionsQuery,
  ConsolePersonPoliceIncidentsQuery,
} from '../../gql/graphql.ts';
import { Fact, MatterLink, parties, RecordCard } from '../../ui/Card.tsx';
import { formatDateTime, formatYuan } from '../../ui/format.ts';
import { AGENCY_NAMES, AGENCY_ORDER, label } from '../../ui/labels.ts';
import { Empty, FailureBox, Loading, Unavailable, Value, Withheld } from '../../ui/Status.tsx';

export interface Slices {
  disputes: QueryState<ConsolePersonDisputesQuery>;
  petitions: QueryState<ConsolePersonPetitionsQuery>;
  police: QueryState<ConsolePersonPoliceIncidentsQuery>;
  courts: QueryState<ConsolePersonCourtCasesQuery>;
  legalAid: QueryState<ConsolePersonLegalAidCasesQuery>;
}

const role = (r: string) => label('PartyRole', r);

/** The person's field that holds each agency's slice. */
const SLICE_FIELD: Record<Agency, string> = { GRID: 'disputes', PETITIONS: 'petitions', POLICE: 'policeIncidents', COURTS: 'courtCases', LEGAL_AID: 'legalAidCases' };

/** The agency's slice: loading, a failure, withheld from this user, the agency down, or its records. */
function sliceState(state: QueryState<unknown>, agency: Agency, list: readonly unknown[] | null | undefined) {
  if (state.failure) return { kind: 'failure' as const };
  if (isWithheld(state.outcome, ['person', SLICE_FIELD[agency]])) return { kind: 'withheld' as const };
  // A slice answers from grid (the person) and the agency: either being down loses the slice.
  const down = unavailableAgencies(state.outcome);
  if (down.has(agency) || (down.has('GRID') && !list)) return { kind: 'unavailable' as const, agency: down.has(agency) ? agency : ('GRID' as Agency) };
  if (!state.outcome) return { kind: 'loading' as const };
  return { kind: 'ready' as const, count: list?.length ?? 0 };
}

/** One tab per agency, each with that agency's own fields for this person's matters. */
export function AgencyTabs({ slices }: { slices: Slices }) {
  const [tab, setTab] = useState<Agency>('GRID');
  const lists: Record<Agency, readonly unknown[] | null | undefined> = {
    GRID: slices.disputes.outcome?.data?.person?.disputes,
    PETITIONS: slices.petitions.outcome?.data?.person?.petitions,
    POLICE: slices.police.outcome?.data?.person?.policeIncidents,
    COURTS: slices.courts.outcome?.data?.person?.courtCases,
    LEGAL_AID: slices.legalAid.outcome?.data?.person?.legalAidCases,
  };
  const states: Record<Agency, QueryState<unknown>> = {
    GRID: slices.disputes,
    PETITIONS: slices.petitions,
    POLICE: slices.police,
    COURTS: slices.courts,
    LEGAL_AID: slices.legalAid,
  };
  const current = sliceState(states[tab], tab, lists[tab]);

  return (
    <section className="panel agency-tabs" data-testid="agency-tabs">
      <h2>各机构业务信息</h2>
      <div className="tabs" role="tablist">
        {AGENCY_ORDER.map((a) => {
          const s = sliceState(states[a], a, lists[a]);
          return (
            <button
              key={a}
              type="button"
              role="tab"
              aria-selected={tab === a}
              className={`tab${tab === a ? ' active' : ''}${s.kind === 'unavailable' ? ' tab-down' : ''}`}
              onClick={() => setTab(a)}
              data-testid={`agency-tab-${a}`}
              data-state={s.kind}
              data-count={s.kind === 'ready' ? s.count : undefined}
            >
              {AGENCY_NAMES[a]}
              {s.kind === 'ready' ? `（${s.count}）` : s.kind === 'unavailable' ? '（暂不可用）' : s.kind === 'withheld' ? '（无权查看）' : ''}
            </button>
          );
        })}
      </div>
      <div className="tab-panel" role="tabpanel" data-testid={`agency-panel-${tab}`} data-state={current.kind}>
        {current.kind === 'loading' ? <Loading /> : null}
        {current.kind === 'failure' && states[tab].failure ? <FailureBox failure={states[tab].failure} onRetry={states[tab].reload} /> : null}
        {current.kind === 'unavailable' ? (
          <div className="unavailable-box">
            <Unavailable agency={current.agency} />
            <p className="hint">该机构系统暂时无法连接，其余机构的信息不受影响；一人一档时间轴仍显示综治中心登记的摘要。</p>
          </div>
        ) : null}
        {current.kind === 'withheld' ? <Withheld /> : null}
        {current.kind === 'ready' && current.count === 0 ? <Empty>{AGENCY_NAMES[tab]}没有此人的事项。</Empty> : null}
        {current.kind === 'ready' && current.count > 0 ? <Panel agency={tab} slices={slices} /> : null}
      </div>
    </section>
  );
}

function Panel({ agency, slices }: { agency: Agency; slices: Slices }) {
  switch (agency) {
    case 'GRID':
      return <Disputes state={slices.disputes} />;
    case 'PETITIONS':
      return <Petitions state={slices.petitions} />;
    case 'POLICE':
      return <PoliceIncidents state={slices.police} />;
    case 'COURTS':
      return <CourtCases state={slices.courts} />;
    case 'LEGAL_AID':
      return <LegalAidCases state={slices.legalAid} />;
  }
}

function Disputes({ state }: { state: QueryState<ConsolePersonDisputesQuery> }) {
  return (
    <>
      {(state.outcome?.data?.person?.disputes ?? []).map((d) => (
        <RecordCard key={d.caseCode} caseCode={d.caseCode} title={d.title} status={label('DisputeStatus', d.status)} due={d} testId="agency-record">
          <Fact term="纠纷类别">{label('MatterCategory', d.category)}</Fact>
          <Fact term="受理渠道">{label('IntakeChannel', d.channel)}</Fact>
          <Fact term="办理层级">{label('Tier', d.tier)}</Fact>
          <Fact term="纠纷程度">{label('Severity', d.severity)}</Fact>
          <Fact term="发生地">{d.town.name ?? d.town.code}</Fact>
          <Fact term="承办单位">{d.assignedUnit ?? '—'}</Fact>
          <Fact term="受理时间">{formatDateTime(d.openedAt)}</Fact>
          <Fact term="办结时间">{formatDateTime(d.closedAt)}</Fact>
          <Fact term="化解结果">{d.resolution ?? '—'}</Fact>
          <Fact term="回访满意度">{label('Satisfaction', d.satisfaction)}</Fact>
          <Fact term="当事人">{parties(d.parties, role)}</Fact>
        </RecordCard>
      ))}
    </>
  );
}

function Petitions({ state }: { state: QueryState<ConsolePersonPetitionsQuery> }) {
  const accusersWithheld = isWithheld(state.outcome, ['person', 'petitions', 'accusers']);
  return (
    <>
      {(state.outcome?.data?.person?.petitions ?? []).map((p) => (
        <RecordCard key={p.caseCode} caseCode={p.caseCode} title={p.title} status={label('PetitionStatus', p.status)} due={p} testId="agency-record">
          <Fact term="信访类型">{label('PetitionKind', p.kind)}</Fact>
          <Fact term="信访形式">{label('PetitionChannel', p.channel)}</Fact>
          <Fact term="信访事由">{p.subject}</Fact>
          <Fact term="事发地">{p.divisionName ?? '—'}</Fact>
          <Fact term="被反映单位">{p.respondentUnit ?? '—'}</Fact>
          <Fact term="承办单位">{p.handlingUnit ?? '—'}</Fact>
          <Fact term="登记时间">{formatDateTime(p.registeredAt)}</Fact>
          <Fact term="办结时间">{formatDateTime(p.closedAt)}</Fact>
          <Fact term="重复信访">{p.repeatCount > 0 ? `此前同一事实 ${p.repeatCount} 件` : '首次信访'}</Fact>
          <Fact term="信访人">{`${parties(p.petitioners, role)}${p.collective ? `（集体访，${p.petitionerCount} 人）` : ''}`}</Fact>
          <Fact term="被反映人">{parties(p.respondents, role)}</Fact>
          {p.kind === 'ACCUSATION' ? (
            <Fact term="控告人身份" testId="petition-accusers">
              <Value withheld={accusersWithheld}>{p.accusers ? parties(p.accusers, role) : null}</Value>
            </Fact>
          ) : null}
          <Fact term="来源事项">
            <MatterLink matter={p.origin} />
          </Fact>
          {p.diversion ? (
            <Fact term="导入法定途径">
              {label('DiversionTarget', p.diversion.to)} <MatterLink matter={p.diversion.followUp} />
            </Fact>
          ) : null}
          <Fact term="评价">{label('Satisfaction', p.rating)}</Fact>
        </RecordCard>
      ))}
    </>
  );
}

function PoliceIncidents({ state }: { state: QueryState<ConsolePersonPoliceIncidentsQuery> }) {
  const suspectsWithheld = isWithheld(state.outcome, ['person', 'policeIncidents', 'suspects']);
  const narrativeWithheld = isWithheld(state.outcome, ['person', 'policeIncidents', 'narrative']);
  return (
    <>
      {(state.outcome?.data?.person?.policeIncidents ?? []).map((i) => (
        <RecordCard key={i.caseCode} caseCode={i.caseCode} title={i.title} status={label('PoliceIncidentStatus', i.status)} testId="agency-record">
          <Fact term="接警单号">
            <span className="mono">{i.incidentNumber}</span>
          </Fact>
          <Fact term="警情类别">{label('PoliceCategory', i.category)}</Fact>
          <Fact term="接警渠道">{label('PoliceChannel', i.channel)}</Fact>
          <Fact term="发案地点">{`${i.divisionName ?? ''} ${i.place}`}</Fact>
          <Fact term="管辖单位">{i.station}</Fact>
          <Fact term="出警民警">{i.officer ? `${i.officer.name}（警号 ${i.officer.badgeNumber}）` : '—'}</Fact>
          <Fact term="接警时间">{formatDateTime(i.receivedAt)}</Fact>
          <Fact term="到场用时">{i.minutesToArrive !== null ? `${i.minutesToArrive} 分钟` : '—'}</Fact>
          <Fact term="结警时间">{formatDateTime(i.closedAt)}</Fact>
          <Fact term="处置结果">{label('PoliceDisposition', i.disposition)}</Fact>
          <Fact term="移交中心工单">
            <MatterLink matter={i.centerTicket} />
          </Fact>
          <Fact term="涉及人员">{parties(i.parties, role)}</Fact>
          <Fact term="违法犯罪嫌疑人" testId="police-suspects">
            <Value withheld={suspectsWithheld}>{i.suspects ? (i.suspects.length ? parties(i.suspects, role) : '无') : null}</Value>
          </Fact>
          <Fact term="简要案情" testId="police-narrative">
            <Value withheld={narrativeWithheld}>{i.narrative}</Value>
          </Fact>
        </RecordCard>
      ))}
    </>
  );
}

function CourtCases({ state }: { state: QueryState<ConsolePersonCourtCasesQuery> }) {
  return (
    <>
      {(state.outcome?.data?.person?.courtCases ?? []).map((c) => (
        <RecordCard key={c.caseCode} caseCode={c.caseCode} title={c.title} status={label('CourtCaseStatus', c.status)} due={c} testId="agency-record">
          <Fact term="案号">{c.caseNumber ?? '（尚未立案）'}</Fact>
          <Fact term="承办法院">{c.court.name}</Fact>
          <Fact term="程序">{label('CourtProcedure', c.procedure)}</Fact>
          <Fact term="案由">{c.causeOfAction}</Fact>
          <Fact term="标的额">{formatYuan(c.claimAmount)}</Fact>
          <Fact term="承办法官">{c.judge ?? '—'}</Fact>
          <Fact term="收案 / 立案">{`${formatDateTime(c.receivedAt)} / ${formatDateTime(c.filedAt)}`}</Fact>
          <Fact term="结案">{c.closedAt ? `${formatDateTime(c.closedAt)}，${label('CourtOutcome', c.outcome)}` : '—'}</Fact>
          <Fact term="开庭与调解">{c.hearings.length ? c.hearings.map((h) => `${formatDateTime(h.at)} ${label('CourtHearingKind', h.kind)}（${h.place}）`).join('；') : '—'}</Fact>
          <Fact term="诉讼参加人">{parties(c.parties, role)}</Fact>
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
          {c.enforces ? (
            <Fact term="执行依据">
              <MatterLink matter={c.enforces} />
            </Fact>
          ) : null}
        </RecordCard>
      ))}
    </>
  );
}

function LegalAidCases({ state }: { state: QueryState<ConsolePersonLegalAidCasesQuery> }) {
  const w = (field: string) => isWithheld(state.outcome, ['person', 'legalAidCases', 'legalAid', field]);
  return (
    <>
      {(state.outcome?.data?.person?.legalAidCases ?? []).map((l) => (
        <RecordCard key={l.caseCode} caseCode={l.caseCode} title={l.title} status={label('LegalAidStatus', l.status)} due={l} testId="agency-record">
          <Fact term="事项类别">{label('LegalAidKind', l.kind)}</Fact>
          <Fact term="办理机构">{l.organization}</Fact>
          <Fact term="发生地">{l.townName ?? '—'}</Fact>
          <Fact term="申请时间">{formatDateTime(l.appliedAt)}</Fact>
          <Fact term="办结时间">{formatDateTime(l.closedAt)}</Fact>
          <Fact term="当事人">{parties(l.parties, role)}</Fact>
          {l.legalAid ? (
            <>
              <Fact term="援助事项">{l.legalAid.matter}</Fact>
              <Fact term="审查决定">{label('LegalAidDecision', l.legalAid.decision)}</Fact>
              <Fact term="先行援助 / 免审">{`${l.legalAid.provisional ? '先行提供' : '否'} / ${l.legalAid.meansTestWaived ? '免予经济困难审查' : '否'}`}</Fact>
              <Fact term="家庭月收入" testId="legalaid-income">
                <Value withheld={w('monthlyIncomeYuan')}>{l.legalAid.monthlyIncomeYuan !== null ? formatYuan(l.legalAid.monthlyIncomeYuan) : null}</Value>
              </Fact>
              <Fact term="家庭人口">
                <Value withheld={w('householdSize')}>{l.legalAid.householdSize}</Value>
              </Fact>
              <Fact term="经济困难审查">
                <Value withheld={w('meansTestResult')}>{l.legalAid.meansTestResult ? label('LegalAidMeansTestResult', l.legalAid.meansTestResult) : null}</Value>
              </Fact>
              <Fact term="指派律师">{l.legalAid.lawyer ? `${l.legalAid.lawyer.name}（${l.legalAid.lawyer.firm}）` : '—'}</Fact>
            </>
          ) : null}
          {l.mediation ? (
            <>
              <Fact term="调解委员会">{`${l.mediation.committee}，调解员 ${l.mediation.mediator}`}</Fact>
              <Fact term="调解结果">{label('LegalAidMediationResult', l.mediation.result)}</Fact>
              {l.mediation.agreement ? (
                <Fact term="调解协议">{`${formatDateTime(l.mediation.agreement.signedAt)} 签订，${formatYuan(l.mediation.agreement.amountYuan)}；司法确认申请期限 ${formatDateTime(l.mediation.agreement.confirmationDeadline)}${l.mediation.agreement.confirmationWindowOpen ? '（仍可申请）' : ''}`}</Fact>
              ) : null}
            </>
          ) : null}
          {l.arbitration ? (
            <Fact term="劳动仲裁">{`${l.arbitration.commission}，仲裁员 ${l.arbitration.arbitrator ?? '—'}${l.arbitration.award ? `；${formatDateTime(l.arbitration.award.at)} 裁决 ${formatYuan(l.arbitration.award.amountYuan)}` : ''}`}</Fact>
          ) : null}
          {l.consultation ? <Fact term="咨询问题">{l.consultation.question}</Fact> : null}
          <Fact term="来源事项">
            <MatterLink matter={l.origin} />
          </Fact>
        </RecordCard>
      ))}
    </>
  );
}
