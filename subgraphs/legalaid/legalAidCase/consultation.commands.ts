import { checkTownDivision, requireText } from '../../shared/commands/arguments.ts';
import type { Actor } from '../../shared/security/Actor.ts';
import type { LegalAidServices } from '../context.ts';
import { applyStep, blankCase, createCase, toParties } from './legalAidCase.commands.ts';
import type { LegalAidConsultationInput } from './legalAidCase.inputs.ts';

const TITLE_CHARS = 20;

/** Records a legal consultation (12348, walk-in); answered on the spot when the answer is given. */
export function recordConsultation(services: LegalAidServices, actor: Actor, input: LegalAidConsultationInput, idempotencyKey: string): string {
  return createCase(services, actor, 'recordConsultation', input, idempotencyKey, (now) => {
    checkTownDivision(input.division);
    const question = requireText(input.question, 'question');
    const answer = input.answer?.trim() || null;
    const at = now.toISOString();
    return {
      origin: null,
      parties: toParties(services, input.parties ?? [], now),
      steps: answer ? [{ step: 'ANSWER', note: null }] : [],
      row: {
        ...blankCase('CONSULTATION'),
        title: input.title?.trim() || `法律咨询：${[...question].slice(0, TITLE_CHARS).join('')}`,
        category: input.category,
        division: input.division,
        organization: requireText(input.organization, 'organization'),
        status: answer ? 'ANSWERED' : 'APPLIED',
        appliedAt: at,
        closedAt: answer ? at : null,
        question,
        answer,
        answeredAt: answer ? at : null,
      },
    };
  });
}

/** Answers a consultation left open. */
export function answerConsultation(services: LegalAidServices, actor: Actor, caseCode: string, answer: string): void {
  applyStep(services, actor, caseCode, 'ANSWER', (next, _current, now) => {
    next.answer = requireText(answer, 'answer');
    next.answeredAt = now.toISOString();
    next.closedAt = next.answeredAt;
    return { note: null };
  });
}
