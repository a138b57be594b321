import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type LegalAidHarness, startLegalAid } from '../../../support/legalaidApp.ts';
import { CODES, ID, writeTinyLegalAidWorld } from '../../../support/tinyLegalAidWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on LegalAidCase { caseCode kind status } } }`;

describe('legalaid: the subgraph in the federation', () => {
  let h: LegalAidHarness;
  beforeAll(async () => {
    h = await startLegalAid({ now: '2026-11-02T09:00:00+08:00', seedWorld: writeTinyLegalAidWorld });
  });
  afterAll(() => h.close());

  it('marks the applicant\'s finances with @requiresScopes in _service { sdl }, and nothing else of the case', async () => {
    const sdl: string = (await h.gql(`{ _service { sdl } }`)).data?._service.sdl;
    expect(sdl).toMatch(/type LegalAidCase implements Matter\s+@key\(fields: "caseCode"\)\s*\{/);
    expect(sdl).toMatch(/interface Matter\s+@key\(fields: "caseCode", resolvable: false\)/);
    expect(sdl).toMatch(/type CourtCase implements Matter\s+@key\(fields: "caseCode", resolvable: false\)/);
    expect(sdl).toMatch(/monthlyIncomeYuan: Float @requiresScopes\(scopes: \[\["legalaid:finance"\]\]\)/);
    expect(sdl).toMatch(/householdSize: Int @requiresScopes\(scopes: \[\["legalaid:finance"\]\]\)/);
    expect(sdl).toMatch(/meansTestResult: LegalAidMeansTestResult @requiresScopes\(scopes: \[\["legalaid:finance"\]\]\)/);
    expect(sdl.match(/^\s+\w+: .*@requiresScopes\(/gm)).toHaveLength(3);
    // Nullable: a person's other slices still come back when legal aid is down.
    expect(sdl).toMatch(/\n\s+legalAidCases: \[LegalAidCase!\] @listSize\(assumedSize: 20\)\n/);
    // Every mutation is the justice bureau's; grid's window takes applications, a court records its confirmation.
    expect(sdl).toMatch(/\): LegalAidCase! @policy\(policies: \[\["agency:LEGAL_AID"\], \["agency:GRID"\]\]\)/);
    expect(sdl).toMatch(/\): LegalAidCase! @policy\(policies: \[\["agency:LEGAL_AID"\], \["agency:COURTS"\]\]\)/);
    expect(sdl.match(/LegalAidCase! @policy\(/g)).toHaveLength(15);
    // The registry's interface fields belong to grid, never to this subgraph.
    expect(sdl).not.toMatch(/^\s+(agency|summary|related)[:(]/m);
  });

  it('leaves the finances of imported cases empty', async () => {
    const res = await h.gql(`{ legalAidCase(caseCode: "${CODES.legalAid}") { legalAid { monthlyIncomeYuan householdSize meansTestWaived meansTestResult } } }`);
    expect(res.data?.legalAidCase.legalAid).toEqual({ monthlyIncomeYuan: null, householdSize: null, meansTestWaived: true, meansTestResult: 'WAIVED' });
  });

  it('returns origin and link targets as references typed by their case code\'s agency', async () => {
    const res = await h.gql(`{ legalAidCase(caseCode: "${CODES.legalAid}") { origin { __typename caseCode } links { reason matter { __typename caseCode } } } }`);
    expect(res.data?.legalAidCase).toEqual({
      origin: { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000003' },
      links: [{ reason: 'ORIGIN', matter: { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000003' } }],
    });
    const petition = await h.gql(`mutation { startMediation(idempotencyKey: "from-petition", input: {
      title: "信访转调解", category: NEIGHBOUR, division: "420923100", committee: "城关镇人民调解委员会", mediator: "吴磊",
      parties: [{ role: APPLICANT, name: "张伟" }], origin: "420923-XF-2026-000007" }) { origin { __typename caseCode } } }`);
    expect(petition.data?.startMediation.origin).toEqual({ __typename: 'Petition', caseCode: '420923-XF-2026-000007' });
    const unknownOwn = await h.gql(`mutation { startMediation(idempotencyKey: "from-nowhere", input: {
      title: "x", category: NEIGHBOUR, division: "420923100", committee: "c", mediator: "m",
      parties: [{ role: APPLICANT, name: "张伟" }], origin: "420923-SF-2026-000999" }) { caseCode } }`);
    expect(unknownOwn.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves 100 LegalAidCase representations with one SQL query of the case table', async () => {
    const known = Object.values(CODES);
    const representations = Array.from({ length: 100 }, (_, i) => ({
      __typename: 'LegalAidCase',
      caseCode: known[i] ?? `420923-SF-2025-${String(i).padStart(6, '0')}`,
    }));
    h.statements.length = 0;
    const res = await h.gql(ENTITIES, { r: representations });
    expect(res.errors).toBeUndefined();
    const entities = res.data?._entities as ({ caseCode: string; kind: string } | null)[];
    expect(entities).toHaveLength(100);
    expect(entities.slice(0, 5).map((e) => e?.kind)).toEqual(['LEGAL_AID', 'MEDIATION', 'LABOUR_ARBITRATION', 'CONSULTATION', 'MEDIATION']);
    expect(entities[50]).toBeNull();
    expect(h.statements.filter((s) => /FROM legal_aid_case\b/.test(s))).toHaveLength(1);
  });

  it('adds the legal-aid slice to Person, one query for many people', async () => {
    const people = [ID.zhang, ID.wife, ID.li, ID.son].map((n) => ({ __typename: 'Person', id: token(n) }));
    h.statements.length = 0;
    const res = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id legalAidCases { caseCode kind } } } }`, { r: people });
    expect(res.errors).toBeUndefined();
    const slices = (res.data?._entities as { legalAidCases: { caseCode: string }[] }[]).map((p) => p.legalAidCases.map((c) => c.caseCode));
    // Newest first. (The mediation opened above named 张伟 without an ID number: no person.)
    expect(slices[0]).toEqual([CODES.arbitration, CODES.legalAid]);
    expect(slices[1]).toEqual([CODES.consultation, CODES.lapsedLabourMediation]);
    expect(slices[2]).toEqual([CODES.oldAgreement]);
    expect(slices[3]).toEqual([]);
    // One statement for all four people, their cases' rows included: nothing else is read.
    expect(h.statements.filter((s) => /FROM legal_aid_party\b/.test(s))).toHaveLength(1);
    expect(h.statements).toHaveLength(1);
  });

  it('lists cases by division, kind, status and organization, newest first, in pages', async () => {
    const list = async (filter: string, extra = '') =>
      (await h.gql(`{ legalAidCases(filter: ${filter}${extra}) { totalCount nodes { caseCode } pageInfo { hasNextPage endCursor } } }`)).data?.legalAidCases;
    expect((await list('{ division: "420923101" }')).nodes).toEqual([{ caseCode: CODES.oldAgreement }]);
    expect((await list('{ division: "420900" }')).totalCount).toBe(6);
    expect((await list('{ kind: MEDIATION }')).totalCount).toBe(3);
    expect((await list('{ kind: MEDIATION, status: MEDIATING }')).totalCount).toBe(2);
    expect((await list('{ organization: "云梦县劳动人事争议仲裁委员会" }')).nodes).toEqual([{ caseCode: CODES.arbitration }]);
    const first = await list('{ division: "420923" }', ', first: 4');
    expect(first.nodes.map((n: { caseCode: string }) => n.caseCode)).toEqual(['420923-SF-2026-000006', CODES.arbitration, CODES.legalAid, CODES.consultation]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list('{ division: "420923" }', `, first: 4, after: "${first.pageInfo.endCursor}"`);
    expect(second.nodes.map((n: { caseCode: string }) => n.caseCode)).toEqual([CODES.lapsedLabourMediation, CODES.oldAgreement]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await h.gql(`{ legalAidCases(first: 0) { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await h.gql(`{ legalAidCases(after: "nonsense") { totalCount } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers null for an unknown case', async () => {
    expect((await h.gql(`{ legalAidCase(caseCode: "420923-SF-2026-000999") { caseCode } }`)).data?.legalAidCase).toBeNull();
  });
});
