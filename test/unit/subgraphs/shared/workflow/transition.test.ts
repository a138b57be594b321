import { describe, expect, it } from 'vitest';
import { transition, type TransitionTable } from '../../../../../subgraphs/shared/workflow/transition.ts';
import { thrown } from '../../../../support/thrown.ts';

type Step = 'FILE' | 'CLOSE' | 'REFUSE_FILING';
type Status = 'RECEIVED' | 'FILED' | 'CLOSED';
const TABLE: TransitionTable<Step, Status> = { FILE: { RECEIVED: 'FILED' }, CLOSE: { FILED: 'CLOSED' } };

describe('workflow tables', () => {
  it('leads a step from a status that allows it to its next status', () => {
    expect(transition(TABLE, 'FILE', 'RECEIVED', 'court case X')).toBe('FILED');
  });

  it('refuses anything else, naming the step, the status and the matter', () => {
    for (const [step, status] of [['CLOSE', 'RECEIVED'], ['REFUSE_FILING', 'RECEIVED']] as const) {
      const error = thrown(() => transition(TABLE, step, status, 'court case X', { kind: 'K' }));
      expect(error?.extensions).toEqual({ step, status, kind: 'K', code: 'INVALID_TRANSITION' });
      expect(error?.message).toBe(`cannot ${step.toLowerCase().replaceAll('_', ' ')} court case X: it is RECEIVED`);
    }
  });
});
