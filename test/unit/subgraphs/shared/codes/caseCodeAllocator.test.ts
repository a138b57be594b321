import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCaseCodeAllocator } from '../../../../../subgraphs/shared/codes/caseCodeAllocator.ts';

describe('createCaseCodeAllocator', () => {
  let db: Database.Database;

  beforeEach(() => {
    db = new Database(':memory:');
  });

  afterEach(() => {
    db.close();
  });

  function lastOf(division: string, agency: string, year: number): number | undefined {
    const row = db
      .prepare<[string, string, number], { last: number }>(
        'SELECT last FROM case_code_sequence WHERE division = ? AND agency = ? AND year = ?',
      )
      .get(division, agency, year);
    return row?.last;
  }

  it('allocates consecutive codes starting at 000001', () => {
    const petitions = createCaseCodeAllocator(db, 'PETITIONS');
    expect(petitions.next('420923', 2025)).toBe('420923-XF-2025-000001');
    expect(petitions.next('420923', 2025)).toBe('420923-XF-2025-000002');
    expect(petitions.next('420923', 2025)).toBe('420923-XF-2025-000003');
  });

  it('keeps one sequence per (division, agency, year)', () => {
    const petitions = createCaseCodeAllocator(db, 'PETITIONS');
    const courts = createCaseCodeAllocator(db, 'COURTS');
    expect(petitions.next('420923', 2025)).toBe('420923-XF-2025-000001');
    expect(petitions.next('420923', 2025)).toBe('420923-XF-2025-000002');
    expect(petitions.next('420923', 2026)).toBe('420923-XF-2026-000001');
    expect(petitions.next('420102', 2025)).toBe('420102-XF-2025-000001');
    expect(courts.next('420923', 2025)).toBe('420923-FY-2025-000001');
    expect(petitions.next('420923', 2025)).toBe('420923-XF-2025-000003');
    expect(lastOf('420923', 'XF', 2025)).toBe(3);
    expect(lastOf('420923', 'FY', 2025)).toBe(1);
  });

  it('continues the sequence in a second allocator on the same database', () => {
    createCaseCodeAllocator(db, 'GRID').next('420704', 2025);
    expect(createCaseCodeAllocator(db, 'GRID').next('420704', 2025)).toBe('420704-ZZ-2025-000002');
  });

  it('reserve() moves the sequence past an imported code', () => {
    const police = createCaseCodeAllocator(db, 'POLICE');
    police.next('420923', 2025);
    police.reserve('420923-GA-2025-000500');
    expect(police.next('420923', 2025)).toBe('420923-GA-2025-000501');
  });

  it('reserve() on a fresh sequence starts after the code', () => {
    const police = createCaseCodeAllocator(db, 'POLICE');
    police.reserve('421202-GA-2024-000042');
    expect(police.next('421202', 2024)).toBe('421202-GA-2024-000043');
  });

  it('reserve() never moves a sequence backwards', () => {
    const police = createCaseCodeAllocator(db, 'POLICE');
    police.reserve('420923-GA-2025-000010');
    police.reserve('420923-GA-2025-000003');
    expect(police.next('420923', 2025)).toBe('420923-GA-2025-000011');
  });

  it('reserve() refuses invalid codes and codes of another agency', () => {
    const police = createCaseCodeAllocator(db, 'POLICE');
    expect(() => police.reserve('420923-XF-2025-000010')).toThrow(/belongs to PETITIONS, not POLICE/);
    expect(() => police.reserve('420923-GA-1999-000010')).toThrow(/year/);
    expect(lastOf('420923', 'XF', 2025)).toBeUndefined();
  });

  it('next() refuses bad divisions and years before touching the database', () => {
    const legalAid = createCaseCodeAllocator(db, 'LEGAL_AID');
    expect(() => legalAid.next('990923', 2025)).toThrow(RangeError);
    expect(() => legalAid.next('420923', 1999)).toThrow(RangeError);
    expect(db.prepare('SELECT count(*) AS n FROM case_code_sequence').get()).toEqual({ n: 0 });
  });

  it('throws when a sequence is exhausted and leaves it at the maximum', () => {
    const legalAid = createCaseCodeAllocator(db, 'LEGAL_AID');
    legalAid.reserve('420923-SF-2025-999998');
    expect(legalAid.next('420923', 2025)).toBe('420923-SF-2025-999999');
    expect(() => legalAid.next('420923', 2025)).toThrow(/exhausted/);
    expect(lastOf('420923', 'SF', 2025)).toBe(999_999);
    // Other years are unaffected.
    expect(legalAid.next('420923', 2026)).toBe('420923-SF-2026-000001');
  });

  it('gives numbers back when the caller rolls back its transaction', () => {
    const grid = createCaseCodeAllocator(db, 'GRID');
    const createMatter = db.transaction(() => {
      grid.next('420923', 2025);
      throw new Error('matter insert failed');
    });
    expect(() => createMatter()).toThrow('matter insert failed');
    expect(grid.next('420923', 2025)).toBe('420923-ZZ-2025-000001');
  });
});

describe('createCaseCodeAllocator on a database file', () => {
  it('persists sequences across connections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onewindow-allocator-'));
    try {
      const file = join(dir, 'store.db');
      const first = new Database(file);
      createCaseCodeAllocator(first, 'COURTS').next('420583', 2025);
      first.close();
      const second = new Database(file);
      expect(createCaseCodeAllocator(second, 'COURTS').next('420583', 2025)).toBe('420583-FY-2025-000002');
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
