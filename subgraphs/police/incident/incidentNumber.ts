import type { Db } from '../../shared/store/openDatabase.ts';
import { localDate } from '../../shared/time/chinaTime.ts';

/**
 * 接警单号 (records.ts): `J{6-digit county}{yyyymmdd}{4-digit daily sequence}`,
 * e.g. J420923202503160012 is the 12th incident received in 云梦县 on
 * 2025-03-16. The day is the local (UTC+8) day of receipt. (records.ts
 * spells its example with a fifth sequence digit; its own breakdown and the
 * format line say four, which is what is parsed here.)
 */
const INCIDENT_NUMBER = /^J(\d{6})(\d{4})(\d{2})(\d{2})(\d{4})$/;
export const INCIDENT_NUMBER_MAX_SEQUENCE = 9_999;

export interface IncidentNumberParts {
  county: string;
  /** Local date, YYYY-MM-DD. */
  day: string;
  sequence: number;
}

export type ParsedIncidentNumber = { ok: true; value: IncidentNumberParts } | { ok: false; message: string };

export function parseIncidentNumber(text: string): ParsedIncidentNumber {
  const m = INCIDENT_NUMBER.exec(text.trim());
  if (!m) return { ok: false, message: 'expected J + 6-digit county code + yyyymmdd + 4-digit sequence, e.g. J420923202503160012' };
  const [, county = '', y = '', mo = '', d = '', seq = ''] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    return { ok: false, message: `${y}${mo}${d} is not a calendar date` };
  }
  if (Number(seq) < 1) return { ok: false, message: 'the daily sequence starts at 0001' };
  return { ok: true, value: { county, day: `${y}-${mo}-${d}`, sequence: Number(seq) } };
}

export function formatIncidentNumber({ county, day, sequence }: IncidentNumberParts): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > INCIDENT_NUMBER_MAX_SEQUENCE) {
    throw new RangeError(`incident number sequence must be 1 to ${INCIDENT_NUMBER_MAX_SEQUENCE}, got ${sequence}`);
  }
  return `J${county}${day.replaceAll('-', '')}${String(sequence).padStart(4, '0')}`;
}

export const INCIDENT_NUMBER_MIGRATION = `
CREATE TABLE incident_number_sequence (
  county TEXT NOT NULL,
  day TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (county, day)
) WITHOUT ROWID;
`;

export interface IncidentNumberAllocator {
  /** The next number of the day for the county; run inside the transaction that creates the incident. */
  next(county: string, at: Date): string;
  /** Keeps an imported number from ever being handed out again. */
  reserve(incidentNumber: string): void;
}

/**
 * Daily sequences per county, persisted like case codes: one
 * `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` under SQLite's write lock,
 * so two requests never get the same number and a rolled-back incident
 * gives its number back.
 */
export function createIncidentNumberAllocator(db: Db): IncidentNumberAllocator {
  const bump = db.prepare<[string, string], { last: number }>(
    `INSERT INTO incident_number_sequence (county, day, last) VALUES (?, ?, 1)
     ON CONFLICT (county, day) DO UPDATE SET last = last + 1 RETURNING last`,
  );
  const raise = db.prepare<[string, string, number]>(
    `INSERT INTO incident_number_sequence (county, day, last) VALUES (?, ?, ?)
     ON CONFLICT (county, day) DO UPDATE SET last = max(last, excluded.last)`,
  );
  return {
    next(county, at) {
      // Incident numbers count per local (UTC+8) day.
      const day = localDate(at);
      const { last } = bump.get(county, day)!;
      // formatIncidentNumber refuses a 10,000th number; the caller's transaction rolls the bump back.
      return formatIncidentNumber({ county, day, sequence: last });
    },
    reserve(incidentNumber) {
      const parsed = parseIncidentNumber(incidentNumber);
      if (!parsed.ok) throw new RangeError(`cannot reserve incident number ${incidentNumber}: ${parsed.message}`);
      raise.run(parsed.value.county, parsed.value.day, parsed.value.sequence);
    },
  };
}
