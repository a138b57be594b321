import { parse, print, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { collectServed } from '../../../../gateway/audit/collectServed.ts';
import { compileAuditedOperation } from '../../../../gateway/audit/compileAuditedOperation.ts';
import { SupergraphOwnership } from '../../../../gateway/audit/SupergraphOwnership.ts';
import { API_SCHEMA, SUPERGRAPH_SDL } from './auditSchema.ts';

const ownership = SupergraphOwnership.fromSupergraph(SUPERGRAPH_SDL);
const compile = (text: string) => compileAuditedOperation(API_SCHEMA, ownership, parse(text), undefined);

const VIEW = `query View($id: ID!) {
  person(id: $id) {
    name
    idNumber
    courtCases { caseCode parties { role person { name } } }
    household { members { name } }
    timeline(first: 5) { nodes { caseCode summary { title } ... on CourtCase { caseNumber } } }
  }
}`;

describe('SupergraphOwnership', () => {
  it('reads owners from @join__field, else from @join__type, with agency names', () => {
    expect(ownership.ownersOf('Person', 'courtCases')).toEqual(['COURTS']);
    expect(ownership.ownersOf('Person', 'legalAidCases')).toEqual(['LEGAL_AID']);
    expect(ownership.ownersOf('Matter', 'summary')).toEqual(['GRID']);
    expect(ownership.ownersOf('Person', 'id')).toEqual(['COURTS', 'GRID', 'LEGAL_AID', 'PETITIONS', 'POLICE']);
    expect(ownership.isSensitive('Person.idNumber')).toBe(true);
    expect(ownership.isSensitive('Person.idNumberMasked')).toBe(false);
  });
});

describe('compileAuditedOperation', () => {
  it('adds the person id under a reserved alias where it is not selected, and the type name where fragments narrow', () => {
    const compiled = compile(VIEW);
    expect(compiled.readsPersonData).toBe(true);
    const text = print(compiled.document);
    // person, parties.person and household.members: three Person selections without a plain id.
    expect(text.match(/__onewindow_audit_id: id/g)).toHaveLength(3);
    expect(text.match(/__onewindow_audit_typename: __typename/g)).toHaveLength(1);
    expect(validate(API_SCHEMA, compiled.document)).toEqual([]);
  });

  it('uses the id the client selected, and leaves an operation that reads no person untouched', () => {
    const withId = compile('{ person(id: "p_1") { id name } }');
    expect(print(withId.document)).not.toContain('__onewindow_audit_id');
    const stats = parse('{ centerStats(division: "420923", from: "2025-01-01", to: "2025-12-31") { accepted } }');
    const compiled = compileAuditedOperation(API_SCHEMA, ownership, stats, undefined);
    expect(compiled.readsPersonData).toBe(false);
    expect(compiled.document).toBe(stats);
  });

  it('never reuses a key the client chose', () => {
    const compiled = compile('{ person(id: "p_1") { __onewindow_audit_id: name } }');
    expect(print(compiled.document)).toContain('__onewindow_audit_id1: id');
  });
});

describe('collectServed', () => {
  it('lists the persons served, the agencies whose fields came back, the sensitive fields, and strips what it added', () => {
    const compiled = compile(VIEW);
    const data = {
      person: {
        name: '张三',
        idNumber: '420923198503161235',
        courtCases: [
          {
            caseCode: '420923-FY-2025-000001',
            parties: [
              { role: 'PLAINTIFF', person: { name: '张三', __onewindow_audit_id: 'p_A' } },
              { role: 'DEFENDANT', person: { name: '李四', __onewindow_audit_id: 'p_B' } },
              { role: 'AGENT', person: null },
            ],
          },
        ],
        household: { members: [{ name: '王五', __onewindow_audit_id: 'p_C' }] },
        timeline: {
          nodes: [
            { caseCode: '420923-ZZ-2025-000001', summary: { title: '邻里纠纷' }, __onewindow_audit_typename: 'Dispute' },
            { caseCode: '420923-FY-2025-000001', summary: { title: '欠薪' }, caseNumber: '(2025)鄂0923民初1号', __onewindow_audit_typename: 'CourtCase' },
          ],
        },
        __onewindow_audit_id: 'p_A',
      },
    };
    const served = collectServed(compiled, data);
    expect(served).toEqual({ persons: ['p_A', 'p_B', 'p_C'], agencies: ['COURTS', 'GRID'], sensitiveFields: ['Person.idNumber'] });
    expect(JSON.stringify(data)).not.toContain('__onewindow_audit');
    expect(data.person.courtCases[0]!.parties[0]).toEqual({ role: 'PLAINTIFF', person: { name: '张三' } });
  });

  it("counts a shared type's fields for the agency that served the object: a court case's parties are COURTS data", () => {
    const compiled = compile('{ courtCase(caseCode: "x") { caseCode parties { role displayName person { id } } } }');
    const served = collectServed(compiled, { courtCase: { caseCode: 'x', parties: [{ role: 'PLAINTIFF', displayName: '张三', person: { id: 'p_A' } }] } });
    expect(served).toEqual({ persons: ['p_A'], agencies: ['COURTS'], sensitiveFields: [] });
  });

  it('counts nothing for fields that came back null, and sensitive fields only when served', () => {
    const compiled = compile('{ person(id: "p_1") { name idNumber policeIncidents { caseCode } } }');
    const served = collectServed(compiled, { person: { name: '张三', idNumber: null, policeIncidents: null, __onewindow_audit_id: 'p_1' } }, new Set(['Person.idNumber']));
    expect(served).toEqual({ persons: ['p_1'], agencies: ['GRID'], sensitiveFields: [] });
    expect(collectServed(compiled, { person: null })).toEqual({ persons: [], agencies: [], sensitiveFields: [] });
  });

  it('names the sensitive fields authorization reports, and applies a fragment only to its types', () => {
    const compiled = compile('{ matter(caseCode: "x") { caseCode ... on PoliceIncident { parties { person { name } } } ... on Petition { parties { role } } } }');
    const data = { matter: { caseCode: 'x', parties: [{ role: 'REPORTER', person: { name: '张三', __onewindow_audit_id: 'p_A' } }], __onewindow_audit_typename: 'PoliceIncident' } };
    const served = collectServed(compiled, data, new Set(['Person.name']));
    expect(served).toEqual({ persons: ['p_A'], agencies: ['GRID', 'POLICE'], sensitiveFields: ['Person.name'] });
  });
});
