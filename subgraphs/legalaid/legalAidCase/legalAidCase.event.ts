import { matterEventFromRecord } from '../../shared/feed/matterEventFromRecord.ts';
import type { MatterEvent } from '../../shared/feed/matterEvent.ts';
import type { PersonTokenizer } from '../../shared/identity/personToken.ts';
import type { LegalAidCaseRow, LegalAidLinkRow, LegalAidPartyRow } from './legalAidCase.store.ts';

/** What the centre's registry learns about a case: its summary, party tokens and links, at the row's version. */
export function legalAidCaseEvent(
  row: LegalAidCaseRow,
  parties: readonly LegalAidPartyRow[],
  links: readonly LegalAidLinkRow[],
  tokenize: PersonTokenizer,
): MatterEvent {
  return matterEventFromRecord(
    'LEGAL_AID',
    {
      caseCode: row.caseCode,
      title: row.title,
      category: row.category,
      division: row.division,
      openedAt: row.appliedAt,
      closedAt: row.closedAt,
      dueAt: row.dueAt,
      summaryStatus: row.summaryStatus,
      parties,
      links,
    },
    row.version,
    tokenize,
  );
}
