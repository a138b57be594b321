import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../subgraphs/shared/identity/idNumber.ts';
import { type PetitionsHarness, startPetitions } from '../../../support/petitionsApp.ts';
import { ID, XF } from '../../../support/tinyPetitionsWorld.ts';
import { REGISTER, claimInput, petition, register } from './petitionQueries.ts';

const li = { name: '李强', idNumber: ID.li, phone: '13700009999' };
const zhang = { name: '张伟', idNumber: ID.zhang };
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `工人${i + 1}`, idNumber: makeIdNumber('420923', '1985-01-01', 100 + i * 2) }));

describe('petitions: same facts, repeats, closed facts, collective petitions, idempotency', () => {
  let p: PetitionsHarness;
  beforeAll(async () => {
    p = await startPetitions();
    p.clock.set('2026-11-02T09:00:00+08:00');
  });
  afterAll(() => p.close());

  it('counts a repeat on the same facts (same petitioner, respondent unit and subject) and points it at the first petition', async () => {
    // The imported 000002 and its imported repeat 000005 came first; the
    // subject is written differently but normalises to the same words.
    const repeat = await register(p, {
      kind: 'SUGGESTION',
      category: 'NEIGHBOUR',
      division: '420923101',
      subject: '关于 建议修缮张湾村排水沟的问题',
      respondentUnit: '义堂镇人民政府',
      petitioners: [li],
    });
    expect(repeat).toMatchObject({ repeatCount: 2, repeatOf: { __typename: 'Petition', caseCode: XF.overdue } });
    expect(repeat.factsKey).toBe((await petition(p, XF.overdue)).factsKey);
    expect(repeat.steps[0].note).toBe(`repeat of ${XF.overdue}`);
    expect((await petition(p, XF.repeat)).repeatCount).toBe(1);
    expect((await petition(p, XF.overdue)).repeatCount).toBe(0);

    // A different subject is different facts.
    const other = await register(p, { kind: 'SUGGESTION', division: '420923101', subject: '建议硬化村道', respondentUnit: '义堂镇人民政府', petitioners: [li] });
    expect(other).toMatchObject({ repeatCount: 0, repeatOf: null });
    expect(other.factsKey).not.toBe(repeat.factsKey);
  });

  it('refuses the facts of a petition closed by a second review with ALREADY_CLOSED_FACTS naming it', async () => {
    const res = await p.gql(REGISTER, {
      input: claimInput({ subject: '征地补偿款未足额发放', respondentUnit: '城关镇人民政府', petitioners: [zhang] }),
      key: 'closed-facts-1',
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_CLOSED_FACTS', closedCaseCode: XF.closed });
    expect(res.errors?.[0]?.message).toContain(XF.closed);
    expect(res.data?.registerPetition ?? null).toBeNull();

    // Named explicitly by another petitioner: refused the same way.
    const named = await p.gql(REGISTER, { input: claimInput({ petitioners: [{ name: '刘敏', idNumber: ID.wife }], sameFactsAs: XF.closed }), key: 'closed-facts-2' });
    expect(named.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_CLOSED_FACTS', closedCaseCode: XF.closed });

    // Nothing was registered for either attempt.
    const total = await p.gql(`{ petitions(filter: { kind: CLAIM }) { totalCount } }`);
    expect(total.data?.petitions.totalCount).toBe(2);
  });

  it('takes the facts of the petition named by sameFactsAs, and refuses an unknown or malformed one', async () => {
    const joined = await register(p, { kind: 'SUGGESTION', subject: '另一种说法', petitioners: [{ name: '王五' }], sameFactsAs: XF.overdue });
    expect(joined).toMatchObject({ repeatOf: { __typename: 'Petition', caseCode: XF.overdue }, repeatCount: 3 });

    const unknown = await p.gql(REGISTER, { input: claimInput({ sameFactsAs: '420923-XF-2026-999999' }), key: 'same-unknown' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'sameFactsAs' });
    const malformed = await p.gql(REGISTER, { input: claimInput({ sameFactsAs: 'XF-1' }), key: 'same-malformed' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'sameFactsAs' });
  });

  it('flags five or more petitioners as a collective petition', async () => {
    const five = await register(p, { subject: '五人联名', petitioners: people(5) });
    expect(five).toMatchObject({ collective: true, petitionerCount: 5 });
    const four = await register(p, { subject: '四人联名', petitioners: people(4) });
    expect(four).toMatchObject({ collective: false, petitionerCount: 4 });
    expect((await petition(p, XF.diverted)).collective).toBe(true);
  });

  it('registers once per idempotency key, and refuses the key with a different request', async () => {
    const input = claimInput({ subject: '幂等登记' });
    const first = await p.gql(REGISTER, { input, key: 'window-7-0001' });
    const retry = await p.gql(REGISTER, { input, key: 'window-7-0001' });
    expect(first.errors).toBeUndefined();
    expect(retry.data?.registerPetition.caseCode).toBe(first.data?.registerPetition.caseCode);
    expect(retry.data?.registerPetition.steps).toHaveLength(1);
    const conflict = await p.gql(REGISTER, { input: { ...input, content: '改了内容' }, key: 'window-7-0001' });
    expect(conflict.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    const found = await p.gql(`{ petitions(filter: { kind: CLAIM }) { nodes { subject } } }`);
    expect((found.data?.petitions.nodes as { subject: string }[]).filter((n) => n.subject === '幂等登记')).toHaveLength(1);
  });

  it.each([
    [{ division: '420923999' }, 'division'],
    [{ petitioners: [] }, 'petitioners'],
    [{ subject: '  ' }, 'subject'],
    [{ origin: 'ZZ-2026' }, 'origin'],
    [{ petitioners: [{ name: '张三', idNumber: '420923198503161234' }] }, 'petitioners[0]'],
  ])('refuses a registration with bad input %j naming %s', async (over, argumentName) => {
    const res = await p.gql(REGISTER, { input: claimInput(over), key: `bad-${argumentName}` });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
  });

  it('names the failed part of an invalid ID number without repeating it', async () => {
    const res = await p.gql(REGISTER, { input: claimInput({ petitioners: [{ name: '张三', idNumber: '420923198503161234' }] }), key: 'bad-id' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
    expect(res.errors?.[0]?.message).not.toContain('420923198503161234');
  });
});
