import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readsPersonData } from '../../../../gateway/audit/readsPersonData.ts';
import { API_SCHEMA } from './auditSchema.ts';

const reads = (text: string, operationName?: string) => readsPersonData(API_SCHEMA, parse(text), operationName);

describe('readsPersonData', () => {
  it('is true for an operation selecting a person, a matter, a party, a household or a risk alert', () => {
    expect(reads('{ person(id: "p_1") { name } }')).toBe(true);
    expect(reads('{ personByIdNumber(idNumber: "420923198503161235") { id } }')).toBe(true);
    expect(reads('{ matter(caseCode: "420923-FY-2025-000001") { caseCode } }')).toBe(true);
    expect(reads('{ searchPersons(name: "张") { nodes { name } } }')).toBe(true);
    expect(reads('{ riskAlerts(division: "420923") { nodes { reasons } } }')).toBe(true);
    expect(reads('{ courtCase(caseCode: "x") { parties { role } } }')).toBe(true);
  });

  it('follows fragments', () => {
    expect(reads('{ searchPersons(name: "张") { ...P } } fragment P on PersonConnection { nodes { name } }')).toBe(true);
  });

  it('is false for statistics, counts, __typename and introspection', () => {
    expect(reads('{ centerStats(division: "420923", from: "2025-01-01", to: "2025-12-31") { accepted resolutionRate } }')).toBe(false);
    expect(reads('{ __typename }')).toBe(false);
    expect(reads('{ searchPersons(name: "张") { totalCount } }')).toBe(false);
    expect(reads('{ riskAlerts(division: "420923") { totalCount } }')).toBe(false);
    expect(reads('{ __schema { types { name } } }')).toBe(false);
  });

  it('judges only the operation that runs', () => {
    const text = 'query Stats { __typename } query View { person(id: "p_1") { name } }';
    expect(reads(text, 'Stats')).toBe(false);
    expect(reads(text, 'View')).toBe(true);
  });
});
