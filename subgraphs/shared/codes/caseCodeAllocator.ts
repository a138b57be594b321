/**
 * Allocates case codes from sequences persisted in the agency's own SQLite
 * database: one sequence per (division, agency, year), so
 * 420923-XF-2025-000123 is followed by 420923-XF-2025-000124 and the
 * numbering restarts at 000001 each year and in each division.
 *
 * Allocation is a single `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`
 * statement: SQLite runs it under its write lock, so two processes (or two
 * requests) sharing the file never get the same number, and no read-then-
 * write race exists. Run `next()` inside the caller's transaction that
 * creates the matter so a rolled-back matter gives its number back.
 */
import type Database from 'better-sqlite3';
import { AGENCY_CODES, type Agency } from './agency.ts';
import { CASE_CODE_MAX_SEQUENCE, formatCaseCode, parseCaseCode } from './caseCode.ts';

export interface CaseCodeAllocator {
  /** Allocates and returns the next case code of this agency for the division and year. */
  next(division: string, year: number): string;
  /**
   * Moves the sequence of the code's (division, agency, year) to at least the
   * code's sequence, so codes imported from elsewhere (the synthetic world,
   * a migration) are never handed out again. Throws for an invalid code or a
   * code of another agency.
   */
  reserve(code: string): void;
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS case_code_sequence (
    division TEXT NOT NULL,
    agency   TEXT NOT NULL,
    year     INTEGER NOT NULL,
    last     INTEGER NOT NULL,
    PRIMARY KEY (division, agency, year)
  ) WITHOUT ROWID`;

/** Creates the sequence table if missing and returns an allocator for one agency. */
export function createCaseCodeAllocator(db: Database.Database, agency: Agency): CaseCodeAllocator {
  db.exec(CREATE_TABLE);
  const agencyCode = AGENCY_CODES[agency];

  const bump = db.prepare<[string, string, number], { last: number }>(
    `INSERT INTO case_code_sequence (division, agency, year, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (division, agency, year) DO UPDATE SET last = last + 1
     RETURNING last`,
  );
  const raise = db.prepare<[string, string, number, number]>(
    `INSERT INTO case_code_sequence (division, agency, year, last) VALUES (?, ?, ?, ?)
     ON CONFLICT (division, agency, year) DO UPDATE SET last = max(last, excluded.last)`,
  );

  // A transaction (a savepoint when the caller already has one open) so
  // that an exhausted sequence is not left bumped past its maximum.
  const allocate = db.transaction((division: string, year: number): number => {
    const row = bump.get(division, agencyCode, year);
    if (row === undefined) throw new Error('case code allocation returned no row');
    if (row.last > CASE_CODE_MAX_SEQUENCE) {
      throw new RangeError(
        `case code sequence exhausted for ${division}-${agencyCode}-${year}: all ${CASE_CODE_MAX_SEQUENCE} numbers are used`,
      );
    }
    return row.last;
  });

  return {
    next(division: string, year: number): string {
      // Validates division and year before touching the database.
      formatCaseCode({ division, agency, year, sequence: 1 });
      const sequence = allocate(division, year);
      return formatCaseCode({ division, agency, year, sequence });
    },
    reserve(code: string): void {
      const parsed = parseCaseCode(code);
      if (!parsed.ok) throw new RangeError(`cannot reserve case code: ${parsed.message}`);
      const { division, year, sequence } = parsed.value;
      if (parsed.value.agency !== agency) {
        throw new RangeError(`cannot reserve case code ${code.trim()}: it belongs to ${parsed.value.agency}, not ${agency}`);
      }
      raise.run(division, agencyCode, year, sequence);
    },
  };
}
