import type { CourtCaseRecord, LegalAidCaseRecord, PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { DAY } from '../time/clock.ts';
import { buildCourtCase } from './buildCourtCase.ts';
import type { CountyWorld } from './CountyWorld.ts';
import { linkBoth, minuteOf, setOrigin, type Draft, type Mutable } from './Draft.ts';
import { asRole } from './parties.ts';

/**
 * Judicial confirmation (民特) of a people's-mediation agreement: both
 * parties apply within 30 days of the agreement taking effect (人民调解法
 * art 33); the court decides within 30 days (民事诉讼法 art 187). The court
 * case names the agreement it confirms, the mediation the case confirming
 * it. Returns null when the mediation has no agreement yet.
 */
export function confirmAgreement(world: CountyWorld, mediation: Draft, applyWithinDays: number, confirmed = true): Draft | null {
  const { rng } = world;
  const m = mediation.record as Mutable<LegalAidCaseRecord>;
  const agreement = m.mediation?.agreement;
  if (agreement == null) return null;
  const signed = minuteOf(agreement.signedAt);
  const parties = m.parties.filter((p) => p.role !== 'AGENT');
  const [a, ...others] = parties as [PartyRecord, ...PartyRecord[]];
  const jc = buildCourtCase(world, {
    division: m.division,
    category: m.category,
    title: `${a.name}与${others.map((p) => p.name).join('、')}申请司法确认调解协议`,
    cause: '申请确认人民调解协议',
    procedure: 'JUDICIAL_CONFIRMATION',
    parties: [asRole(a, 'APPLICANT'), ...others.map((p) => asRole(p, 'APPLICANT'))],
    claimAmount: agreement.amountYuan,
    receivedAt: signed + Math.max(1, Math.min(30, applyWithinDays)) * DAY - rng.between(60, 600),
    filingDays: rng.between(0, 3),
    decisionDays: rng.chance(0.95) ? rng.between(2, 20) : rng.between(31, 36),
    outcome: confirmed ? 'CONFIRMED' : 'NOT_CONFIRMED',
  });
  if (jc === null) return null;
  const court = jc.record as Mutable<CourtCaseRecord>;
  jc.refs.push({ target: mediation, set: (code) => (court.confirms = code) });
  mediation.refs.push({
    target: jc,
    set: (code) => {
      if (m.mediation !== null) m.mediation = { ...m.mediation, confirmedBy: code };
    },
  });
  setOrigin(jc, mediation);
  linkBoth(jc, mediation, 'CONFIRMS', 'CONFIRMED_BY');
  return jc;
}
