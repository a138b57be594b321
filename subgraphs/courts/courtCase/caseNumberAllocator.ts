import { type CourtCaseTypeCode, formatCourtCaseNumber, parseCourtCaseNumber } from '../../shared/codes/courtCaseNumber.ts';
import type { Db } from '../../shared/store/openDatabase.ts';

export const CASE_NUMBER_MIGRATION = `
CREATE TABLE court_case_number_sequence (
  court_code TEXT NOT NULL,
  type_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (court_code, type_code, year)
) WITHOUT ROWID;
`;

export interface CaseNumberAllocator {
  /** The next case number of a court for a type and year, e.g. （2026）鄂0923民初12号. */
  next(courtCode: string, typeCode: CourtCaseTypeCode, year: number): string;
  /** Moves the sequence past an imported number so it is never given again. */
  reserve(caseNumber: string): void;
}

/**
 * Case numbers (案号) count per court, type and year, as courts number
 * them: 民初 and 民终 have their own sequences. One statement under
 * SQLite's write lock, inside the caller's transaction, so two filings
 * never get the same number and a rolled-back filing gives its number back.
 */
export function createCaseNumberAllocator(db: Db): CaseNumberAllocator {
  const bump = db
    .prepare(
      `INSERT INTO court_case_number_sequence (court_code, type_code, year, last) VALUES (?, ?, ?, 1)
       ON CONFLICT (court_code, type_code, year) DO UPDATE SET last = last + 1 RETURNING last`,
    )
    .pluck();
  const raise = db.prepare(
    `INSERT INTO court_case_number_sequence (court_code, type_code, year, last) VALUES (?, ?, ?, ?)
     ON CONFLICT (court_code, type_code, year) DO UPDATE SET last = max(last, excluded.last)`,
  );
  return {
    next(courtCode, typeCode, year) {
      const sequence = bump.get(courtCode, typeCode, year) as number;
      return formatCourtCaseNumber({ year, courtCode, typeCode, sequence });
    },
    reserve(caseNumber) {
      const parsed = parseCourtCaseNumber(caseNumber);
      if (!parsed.ok) throw new RangeError(`cannot reserve case number: ${parsed.message}`);
      const { courtCode, typeCode, year, sequence } = parsed.value;
      raise.run(courtCode, typeCode, year, sequence);
    },
  };
}
