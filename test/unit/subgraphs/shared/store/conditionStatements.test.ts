// Statements made from a jurisdiction's condition are found again by the
// condition object, and statements of one text stay one statement.
import { describe, expect, it } from 'vitest';
import { Jurisdiction } from '../../../../../subgraphs/shared/security/Jurisdiction.ts';
import { type Db, openDatabase } from '../../../../../subgraphs/shared/store/openDatabase.ts';
import { conditionStatement, preparedStatement } from '../../../../../subgraphs/shared/store/preparedStatement.ts';
import { rowsOfPersons } from '../../../../../subgraphs/shared/store/rowsOfPersons.ts';
import { preparedTexts } from '../../../../support/preparedTexts.ts';

function database(): { db: Db; texts: string[] } {
  const db = openDatabase(':memory:');
  db.exec(`CREATE TABLE item (code TEXT PRIMARY KEY, person TEXT NOT NULL, division TEXT NOT NULL, at TEXT NOT NULL);
    INSERT INTO item VALUES ('a', 'p1', '420923100', '1'), ('b', 'p1', '420102100', '2'), ('c', 'p2', '420923101', '3'), ('d', 'p1', '420923100', '4');`);
  return { db, texts: preparedTexts(db) };
}

const ofPersons = (visible: string) =>
  `SELECT j.value AS personId, i.code, i.at FROM json_each(@persons) j JOIN item i ON i.person = j.value WHERE ${visible} ORDER BY i.at DESC`;

describe('rowsOfPersons', () => {
  it("reads each person's visible rows in the statement's order, one statement per text", () => {
    const { db, texts } = database();
    const county = Jurisdiction.of(['420923']);
    expect(rowsOfPersons(db, ofPersons, 'i.division', ['p1', 'p2', 'p3', 'p1'], county)).toEqual([
      [{ code: 'd', at: '4' }, { code: 'a', at: '1' }],
      [{ code: 'c', at: '3' }],
      [],
      [{ code: 'd', at: '4' }, { code: 'a', at: '1' }],
    ]);
    // Another request of the same user, and a user of another county (one range too): the same statement.
    rowsOfPersons(db, ofPersons, 'i.division', ['p1'], county);
    expect(rowsOfPersons(db, ofPersons, 'i.division', ['p1'], Jurisdiction.of(['420102']))).toEqual([[{ code: 'b', at: '2' }]]);
    expect(texts).toHaveLength(1);
    // Two ranges: another text, its own statement.
    expect(rowsOfPersons(db, ofPersons, 'i.division', ['p1'], Jurisdiction.of(['420923', '420102']))[0]!.map((r) => (r as { code: string }).code)).toEqual(['d', 'b', 'a']);
    expect(texts).toHaveLength(2);
    db.close();
  });
});

describe('conditionStatement', () => {
  it('is the prepared statement of the text the condition makes, found again by the condition', () => {
    const { db, texts } = database();
    const sql = (visible: string) => `SELECT code FROM item WHERE person = @person AND ${visible} ORDER BY code`;
    const county = Jurisdiction.of(['420923']).where('division');
    const statement = conditionStatement(db, sql, county);
    expect(statement.pluck().all({ person: 'p1', ...county.params })).toEqual(['a', 'd']);
    expect(conditionStatement(db, sql, county)).toBe(statement);
    expect(conditionStatement(db, sql, Jurisdiction.of(['420102']).where('division'))).toBe(statement);
    expect(preparedStatement(db, sql(county.sql))).toBe(statement);
    expect(texts).toHaveLength(1);
    db.close();
  });
});
