import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../../subgraphs/courts/app.ts';
import { formatCourtCaseNumber, parseCourtCaseNumber } from '../../../../subgraphs/shared/codes/courtCaseNumber.ts';
import { createPersonTokenizer, DEV_FEDERATION_SECRET } from '../../../../subgraphs/shared/identity/personToken.ts';
import { type SubgraphHarness, startSubgraph } from '../../../support/subgraphApp.ts';
import { CODES, ID, writeTinyCourtsWorld } from '../../../support/tinyCourtsWorld.ts';

const token = createPersonTokenizer(DEV_FEDERATION_SECRET);
const NOW = '2026-11-02T09:00:00+08:00';
const errorOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;

describe('courts: case numbers, the appeal chain, enforcement and references', () => {
  let courts: SubgraphHarness;
  beforeAll(async () => {
    courts = await startSubgraph('courts', build, { now: NOW, seedWorld: writeTinyCourtsWorld });
  });
  afterAll(() => courts.close());

  describe('case numbers', () => {
    it.each(['（2026）鄂0923民初4号', '(2026)鄂0923民初4号', ' (2026）鄂0923民初4号 '])('finds %s whatever the brackets', async (caseNumber) => {
      const res = await courts.gql(`query($n: String!) { courtCaseByNumber(caseNumber: $n) { caseCode caseNumber } }`, { n: caseNumber });
      expect(res.data?.courtCaseByNumber).toEqual({ caseCode: CODES.pending, caseNumber: '（2026）鄂0923民初4号' });
    });

    it('round-trips a number assigned at filing through parse and format, and finds it by either width', async () => {
      const received = await courts.gql(
        `mutation($i: CourtCaseReceiptInput!) { receiveCourtCase(input: $i, idempotencyKey: "number-1") { caseCode } }`,
        {
          i: {
            procedure: 'ORDINARY',
            category: 'NEIGHBOUR',
            title: '相邻关系纠纷',
            causeOfAction: '相邻关系纠纷',
            division: '420923101',
            parties: [
              { role: 'PLAINTIFF', name: '李强', idNumber: ID.li },
              { role: 'DEFENDANT', name: '刘敏', idNumber: ID.wife },
            ],
          },
        },
      );
      const code = received.data?.receiveCourtCase.caseCode;
      const filed = await courts.gql(`mutation { fileCourtCase(caseCode: "${code}") { caseNumber } }`);
      const number: string = filed.data?.fileCourtCase.caseNumber;
      expect(number).toBe('（2026）鄂0923民初6号');
      const parsed = parseCourtCaseNumber(number);
      expect(parsed).toEqual({ ok: true, value: { year: 2026, courtCode: '鄂0923', typeCode: '民初', sequence: 6 } });
      expect(parsed.ok && formatCourtCaseNumber(parsed.value)).toBe(number);
      const half = number.replace('（', '(').replace('）', ')');
      const found = await courts.gql(`query($n: String!) { courtCaseByNumber(caseNumber: $n) { caseCode } }`, { n: half });
      expect(found.data?.courtCaseByNumber.caseCode).toBe(code);
    });

    it('answers an unknown number with null and a malformed one with BAD_USER_INPUT naming the part', async () => {
      expect((await courts.gql(`{ courtCaseByNumber(caseNumber: "（2026）鄂0923民初999号") { caseCode } }`)).data?.courtCaseByNumber).toBeNull();
      expect(errorOf(await courts.gql(`{ courtCaseByNumber(caseNumber: "（2026）鄂0923刑初1号") { caseCode } }`))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TYPE' });
      expect(errorOf(await courts.gql(`{ courtCaseByNumber(caseNumber: "2026鄂0923民初1号") { caseCode } }`))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FORMAT' });
    });
  });

  describe('appeals', () => {
    const APPEAL = `mutation($i: CourtAppealInput!) { appealCourtCase(input: $i) {
      caseCode procedure status court { code name level } title claimAmount division filingDueAt steps { step actor note }
      appealOf { caseCode caseNumber appealDeadline appealedAs { caseCode } steps { step note } }
      parties { role displayName } } }`;
    const appellants = [
      { role: 'APPELLANT', name: '李强', idNumber: ID.li },
      { role: 'APPELLEE', name: '张伟', idNumber: ID.zhang },
    ];

    it('reads an imported chain both ways', async () => {
      const res = await courts.gql(`{ courtCase(caseCode: "${CODES.appealed}") {
        appealedAs { caseCode caseNumber court { name level } appealOf { caseCode } } appealDeadline } }`);
      expect(res.data?.courtCase).toEqual({
        appealedAs: { caseCode: CODES.appeal, caseNumber: '（2026）鄂09民终1号', court: { name: '孝感市中级人民法院', level: 'INTERMEDIATE' }, appealOf: { caseCode: CODES.appealed } },
        appealDeadline: '2026-03-25T15:59:59.000Z',
      });
    });

    it('opens the second instance at the intermediate court within 15 days, linked both ways', async () => {
      const res = await courts.gql(APPEAL, { i: { caseCode: CODES.judged, parties: appellants, note: '请求撤销一审判决' } }, '立案庭 周洁');
      expect(res.errors).toBeUndefined();
      const appeal = res.data?.appealCourtCase;
      expect(appeal).toMatchObject({
        // Second instance codes carry the city: Xiaogan 420900.
        caseCode: '420900-FY-2026-000002',
        procedure: 'SECOND_INSTANCE',
        status: 'RECEIVED',
        court: { code: '鄂09', name: '孝感市中级人民法院', level: 'INTERMEDIATE' },
        title: '张伟与李强民间借贷纠纷（二审）',
        claimAmount: 50000,
        division: '420923100',
        filingDueAt: '2026-11-09T15:59:59.000Z',
        steps: [{ step: 'RECEIVE', actor: '立案庭 周洁', note: '请求撤销一审判决' }],
        parties: [
          { role: 'APPELLANT', displayName: '李强' },
          { role: 'APPELLEE', displayName: '张伟' },
        ],
      });
      expect(appeal.appealOf).toMatchObject({
        caseCode: CODES.judged,
        appealDeadline: '2026-11-09T15:59:59.000Z',
        appealedAs: { caseCode: '420900-FY-2026-000002' },
      });
      expect(appeal.appealOf.steps.at(-1)).toEqual({ step: 'APPEALED', note: '420900-FY-2026-000002' });

      const filed = await courts.gql(`mutation { fileCourtCase(caseCode: "420900-FY-2026-000002", judge: "周法官") { caseNumber dueAt latestAllowedDueAt } }`);
      expect(filed.data?.fileCourtCase).toEqual({ caseNumber: '（2026）鄂09民终2号', dueAt: '2027-02-02T15:59:59.000Z', latestAllowedDueAt: null });
    });

    it('refuses appeals the law does not allow, each with its rule', async () => {
      const appeal = async (caseCode: string) => errorOf(await courts.gql(APPEAL, { i: { caseCode, parties: appellants } }));
      expect(await appeal(CODES.judged)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ALREADY_APPEALED', appealedAs: '420900-FY-2026-000002' });
      expect(await appeal(CODES.oldJudgment)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'APPEAL_WINDOW', deadline: '2026-08-16T15:59:59.000Z' });
      expect(await appeal(CODES.smallClaims)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'SINGLE_INSTANCE' });
      expect(await appeal(CODES.appeal)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'FINAL_JUDGMENT' });
      expect(await appeal(CODES.confirmation)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'NOT_APPEALABLE' });
      expect(await appeal(CODES.pending)).toMatchObject({ code: 'INVALID_TRANSITION', step: 'APPEALED', status: 'FILED' });
      expect(await appeal('420923-FY-2026-009999')).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('closes the appeal window at the end of the 15th local day', async () => {
      const received = await courts.gql(
        `mutation($i: CourtCaseReceiptInput!) { receiveCourtCase(input: $i, idempotencyKey: "window-1") { caseCode } }`,
        {
          i: {
            procedure: 'SIMPLIFIED',
            category: 'CONSUMER',
            title: '买卖合同纠纷',
            causeOfAction: '买卖合同纠纷',
            division: '420923100',
            parties: [
              { role: 'PLAINTIFF', name: '张伟', idNumber: ID.zhang },
              { role: 'DEFENDANT', name: '某商店', kind: 'ORGANIZATION' },
            ],
          },
        },
      );
      const code = received.data?.receiveCourtCase.caseCode;
      await courts.gql(`mutation { fileCourtCase(caseCode: "${code}") { status } }`);
      const judged = await courts.gql(`mutation { closeCourtCase(caseCode: "${code}", outcome: JUDGMENT) { appealDeadline } }`);
      expect(judged.data?.closeCourtCase.appealDeadline).toBe('2026-11-17T15:59:59.000Z');
      const parties = [{ role: 'APPELLANT', name: '某商店', kind: 'ORGANIZATION' }];
      expect(errorOf(await courts.gql(APPEAL, { i: { caseCode: code, parties: [{ role: 'APPELLEE', name: '张伟' }] } }))).toMatchObject({ code: 'BAD_USER_INPUT', role: 'APPELLANT' });
      courts.clock.set('2026-11-18T00:00:01+08:00');
      expect(errorOf(await courts.gql(APPEAL, { i: { caseCode: code, parties } }))).toMatchObject({ rule: 'APPEAL_WINDOW' });
      courts.clock.set('2026-11-17T23:59:00+08:00');
      expect((await courts.gql(APPEAL, { i: { caseCode: code, parties } })).data?.appealCourtCase.procedure).toBe('SECOND_INSTANCE');
      courts.clock.set(NOW);
    });
  });

  describe('enforcement', () => {
    const ENFORCE = `mutation($i: CourtEnforcementInput!) { applyForEnforcement(input: $i) {
      caseCode procedure status court { code name } title enforces { caseCode enforcedBy { caseCode } } } }`;
    const parties = [
      { role: 'APPLICANT', name: '李强', idNumber: ID.li },
      { role: 'RESPONDENT', name: '张伟', idNumber: ID.zhang },
    ];

    it('enforces an effective judgment at the court of first instance, linked both ways', async () => {
      const res = await courts.gql(ENFORCE, { i: { caseCode: CODES.oldJudgment, parties } });
      expect(res.errors).toBeUndefined();
      const e = res.data?.applyForEnforcement;
      expect(e).toMatchObject({ procedure: 'ENFORCEMENT', status: 'RECEIVED', court: { code: '鄂0923', name: '云梦县人民法院' }, title: '李强与张伟买卖合同纠纷（执行）' });
      expect(e.enforces).toEqual({ caseCode: CODES.oldJudgment, enforcedBy: [{ caseCode: e.caseCode }] });
      const filed = await courts.gql(`mutation { fileCourtCase(caseCode: "${e.caseCode}") { caseNumber dueAt } }`);
      expect(filed.data?.fileCourtCase).toEqual({ caseNumber: '（2026）鄂0923执2号', dueAt: '2027-05-02T15:59:59.000Z' });
      expect(errorOf(await courts.gql(ENFORCE, { i: { caseCode: CODES.oldJudgment, parties } }))).toMatchObject({ rule: 'ALREADY_ENFORCING', enforcedBy: e.caseCode });
    });

    it('enforces a first-instance judgment only once nobody appealed in 15 days', async () => {
      const received = await courts.gql(
        `mutation($i: CourtCaseReceiptInput!) { receiveCourtCase(input: $i, idempotencyKey: "effective-1") { caseCode } }`,
        {
          i: {
            procedure: 'SIMPLIFIED',
            category: 'CONTRACT_DEBT',
            title: '李强与张伟民间借贷纠纷',
            causeOfAction: '民间借贷纠纷',
            claimAmount: 20000,
            division: '420923100',
            parties: [
              { role: 'PLAINTIFF', name: '李强', idNumber: ID.li },
              { role: 'DEFENDANT', name: '张伟', idNumber: ID.zhang },
            ],
          },
        },
      );
      const code = received.data?.receiveCourtCase.caseCode;
      await courts.gql(`mutation { fileCourtCase(caseCode: "${code}") { status } }`);
      await courts.gql(`mutation { closeCourtCase(caseCode: "${code}", outcome: JUDGMENT) { status } }`);
      expect(errorOf(await courts.gql(ENFORCE, { i: { caseCode: code, parties } }))).toMatchObject({
        code: 'RULE_VIOLATION',
        rule: 'NOT_YET_EFFECTIVE',
        effectiveAfter: '2026-11-17T15:59:59.000Z',
      });
      courts.clock.set('2026-11-18T09:00:00+08:00');
      const res = await courts.gql(ENFORCE, { i: { caseCode: code, parties, claimAmount: 15000 } });
      expect(res.data?.applyForEnforcement).toMatchObject({ procedure: 'ENFORCEMENT', enforces: { caseCode: code } });
      courts.clock.set(NOW);
    });

    it('reads the imported enforcement from either side, though the file linked it from one', async () => {
      const res = await courts.gql(`{ courtCase(caseCode: "${CODES.enforcement}") { enforces { caseCode enforcedBy { caseCode } } } }`);
      expect(res.data?.courtCase.enforces).toEqual({ caseCode: CODES.appeal, enforcedBy: [{ caseCode: CODES.enforcement }] });
      // ... so the open enforcement blocks a second one of the same judgment.
      const again = await courts.gql(ENFORCE, { i: { caseCode: CODES.appeal, parties } });
      expect(errorOf(again)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ALREADY_ENFORCING', enforcedBy: CODES.enforcement });
    });

    it('refuses what is not enforceable yet or at all', async () => {
      const enforce = async (caseCode: string) => errorOf(await courts.gql(ENFORCE, { i: { caseCode, parties } }));
      // Within the appeal window a first-instance judgment is not yet effective.
      expect(await enforce(CODES.smallClaims)).toBeUndefined(); // small claims: effective at once
      expect(await enforce(CODES.judged)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'NOT_YET_EFFECTIVE', appealedAs: '420900-FY-2026-000002' });
      expect(await enforce(CODES.appealed)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'SUPERSEDED', appealedAs: CODES.appeal });
      expect(await enforce(CODES.enforcement)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'NOT_ENFORCEABLE' });
      expect(await enforce(CODES.refused)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'NOT_FILED' });
      expect(await enforce(CODES.preSuit)).toMatchObject({ code: 'INVALID_TRANSITION', status: 'FILED' });
      expect(errorOf(await courts.gql(ENFORCE, { i: { caseCode: CODES.confirmation, parties: [parties[0]] } }))).toMatchObject({ code: 'BAD_USER_INPUT', role: 'RESPONDENT' });
      expect(await enforce(CODES.confirmation)).toBeUndefined(); // a confirmation ruling is enforceable
    });
  });

  describe('judicial confirmation', () => {
    const CONFIRM = `mutation($i: CourtCaseReceiptInput!, $k: String!) { receiveCourtCase(input: $i, idempotencyKey: $k) {
      caseCode status procedure agreementSignedAt confirms { __typename caseCode } origin { __typename caseCode } } }`;
    const application = (over: Record<string, unknown> = {}) => ({
      procedure: 'JUDICIAL_CONFIRMATION',
      category: 'NEIGHBOUR',
      title: '申请司法确认人民调解协议',
      causeOfAction: '申请司法确认调解协议',
      division: '420923101',
      parties: [
        { role: 'APPLICANT', name: '李强', idNumber: ID.li },
        { role: 'APPLICANT', name: '刘敏', idNumber: ID.wife },
      ],
      confirms: '420923-SF-2026-000007',
      agreementSignedAt: '2026-10-05T10:00:00+08:00',
      origin: '420923-ZZ-2026-000004',
      ...over,
    });

    it('accepts an application within 30 days of the agreement, recording the date given', async () => {
      const res = await courts.gql(CONFIRM, { i: application(), k: 'confirm-1' });
      expect(res.errors).toBeUndefined();
      expect(res.data?.receiveCourtCase).toMatchObject({
        status: 'RECEIVED',
        procedure: 'JUDICIAL_CONFIRMATION',
        agreementSignedAt: '2026-10-05T02:00:00.000Z',
        confirms: { __typename: 'LegalAidCase', caseCode: '420923-SF-2026-000007' },
        origin: { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000004' },
      });
      const code = res.data?.receiveCourtCase.caseCode;
      const filed = await courts.gql(`mutation { fileCourtCase(caseCode: "${code}") { caseNumber dueAt } }`);
      expect(filed.data?.fileCourtCase).toEqual({ caseNumber: '（2026）鄂0923民特2号', dueAt: '2026-12-02T15:59:59.000Z' });
      expect(errorOf(await courts.gql(`mutation { closeCourtCase(caseCode: "${code}", outcome: JUDGMENT) { status } }`))).toMatchObject({ rule: 'OUTCOME_NOT_FOR_PROCEDURE' });
      expect((await courts.gql(`mutation { closeCourtCase(caseCode: "${code}", outcome: CONFIRMED) { status outcome } }`)).data?.closeCourtCase).toEqual({ status: 'CLOSED', outcome: 'CONFIRMED' });
    });

    it('refuses an application more than 30 days after signing, or without the agreement', async () => {
      const late = await courts.gql(CONFIRM, { i: application({ agreementSignedAt: '2026-10-02T10:00:00+08:00' }), k: 'confirm-late' });
      expect(errorOf(late)).toMatchObject({ code: 'RULE_VIOLATION', rule: 'CONFIRMATION_WINDOW', deadline: '2026-11-01T15:59:59.000Z' });
      const lastDay = await courts.gql(CONFIRM, { i: application({ agreementSignedAt: '2026-10-03T20:00:00+08:00' }), k: 'confirm-last-day' });
      expect(lastDay.errors).toBeUndefined();
      expect(errorOf(await courts.gql(CONFIRM, { i: application({ confirms: null }), k: 'confirm-none' }))).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'confirms' });
      expect(errorOf(await courts.gql(CONFIRM, { i: application({ agreementSignedAt: null }), k: 'confirm-no-date' }))).toMatchObject({ argumentName: 'agreementSignedAt' });
      expect(errorOf(await courts.gql(CONFIRM, { i: application({ confirms: '420923-ZZ-2026-000001' }), k: 'confirm-zz' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(errorOf(await courts.gql(CONFIRM, { i: application({ agreementSignedAt: '2026-11-05T10:00:00+08:00' }), k: 'confirm-future' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('references and people', () => {
    it('returns origin and confirms as references typed by the code’s agency', async () => {
      const res = await courts.gql(`{
        confirmation: courtCase(caseCode: "${CODES.confirmation}") { origin { __typename caseCode } confirms { __typename caseCode } }
        judged: courtCase(caseCode: "${CODES.judged}") { origin { __typename caseCode } confirms { caseCode } } }`);
      expect(res.data).toEqual({
        confirmation: { origin: { __typename: 'Dispute', caseCode: '420923-ZZ-2026-000001' }, confirms: { __typename: 'LegalAidCase', caseCode: CODES.mediation } },
        judged: { origin: { __typename: 'Dispute', caseCode: CODES.gridTicket }, confirms: null },
      });
    });

    it('declares Matter key-only, the other agencies as stubs, and no interface fields of the registry', async () => {
      const sdl: string = (await courts.gql(`{ _service { sdl } }`)).data?._service.sdl;
      // The SDL is printed with each directive on its own line.
      const oneLine = sdl.replace(/\s+/g, ' ');
      expect(oneLine).toContain('interface Matter @key(fields: "caseCode", resolvable: false) { """案件编码，如 420923-XF-2025-000123""" caseCode: ID! }');
      for (const stub of ['Dispute', 'Petition', 'PoliceIncident', 'LegalAidCase']) {
        expect(oneLine).toContain(`type ${stub} implements Matter @key(fields: "caseCode", resolvable: false)`);
      }
      expect(oneLine).toContain('type CourtCase implements Matter @key(fields: "caseCode") {');
      const start = sdl.indexOf('type CourtCase implements');
      const courtCase = sdl.slice(start, sdl.indexOf('\n}', start));
      expect(courtCase).toMatch(/^\s+caseNumber: String$/m);
      expect(courtCase).not.toMatch(/^\s+(agency|summary|related)[:(]/m);
    });

    it('lists a person’s cases, newest first, from the court’s own records', async () => {
      const res = await courts.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { courtCases { caseCode } } } }`, {
        r: [{ __typename: 'Person', id: token(ID.wife) }, { __typename: 'Person', id: 'p_nobody' }],
      });
      const [wife, nobody] = res.data?._entities as { courtCases: { caseCode: string }[] }[];
      // Three received today in the tests above (a suit and two confirmation applications), then the imported two.
      expect(wife!.courtCases).toHaveLength(5);
      expect(wife!.courtCases.slice(3)).toEqual([{ caseCode: CODES.preSuit }, { caseCode: CODES.pending }]);
      expect(nobody!.courtCases).toEqual([]);
    });

    it('resolves 100 CourtCase representations with one query on the case table', async () => {
      const known = Object.values(CODES).filter((c) => c.includes('-FY-'));
      const representations = Array.from({ length: 100 }, (_, i) => ({
        __typename: 'CourtCase',
        caseCode: known[i] ?? `420923-FY-2025-${String(i).padStart(6, '0')}`,
      }));
      courts.statements.length = 0;
      const res = await courts.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on CourtCase { caseCode caseNumber procedure court { name } } } }`, {
        r: representations,
      });
      expect(res.errors).toBeUndefined();
      const entities = res.data?._entities as ({ caseCode: string } | null)[];
      expect(entities).toHaveLength(100);
      expect(entities.slice(0, known.length).map((e) => e?.caseCode)).toEqual(known);
      expect(entities[99]).toBeNull();
      expect(courts.statements.filter((s) => /FROM court_case\b/.test(s))).toHaveLength(1);
    });

    it('loads the parties, hearings and links of a whole page with one query each', async () => {
      courts.statements.length = 0;
      const res = await courts.gql(`{ courtCases(first: 50) { nodes { caseCode parties { displayName person { id } } hearings { at } enforcedBy { caseCode }
        appealOf { caseNumber } steps { step } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data?.courtCases.nodes.length).toBeGreaterThan(20);
      const count = (pattern: RegExp) => courts.statements.filter((s) => pattern.test(s)).length;
      expect(count(/FROM court_case_party\b/)).toBe(1);
      expect(count(/FROM court_case_hearing\b/)).toBe(1);
      expect(count(/FROM court_case_step\b/)).toBe(1);
      expect(count(/WHERE reason = 'ENFORCED_BY'/)).toBe(1);
    });
  });
});
