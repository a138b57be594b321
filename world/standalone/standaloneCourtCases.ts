import type { CourtOutcome, CourtProcedure, PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { buildCourtCase } from '../matters/buildCourtCase.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { appeal, enforce } from '../matters/courtChain.ts';
import { closedMinute, setOrigin, type Draft } from '../matters/Draft.ts';
import { agentParty, companyParty, personParty, pickAdult, pickTown } from '../matters/parties.ts';
import { makeQuarrel, sideA, sideB } from '../matters/Quarrel.ts';
import { mostlyOnTime, officeInWindow } from '../matters/when.ts';
import type { Rng } from '../random/Rng.ts';
import { Weighted } from '../random/Weighted.ts';
import { DAY } from '../time/clock.ts';

const PROCEDURES = new Weighted<CourtProcedure | 'BANK'>([
  ['PRE_SUIT_MEDIATION', 24], ['SIMPLIFIED', 34], ['SMALL_CLAIMS', 14], ['ORDINARY', 10], ['BANK', 12],
]);

/** Days from filing to outcome by procedure: mostly inside the limit, some extended or late. */
export function decisionDays(rng: Rng, procedure: CourtProcedure): number {
  switch (procedure) {
    case 'PRE_SUIT_MEDIATION':
      return mostlyOnTime(rng, [5, 29], [31, 45], 0.05);
    case 'JUDICIAL_CONFIRMATION':
      return mostlyOnTime(rng, [3, 25], [31, 38], 0.03);
    case 'SMALL_CLAIMS':
      return mostlyOnTime(rng, [15, 55], [62, 85], 0.05);
    case 'SIMPLIFIED':
      return mostlyOnTime(rng, [30, 85], [95, 125], 0.06);
    case 'ORDINARY':
      return mostlyOnTime(rng, [90, 170], [190, 300], 0.1);
    case 'SECOND_INSTANCE':
      return mostlyOnTime(rng, [30, 85], [95, 150], 0.06);
    case 'ENFORCEMENT':
      return mostlyOnTime(rng, [30, 170], [190, 240], 0.08);
  }
}

const firstInstanceOutcome = (rng: Rng): CourtOutcome => {
  const r = rng.next();
  return r < 0.45 ? 'JUDGMENT' : r < 0.8 ? 'MEDIATED' : 'WITHDRAWN';
};

/**
 * Civil cases: pre-suit mediation (with a lawsuit after a failure), first
 * instance by each procedure, banks suing borrowers, and the appeal and
 * enforcement chains some of them grow.
 */
export function standaloneCourtCases(world: CountyWorld, count: number): void {
  const { rng } = world;
  for (let i = 0; i < count; i++) {
    const kind = PROCEDURES.pick(rng);
    const receivedAt = officeInWindow(world, 10);
    let first: Draft | null;
    if (kind === 'BANK') {
      const town = pickTown(world);
      const borrower = pickAdult(world, town);
      const bank = rng.pick(world.institutions.banks);
      const cause = rng.chance(0.6) ? '金融借款合同纠纷' : '信用卡纠纷';
      const amount = rng.between(30, 3000) * 100;
      first = buildCourtCase(world, {
        division: town.town.code,
        category: 'CONTRACT_DEBT',
        title: `${bank.name}诉${borrower.name}${cause}`,
        cause,
        procedure: amount < 50000 ? 'SMALL_CLAIMS' : 'SIMPLIFIED',
        parties: [companyParty(bank, 'PLAINTIFF'), personParty(world, borrower, 'DEFENDANT')],
        claimAmount: amount,
        receivedAt,
        filingDays: rng.between(0, 6),
        decisionDays: decisionDays(rng, 'SIMPLIFIED'),
        outcome: rng.chance(0.7) ? 'JUDGMENT' : 'MEDIATED',
      });
    } else {
      const q = makeQuarrel(world);
      const pre = kind === 'PRE_SUIT_MEDIATION';
      const agents: PartyRecord[] = rng.chance(pre ? 0.05 : 0.3) ? [agentParty(rng.pick(world.staff.lawyers))] : [];
      const failed = pre && rng.chance(0.4);
      first = buildCourtCase(world, {
        division: q.town.town.code,
        category: q.category,
        title: pre ? `${q.a.name}与${q.bName}${q.topic.cause}诉前调解` : `${q.a.name}诉${q.bName}${q.topic.cause}`,
        cause: q.topic.cause,
        procedure: kind,
        parties: [sideA(world, q, pre ? 'APPLICANT' : 'PLAINTIFF'), sideB(world, q, pre ? 'RESPONDENT' : 'DEFENDANT'), ...agents],
        claimAmount: q.amount,
        receivedAt,
        filingDays: mostlyOnTime(rng, [0, 6], [8, 12], 0.03),
        decisionDays: decisionDays(rng, kind),
        outcome: pre ? (failed ? 'MEDIATION_FAILED' : 'MEDIATED') : firstInstanceOutcome(rng),
        ...(!pre && rng.chance(0.01) ? { notFiled: true } : {}),
      });
      const ended = first === null ? null : closedMinute(first);
      if (failed && first !== null && ended !== null) {
        // The mediation failed: the case is filed as a lawsuit.
        const lawsuit = buildCourtCase(world, {
          division: q.town.town.code,
          category: q.category,
          title: `${q.a.name}诉${q.bName}${q.topic.cause}`,
          cause: q.topic.cause,
          procedure: 'SIMPLIFIED',
          parties: [sideA(world, q, 'PLAINTIFF'), sideB(world, q, 'DEFENDANT'), ...agents],
          claimAmount: q.amount,
          receivedAt: ended + rng.between(1, 5) * DAY,
          filingDays: rng.between(0, 3),
          decisionDays: decisionDays(rng, 'SIMPLIFIED'),
          outcome: firstInstanceOutcome(rng),
        });
        if (lawsuit !== null) setOrigin(lawsuit, first);
        first = lawsuit;
      }
    }
    if (first === null) continue;
    grow(world, first);
  }
}

/** Appeals (about 12% of appealable judgments) and enforcement (about 15% of money outcomes). */
function grow(world: CountyWorld, first: Draft): void {
  const { rng } = world;
  const r = first.record as { procedure: CourtProcedure; outcome: CourtOutcome | null; claimAmount: number | null };
  let final: Draft = first;
  if (r.outcome === 'JUDGMENT' && r.procedure !== 'SMALL_CLAIMS' && rng.chance(0.12)) {
    const second = appeal(world, first, {
      appellantIndex: rng.int(2),
      outcome: rng.chance(0.8) ? 'JUDGMENT' : rng.chance(0.5) ? 'MEDIATED' : 'WITHDRAWN',
      decisionDays: decisionDays(rng, 'SECOND_INSTANCE'),
    });
    if (second === null) return;
    final = second;
  }
  const fr = final.record as { outcome: CourtOutcome | null };
  if ((fr.outcome === 'JUDGMENT' || fr.outcome === 'MEDIATED') && r.claimAmount !== null && rng.chance(0.15)) {
    const plaintiff = first.record.parties[0];
    enforce(world, final, {
      isApplicant: (p) => p.name === plaintiff?.name && p.idNumber === plaintiff.idNumber,
      outcome: rng.chance(0.6) ? 'ENFORCED' : 'TERMINATED',
      decisionDays: decisionDays(rng, 'ENFORCEMENT'),
      afterDays: rng.between(20, 90),
    });
  }
}
