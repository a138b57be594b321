import type { DisputeCategory, LegalAidCaseRecord, LegalAidKind, PartyRecord } from '../../subgraphs/shared/world/records.ts';
import { formatTime } from '../time/clock.ts';
import type { Mutable } from './Draft.ts';

export interface LegalAidCommon {
  readonly division: string;
  readonly category: DisputeCategory;
  readonly title: string;
  readonly parties: readonly PartyRecord[];
  readonly appliedAt: number;
  readonly organization: string;
}

/** The fields every kind of legal-services matter shares; the builder fills the rest. */
export function legalAidBase(kind: LegalAidKind, c: LegalAidCommon): Mutable<LegalAidCaseRecord> {
  return {
    t: 'legalAidCase',
    caseCode: '',
    title: c.title,
    category: c.category,
    division: c.division,
    openedAt: formatTime(c.appliedAt),
    dueAt: null,
    closedAt: null,
    summaryStatus: 'OPEN',
    parties: c.parties,
    origin: null,
    links: [],
    kind,
    organization: c.organization,
    status: 'APPLIED',
    appliedAt: formatTime(c.appliedAt),
    legalAid: null,
    mediation: null,
    arbitration: null,
    consultation: null,
  };
}
