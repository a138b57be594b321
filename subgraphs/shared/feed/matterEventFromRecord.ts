import type { Agency } from '../codes/agency.ts';
import type { PersonTokenizer } from '../identity/personToken.ts';
import type { MatterBase } from '../world/records.ts';
import type { MatterEvent } from './matterEvent.ts';

/**
 * The registry's view of a matter an agency holds: summary fields, party
 * tokens (never names or ID numbers), links. Every agency builds its events
 * with this, from its stored matter in the world records' shape.
 */
export function matterEventFromRecord(
  agency: Agency,
  matter: Pick<MatterBase, 'caseCode' | 'title' | 'category' | 'division' | 'openedAt' | 'closedAt' | 'dueAt' | 'summaryStatus' | 'parties' | 'links'>,
  version: number,
  tokenize: PersonTokenizer,
  flags: string[] = [],
): MatterEvent {
  const seen = new Set<string>();
  const parties: MatterEvent['parties'] = [];
  for (const p of matter.parties) {
    if (!p.idNumber) continue;
    const personId = tokenize(p.idNumber);
    const key = `${personId}|${p.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parties.push({ personId, role: p.role });
  }
  return {
    caseCode: matter.caseCode,
    agency,
    version,
    title: matter.title,
    category: matter.category,
    status: matter.summaryStatus,
    division: matter.division,
    openedAt: matter.openedAt,
    closedAt: matter.closedAt,
    dueAt: matter.dueAt,
    parties,
    links: matter.links.map((l) => ({ caseCode: l.caseCode, reason: l.reason })),
    flags,
  };
}
