import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_CODES } from '../../../subgraphs/shared/codes/agency.ts';
import { parseCaseCode } from '../../../subgraphs/shared/codes/caseCode.ts';
import { courtCodeForDivision, parseCourtCaseNumber } from '../../../subgraphs/shared/codes/courtCaseNumber.ts';
import { isKnownDivision } from '../../../subgraphs/shared/identity/divisions.ts';
import { parseIdNumber } from '../../../subgraphs/shared/identity/idNumber.ts';
import {
  JOURNEY_KINDS,
  WORLD_FILES,
  type CourtCaseRecord,
  type DisputeRecord,
  type LegalAidCaseRecord,
  type MatterRecord,
  type PetitionRecord,
  type PoliceIncidentRecord,
} from '../../../subgraphs/shared/world/records.ts';
import { generateWorld, type WorldSummary } from '../../../world/generateWorld.ts';
import { loadWorld, type LoadedWorld } from './loadWorld.ts';
import { datesOf } from './matterDates.ts';

const AS_OF = '2026-11-01';
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00+08:00`);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/;
const HOME_COUNTIES = ['420923', '420102', '420583', '421081', '420704', '421202'];
const DAY_MS = 86_400_000;

let dir: string;
let summary: WorldSummary;
let w: LoadedWorld;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onewindow-world-'));
  summary = await generateWorld({ people: 3_000, seed: 42, out: dir });
  w = await loadWorld(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ms = (iso: string): number => Date.parse(iso);
const matter = (code: string): MatterRecord | undefined => w.matters.get(code)?.record;
const allMatters = (): MatterRecord[] => [...w.matters.values()].map((m) => m.record);
const ofType = <T extends MatterRecord>(t: T['t']): T[] => allMatters().filter((m): m is T => m.t === t);

describe('world files', () => {
  it('start with a synthetic header, are in order, and match the manifest', async () => {
    expect(w.orderErrors).toEqual([]);
    for (const file of Object.values(WORLD_FILES)) {
      expect(w.headers.get(file)).toMatchObject({ t: 'header', format: 1, synthetic: true, file, seed: 42, people: 3_000, asOf: AS_OF });
      const bytes = await readFile(join(dir, file));
      const info = w.manifest.files[file];
      expect(info.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(info.bytes).toBe(bytes.length);
      expect(info.records).toBe(bytes.toString('utf8').split('\n').filter((l) => l.length > 0).length);
    }
    expect(w.manifest.counts.people).toBe(3_000);
    expect(w.persons.size).toBe(3_000);
    expect(w.households.size).toBe(summary.households);
    expect(w.cells.size).toBe(summary.cells);
  });

  it('gives every agency a fair number of matters (a few hundred per agency at 20,000 people)', () => {
    for (const [agency, n] of Object.entries(summary.matters)) expect(n, agency).toBeGreaterThan(3_000 / 120);
  });
});

describe('people', () => {
  it('have valid ID numbers whose sex and birth date match the record', () => {
    for (const p of w.persons.values()) {
      const parsed = parseIdNumber(p.idNumber, new Date(AS_OF_MS));
      expect(parsed.ok, p.idNumber).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.sex).toBe(p.gender);
      expect((p.idNumber.charCodeAt(16) - 48) % 2 === 1 ? 'MALE' : 'FEMALE').toBe(p.gender);
      expect(parsed.value.birthDate).toBe(p.birthDate);
      expect(ms(`${p.birthDate}T00:00:00+08:00`)).toBeLessThan(AS_OF_MS);
    }
  });

  it('live in known towns, households and cells, with unique phone numbers', () => {
    const phones = new Set<string>();
    for (const p of w.persons.values()) {
      expect(isKnownDivision(p.division) && p.division.length === 9).toBe(true);
      const household = w.households.get(p.household);
      expect(household?.cell).toBe(p.cell);
      expect(w.cells.get(p.cell)?.division).toBe(p.division);
      if (p.phone !== null) {
        expect(p.phone).toMatch(/^1\d{10}$/);
        expect(phones.has(p.phone)).toBe(false);
        phones.add(p.phone);
      }
    }
    for (const h of w.households.values()) expect(w.persons.get(h.head)?.household).toBe(h.id);
  });

  it('are about 10% from outside the county, with the common surnames at about 31%', () => {
    const people = [...w.persons.values()];
    const outside = people.filter((p) => !HOME_COUNTIES.includes(p.idNumber.slice(0, 6))).length / people.length;
    expect(outside).toBeGreaterThan(0.05);
    expect(outside).toBeLessThan(0.16);
    const common = people.filter((p) => '王李张刘陈'.includes(p.name.charAt(0))).length / people.length;
    expect(common).toBeGreaterThan(0.24);
    expect(common).toBeLessThan(0.38);
    const twoCharGiven = people.filter((p) => p.name.length === 3).length / people.length;
    expect(twoCharGiven).toBeGreaterThan(0.6);
  });
});

describe('matters', () => {
  it('have case codes whose agency part matches their file, and well-formed dates', () => {
    for (const [code, { agency, record }] of w.matters) {
      const parsed = parseCaseCode(code);
      expect(parsed.ok, code).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.agencyCode).toBe(AGENCY_CODES[agency]);
      expect(isKnownDivision(record.division) && record.division.length === 9, code).toBe(true);
      expect(record.openedAt).toMatch(ISO);
      expect(ms(record.openedAt)).toBeLessThan(AS_OF_MS);
      expect(parsed.value.year).toBe(Number(record.openedAt.slice(0, 4)));
      const open = record.summaryStatus === 'OPEN' || record.summaryStatus === 'IN_PROGRESS';
      expect(record.closedAt === null, `${code} ${record.summaryStatus}`).toBe(open);
      if (record.closedAt !== null) {
        expect(record.closedAt).toMatch(ISO);
        expect(ms(record.closedAt)).toBeGreaterThanOrEqual(ms(record.openedAt));
        expect(ms(record.closedAt)).toBeLessThan(AS_OF_MS);
      }
      if (record.dueAt !== null) expect(record.dueAt).toMatch(ISO);
    }
  });

  it('keep the dates inside each matter in order and before the as-of date', () => {
    for (const m of allMatters()) {
      const dates = datesOf(m);
      for (let i = 1; i < dates.length; i++) {
        expect(ms(dates[i] as string), `${m.caseCode}: ${dates.join(' ')}`).toBeGreaterThanOrEqual(ms(dates[i - 1] as string));
      }
      for (const d of dates) expect(ms(d), m.caseCode).toBeLessThan(AS_OF_MS);
    }
  });

  it('have parties with valid ID numbers, some recorded without one, and companies', () => {
    let persons = 0;
    let withoutId = 0;
    let organizations = 0;
    let unregistered = 0;
    for (const m of allMatters()) {
      for (const p of m.parties) {
        if (p.kind === 'ORGANIZATION') {
          organizations++;
          expect(p.idNumber).toBeNull();
          continue;
        }
        if (p.role === 'AGENT') continue;
        persons++;
        if (p.idNumber === null) {
          withoutId++;
          expect(p.phone, `${m.caseCode} ${p.name}`).not.toBeNull();
          continue;
        }
        expect(parseIdNumber(p.idNumber, new Date(AS_OF_MS)).ok).toBe(true);
        if (!w.persons.has(p.idNumber)) unregistered++;
        else expect(w.persons.get(p.idNumber)?.name).toBe(p.name);
      }
    }
    expect(withoutId / persons).toBeGreaterThan(0.02);
    expect(withoutId / persons).toBeLessThan(0.07);
    expect(organizations).toBeGreaterThan(50);
    expect(unregistered / persons).toBeLessThan(0.05);
  });

  it('only link to matters that exist, and typed references agree with both sides', () => {
    for (const m of allMatters()) {
      for (const l of m.links) expect(w.matters.has(l.caseCode), `${m.caseCode} → ${l.caseCode}`).toBe(true);
      if (m.origin !== null) {
        const origin = matter(m.origin);
        expect(origin, `${m.caseCode} origin`).toBeDefined();
        expect(ms(origin?.openedAt ?? '')).toBeLessThan(ms(m.openedAt));
        expect(m.links).toContainEqual({ caseCode: m.origin, reason: 'ORIGIN' });
      }
    }
    for (const c of ofType<CourtCaseRecord>('courtCase')) {
      if (c.appealOf !== null) {
        const first = matter(c.appealOf) as CourtCaseRecord;
        expect(first.appealedAs).toBe(c.caseCode);
        expect(c.procedure).toBe('SECOND_INSTANCE');
        expect(first.outcome).toBe('JUDGMENT');
        // Appeal within 15 days of the judgment.
        expect(ms(c.receivedAt) - ms(first.closedAt ?? '')).toBeLessThanOrEqual(15 * DAY_MS);
      }
      if (c.enforces !== null) expect(matter(c.enforces)?.t).toBe('courtCase');
      if (c.confirms !== null) {
        const mediation = matter(c.confirms) as LegalAidCaseRecord;
        expect(mediation.kind).toBe('MEDIATION');
        expect(mediation.mediation?.confirmedBy).toBe(c.caseCode);
        const signed = ms(mediation.mediation?.agreement?.signedAt ?? '');
        expect(ms(c.receivedAt)).toBeGreaterThan(signed);
        expect(ms(c.receivedAt) - signed).toBeLessThanOrEqual(30 * DAY_MS);
      }
    }
    for (const i of ofType<PoliceIncidentRecord>('incident')) {
      if (i.centerCaseCode !== null) {
        expect(i.disposition).toBe('TRANSFERRED_TO_CENTER');
        expect((matter(i.centerCaseCode) as DisputeRecord).origin).toBe(i.caseCode);
      }
    }
    for (const p of ofType<PetitionRecord>('petition')) {
      if (p.repeatOf !== null) expect((matter(p.repeatOf) as PetitionRecord).factsKey).toBe(p.factsKey);
    }
    for (const l of w.centreLinks) {
      expect(w.matters.has(l.from)).toBe(true);
      expect(w.matters.has(l.to)).toBe(true);
    }
  });

  it('number court cases and incidents in the official formats', () => {
    const numbers = new Set<string>();
    for (const c of ofType<CourtCaseRecord>('courtCase')) {
      if (c.status === 'FILED' || c.status === 'CLOSED') expect(c.caseNumber, c.caseCode).not.toBeNull();
      if (c.caseNumber === null) continue;
      const parsed = parseCourtCaseNumber(c.caseNumber);
      expect(parsed.ok, c.caseNumber).toBe(true);
      if (!parsed.ok) continue;
      const county = c.division.slice(0, 6);
      expect(parsed.value.courtCode).toBe(courtCodeForDivision(county, c.procedure === 'SECOND_INSTANCE' ? 'INTERMEDIATE' : 'BASIC'));
      expect(numbers.has(c.caseNumber)).toBe(false);
      numbers.add(c.caseNumber);
    }
    const incidents = new Set<string>();
    for (const i of ofType<PoliceIncidentRecord>('incident')) {
      expect(i.incidentNumber).toMatch(new RegExp(`^J${i.division.slice(0, 6)}${i.receivedAt.slice(0, 10).replaceAll('-', '')}\\d{4}$`));
      expect(incidents.has(i.incidentNumber)).toBe(false);
      incidents.add(i.incidentNumber);
    }
  });

  it('are mostly on time, with some overdue and some still open', () => {
    const withDue = allMatters().filter((m) => m.dueAt !== null);
    const overdue = withDue.filter((m) => ms(m.closedAt ?? `${AS_OF}T00:00:00+08:00`) > ms(m.dueAt ?? '')).length;
    expect(overdue / withDue.length).toBeGreaterThan(0.005);
    expect(overdue / withDue.length).toBeLessThan(0.15);
    expect(allMatters().some((m) => m.closedAt === null)).toBe(true);
  });
});

describe('journeys', () => {
  it('cover every kind, with complete ones', () => {
    for (const kind of JOURNEY_KINDS) {
      const of = w.journeys.filter((j) => j.kind === kind);
      expect(of.length, kind).toBeGreaterThanOrEqual(3);
      expect(of.some((j) => j.complete), kind).toBe(true);
    }
  });

  it('point at registered people and existing matters, opened strictly in order', () => {
    for (const j of w.journeys) {
      expect(j.persons.length).toBeGreaterThan(0);
      for (const id of j.persons) expect(w.persons.has(id), `${j.id} person`).toBe(true);
      const matters = j.caseCodes.map((c) => matter(c));
      for (const m of matters) expect(m, j.id).toBeDefined();
      for (let i = 1; i < matters.length; i++) {
        expect(ms(matters[i]?.openedAt ?? ''), `${j.id} ${j.caseCodes.join(' ')}`).toBeGreaterThan(ms(matters[i - 1]?.openedAt ?? ''));
      }
      const protagonist = j.persons[0];
      for (const m of matters) expect(m?.parties.some((p) => p.idNumber === protagonist), `${j.id} ${m?.caseCode}`).toBe(true);
    }
  });

  it('give some people matters in all five agencies', () => {
    const agenciesOf = new Map<string, Set<string>>();
    for (const { agency, record } of w.matters.values()) {
      for (const p of record.parties) {
        if (p.idNumber === null) continue;
        const set = agenciesOf.get(p.idNumber) ?? new Set<string>();
        set.add(agency);
        agenciesOf.set(p.idNumber, set);
      }
    }
    const settlementPeople = w.journeys.filter((j) => j.kind === 'ONE_SETTLEMENT_THREE_MATTERS' && j.complete).map((j) => j.persons[0] as string);
    expect(settlementPeople.length).toBeGreaterThan(0);
    for (const id of settlementPeople) expect(agenciesOf.get(id)?.size, id).toBe(5);
  });

  it('follow the paths of DOMAIN.md', () => {
    const agencies = (codes: readonly string[]): string => codes.map((c) => c.split('-')[1]).join(' ');
    for (const j of w.journeys.filter((x) => x.complete)) {
      const path = agencies(j.caseCodes);
      switch (j.kind) {
        case 'WAGE_ARREARS':
          expect(['GA ZZ SF SF FY', 'GA ZZ SF SF FY FY FY']).toContain(path);
          break;
        case 'GRID_MEDIATION_CONFIRMATION': {
          expect(path).toBe('ZZ SF FY');
          const court = matter(j.caseCodes[2] as string) as CourtCaseRecord;
          expect(court.procedure).toBe('JUDICIAL_CONFIRMATION');
          expect(court.confirms).toBe(j.caseCodes[1]);
          expect(court.caseNumber).toContain('民特');
          break;
        }
        case 'PETITION_REVIEW': {
          expect(['XF', 'XF XF']).toContain(path);
          const p = matter(j.caseCodes[0] as string) as PetitionRecord;
          expect(p.status).toBe('CLOSED');
          expect(p.review?.decidedAt).not.toBeNull();
          expect(p.secondReview?.decidedAt).not.toBeNull();
          const steps = [p.registeredAt, p.forwardedAt, p.acceptanceNoticeAt, p.decidedAt, p.review?.requestedAt, p.review?.decidedAt, p.secondReview?.requestedAt, p.secondReview?.decidedAt];
          for (let i = 1; i < steps.length; i++) expect(ms(steps[i] ?? '')).toBeGreaterThan(ms(steps[i - 1] ?? ''));
          if (j.caseCodes[1] !== undefined) expect((matter(j.caseCodes[1]) as PetitionRecord).status).toBe('NOT_ACCEPTED');
          break;
        }
        case 'ONE_SETTLEMENT_THREE_MATTERS': {
          // The protagonist has matters in all five agencies.
          expect(path).toBe('GA SF FY SF XF ZZ');
          const lawsuit = matter(j.caseCodes[2] as string) as CourtCaseRecord;
          expect(lawsuit.outcome).toBe('MEDIATED');
          const settled = [j.caseCodes[3], j.caseCodes[4]].map((c) => matter(c as string));
          for (const s of settled) {
            expect(s?.links).toContainEqual({ caseCode: lawsuit.caseCode, reason: 'SETTLED_BY' });
            expect(ms(s?.closedAt ?? '')).toBeGreaterThanOrEqual(ms(lawsuit.closedAt ?? ''));
          }
          const together = w.centreLinks.filter((l) => l.reason === 'SETTLED_TOGETHER' && j.caseCodes.includes(l.from));
          expect(together).toHaveLength(3);
          break;
        }
        case 'TRAFFIC_ACCIDENT':
          expect(path).toBe('GA ZZ SF FY');
          break;
        case 'FAMILY_DISPUTE':
          expect(path).toBe('ZZ SF SF FY');
          break;
      }
    }
  });
});
