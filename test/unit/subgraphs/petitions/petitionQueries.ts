// GraphQL documents and helpers shared by the petitions tests.
import type { PetitionsHarness } from '../../../support/petitionsApp.ts';

export const PETITION_FIELDS = `caseCode kind status dueAt closedAt overdue repeatCount collective petitionerCount factsKey
  registeredAt forwardedAt acceptanceNoticeAt handlingUnit forwardMode accepted notAcceptedReason rating
  deadlines { forwardDueAt acceptanceNoticeDueAt handlingDueAt reviewRequestDeadline reviewDueAt secondReviewRequestDeadline secondReviewDueAt }
  extension { grantedAt days reason }
  decision { decidedAt outcome text }
  review { requestedAt body dueAt decidedAt outcome text }
  secondReview { requestedAt body dueAt decidedAt outcome text }
  diversion { to at reason followUp { __typename caseCode } }
  repeatOf { __typename caseCode }
  origin { __typename caseCode }
  steps { step at actor note }`;

export const REGISTER = `mutation($input: PetitionRegistrationInput!, $key: String!) {
  registerPetition(input: $input, idempotencyKey: $key) { ${PETITION_FIELDS} } }`;

export function claimInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'CLAIM',
    channel: 'VISIT',
    category: 'LAND_HOMESTEAD',
    subject: '反映宅基地确权问题',
    content: '宅基地证迟迟未发',
    petitioners: [{ name: '吴芳', idNumber: '420923199002030776' }],
    respondentUnit: '城关镇人民政府',
    division: '420923100',
    ...over,
  };
}

let keys = 0;

/** Registers a petition and returns it; fails the test on any error. */
export async function register(p: PetitionsHarness, over: Record<string, unknown> = {}, actor = 'clerk-li'): Promise<Record<string, any>> {
  const res = await p.gql(REGISTER, { input: claimInput(over), key: `key-${++keys}` }, actor);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.registerPetition;
}

/** Runs one step mutation (`name(caseCode: …, args)`) and returns the answer. */
export function step(p: PetitionsHarness, name: string, caseCode: string, args = '', actor = 'handler-wang') {
  return p.gql(`mutation($c: ID!) { ${name}(caseCode: $c${args ? `, ${args}` : ''}) { ${PETITION_FIELDS} } }`, { c: caseCode }, actor);
}

/** Runs a step that must succeed and returns the petition after it. */
export async function ok(p: PetitionsHarness, name: string, caseCode: string, args = '', actor = 'handler-wang'): Promise<Record<string, any>> {
  const res = await step(p, name, caseCode, args, actor);
  if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
  return res.data![name];
}

export async function petition(p: PetitionsHarness, caseCode: string): Promise<Record<string, any>> {
  const res = await p.gql(`query($c: ID!) { petition(caseCode: $c) { ${PETITION_FIELDS} } }`, { c: caseCode });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.petition;
}
