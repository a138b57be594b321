import { addDraft, type CountyWorld } from './CountyWorld.ts';
import type { Draft } from './Draft.ts';
import { legalAidBase, type LegalAidCommon } from './legalAidBase.ts';
import { formatTime } from '../time/clock.ts';

export interface ConsultationPlan extends LegalAidCommon {
  readonly question: string;
  readonly answer: string;
}

/** A walk-in or hotline legal consultation (12348), answered in the same visit. */
export function buildConsultation(world: CountyWorld, plan: ConsultationPlan): Draft | null {
  const record = legalAidBase('CONSULTATION', plan);
  const answered = plan.appliedAt + 10 + world.rng.int(50);
  const done = answered < world.asOf;
  record.status = done ? 'ANSWERED' : 'APPLIED';
  record.summaryStatus = done ? 'RESOLVED' : 'OPEN';
  record.closedAt = done ? formatTime(answered) : null;
  record.consultation = { question: plan.question, answer: done ? plan.answer : null };
  return addDraft(world, 'LEGAL_AID', record, plan.appliedAt);
}
