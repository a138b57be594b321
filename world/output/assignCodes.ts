import { formatCaseCode } from '../../subgraphs/shared/codes/caseCode.ts';
import { formatCourtCaseNumber } from '../../subgraphs/shared/codes/courtCaseNumber.ts';
import type { CourtCaseRecord, MatterLink, PoliceIncidentRecord } from '../../subgraphs/shared/world/records.ts';
import type { Draft, Mutable } from '../matters/Draft.ts';
import { dayOf, formatDay, yearOf } from '../time/clock.ts';

const byTime = (a: { at: number; d: Draft }, b: { at: number; d: Draft }): number => a.at - b.at || a.d.order - b.d.order;

/**
 * Numbers one county's matters now that all of them exist: case codes per
 * (division, agency, year) in order of opening, court case numbers per
 * (court, type, year) in order of filing, police incident numbers per day;
 * then fills the typed references and the link lists with codes.
 */
export function assignCodes(drafts: readonly Draft[], countyCode: string): void {
  const opened = drafts.map((d) => ({ at: d.opened, d })).sort(byTime);
  const caseSeq = new Map<string, number>();
  const incidentSeq = new Map<number, number>();
  for (const { at, d } of opened) {
    const year = yearOf(at);
    const key = `${d.codeDivision}|${d.agency}|${year}`;
    const sequence = (caseSeq.get(key) ?? 0) + 1;
    caseSeq.set(key, sequence);
    d.record.caseCode = formatCaseCode({ division: d.codeDivision, agency: d.agency, year, sequence });
    if (d.agency === 'POLICE') {
      const day = dayOf(at);
      const n = (incidentSeq.get(day) ?? 0) + 1;
      incidentSeq.set(day, n);
      (d.record as Mutable<PoliceIncidentRecord>).incidentNumber = `J${countyCode}${formatDay(day).replaceAll('-', '')}${String(n).padStart(4, '0')}`;
    }
  }

  const filed = drafts.flatMap((d) => (d.courtNumber === null ? [] : [{ at: d.courtNumber.at, d }])).sort(byTime);
  const courtSeq = new Map<string, number>();
  for (const { at, d } of filed) {
    const n = d.courtNumber;
    if (n === null) continue;
    const year = yearOf(at);
    const key = `${n.courtCode}|${n.typeCode}|${year}`;
    const sequence = (courtSeq.get(key) ?? 0) + 1;
    courtSeq.set(key, sequence);
    (d.record as Mutable<CourtCaseRecord>).caseNumber = formatCourtCaseNumber({ year, courtCode: n.courtCode, typeCode: n.typeCode, sequence });
  }

  for (const d of drafts) {
    for (const ref of d.refs) ref.set(ref.target.record.caseCode);
    const seen = new Set<string>();
    const links: MatterLink[] = [];
    for (const { target, reason } of d.links) {
      const key = `${target.record.caseCode}|${reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ caseCode: target.record.caseCode, reason });
    }
    d.record.links = links;
  }
}
