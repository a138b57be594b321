import type {
  DisputeCategory,
  PartyRecord,
  PetitionChannel,
  PetitionDecisionOutcome,
  PetitionKind,
  Satisfaction,
} from '../../subgraphs/shared/world/records.ts';
import { buildPetition, type PetitionPlan, type ReviewPlan } from '../matters/buildPetition.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, linkBoth, minuteOf, type Draft } from '../matters/Draft.ts';
import { committeeParty, personParty, pickAdult, pickTown } from '../matters/parties.ts';
import { makeQuarrel, sideA } from '../matters/Quarrel.ts';
import { mostlyOnTime, officeInWindow } from '../matters/when.ts';
import type { Rng } from '../random/Rng.ts';
import { Weighted } from '../random/Weighted.ts';
import { DAY } from '../time/clock.ts';
import { handlingUnitFor } from './petitionUnits.ts';

const KINDS = new Weighted<PetitionKind>([['CLAIM', 75], ['ACCUSATION', 12], ['SUGGESTION', 13]]);
const CHANNELS = new Weighted<PetitionChannel>([['VISIT', 35], ['LETTER', 20], ['ONLINE', 35], ['PHONE', 10]]);
/** Petitions lean to land, labour, housing and government matters more than mediation does. */
const CLAIM_MIX = new Weighted<DisputeCategory>([
  ['LAND_HOMESTEAD', 24], ['LABOUR_WAGE', 22], ['PROPERTY_MANAGEMENT', 13], ['NEIGHBOUR', 10], ['CONTRACT_DEBT', 4],
  ['MARRIAGE_FAMILY', 2], ['MEDICAL', 7], ['CONSUMER', 5], ['TRAFFIC', 3], ['INJURY_COMPENSATION', 3], ['OTHER', 7],
]);
/** Private civil claims belong in court or arbitration (信访工作条例 arts 28, 31): most are diverted. */
const PRIVATE: ReadonlySet<DisputeCategory> = new Set(['CONTRACT_DEBT', 'MARRIAGE_FAMILY', 'TRAFFIC', 'INJURY_COMPENSATION']);
const SUGGESTIONS = [
  '建议在村口增设路灯', '建议整治集镇占道经营', '建议增加农村公交班次', '建议完善小区垃圾分类设施',
  '建议在学校周边增设减速带', '建议加快老旧小区改造进度', '建议增设便民服务窗口', '建议疏通农田灌溉渠道',
];
const ACCUSATIONS = [
  ['村干部', '侵占集体土地补偿款'], ['村干部', '在低保评定中优亲厚友'], ['工作人员', '在办理证件时违规收费'],
  ['村干部', '违规发包集体鱼塘'], ['工作人员', '对群众诉求推诿拖延'],
] as const;
const DECISION_TEXT: Readonly<Record<PetitionDecisionOutcome, string>> = {
  SUPPORTED: '经调查核实，反映情况属实，诉求合理，已责成相关单位限期解决',
  PARTLY_SUPPORTED: '经调查核实，反映问题部分属实，对合理诉求予以支持，其余诉求依据政策作出解释',
  NOT_SUPPORTED: '经调查核实，诉求缺乏事实和政策依据，不予支持，已向信访人释法明理',
};
const DECISIONS = new Weighted<PetitionDecisionOutcome>([['SUPPORTED', 35], ['PARTLY_SUPPORTED', 30], ['NOT_SUPPORTED', 35]]);

function rating(rng: Rng, outcome: PetitionDecisionOutcome): Satisfaction {
  const r = rng.next() + (outcome === 'NOT_SUPPORTED' ? 0.25 : 0);
  return r < 0.7 ? 'SATISFIED' : r < 0.9 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED';
}

/** A 复查 or 复核 request, mostly on time. */
export function reviewPlan(rng: Rng, body: string): ReviewPlan {
  return {
    requestDays: mostlyOnTime(rng, [3, 29], [3, 29], 0),
    decideDays: mostlyOnTime(rng, [10, 29], [31, 40], 0.04),
    outcome: rng.chance(0.85) ? 'UPHELD' : 'REVISED',
    body,
  };
}

/**
 * Petitions of all three kinds with their ordinary outcomes, a few repeat
 * petitions on the same facts (refused), and collective claims.
 */
export function standalonePetitions(world: CountyWorld, count: number): void {
  const { rng, county } = world;
  for (let i = 0; i < count; i++) {
    const kind = KINDS.pick(rng);
    const registeredAt = officeInWindow(world);
    const base = basePlan(world, kind, registeredAt);
    const r = rng.next();
    const diverted = kind === 'CLAIM' && (PRIVATE.has(base.category) ? r < 0.7 : r > 0.96);
    const result: PetitionPlan['result'] = diverted ? 'DIVERTED' : r < 0.06 ? 'NOT_ACCEPTED' : 'DECIDED';
    const handlingDays = rng.chance(0.06) ? rng.between(61, 88) : mostlyOnTime(rng, [15, 58], [61, 75], 0.03);
    const outcome = DECISIONS.pick(rng);
    const review = rng.chance(outcome === 'NOT_SUPPORTED' ? 0.2 : 0.05);
    const plan: PetitionPlan = {
      ...base,
      forwardDays: mostlyOnTime(rng, [1, 14], [16, 25], 0.03),
      noticeDays: mostlyOnTime(rng, [1, 14], [16, 22], 0.03),
      result,
      notAcceptedReason: '反映事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，不予受理',
      divertedTo: base.category === 'LABOUR_WAGE' ? 'ARBITRATION' : 'COURT',
      handlingDays,
      ...(handlingDays > 60 && rng.chance(0.7) ? { extension: { days: Math.min(30, handlingDays - 55), reason: '涉及多个部门，需进一步调查核实' } } : {}),
      decision: { outcome, text: DECISION_TEXT[outcome] },
      rating: rating(rng, outcome),
      ...(review ? { review: reviewPlan(rng, `${world.unitPrefix}人民政府`) } : {}),
      ...(review && rng.chance(0.35) ? { secondReview: reviewPlan(rng, `${county.cityName}人民政府`) } : {}),
    };
    const first = buildPetition(world, plan);
    if (first !== null && kind === 'CLAIM' && rng.chance(0.06)) repeat(world, first, plan);
  }
}

function basePlan(world: CountyWorld, kind: PetitionKind, registeredAt: number): Omit<PetitionPlan, 'forwardDays' | 'noticeDays' | 'result' | 'handlingDays'> {
  const { rng } = world;
  const channel = CHANNELS.pick(rng);
  const factsKey = `F-${world.county.code}-${++world.counters.facts}`;
  if (kind === 'SUGGESTION') {
    const town = pickTown(world);
    const a = pickAdult(world, town);
    const subject = rng.pick(SUGGESTIONS);
    return {
      kind, channel, factsKey, registeredAt,
      division: town.town.code,
      category: 'OTHER',
      title: `${a.name}${subject}`,
      subject,
      content: `${a.name}${subject}，方便群众生产生活。`,
      parties: [personParty(world, a, 'PETITIONER')],
      respondentUnit: null,
      handlingUnit: `${town.town.name}人民政府`,
    };
  }
  if (kind === 'ACCUSATION') {
    const town = pickTown(world);
    const a = pickAdult(world, town);
    const accused = pickAdult(world, town, (p) => p !== a);
    const [post, act] = rng.pick(ACCUSATIONS);
    const committee = committeeParty(world, town, 'RESPONDENT');
    const subject = `控告${post}${act}`;
    return {
      kind, channel, factsKey, registeredAt,
      division: town.town.code,
      category: 'OTHER',
      title: `${a.name}${subject}`,
      subject,
      content: `${a.name}控告${committee.name}${post}${accused.name}${act}，要求调查处理。`,
      parties: [personParty(world, a, 'COMPLAINANT'), personParty(world, accused, 'RESPONDENT')],
      respondentUnit: committee.name,
      handlingUnit: `${world.unitPrefix}纪律检查委员会`,
    };
  }
  const q = makeQuarrel(world, { category: CLAIM_MIX.pick(rng) });
  const petitioners: PartyRecord[] = [sideA(world, q, 'PETITIONER')];
  // Collective petitions (five or more) come from groups: unpaid workers, villagers over land, owners over housing.
  if ((q.category === 'LABOUR_WAGE' || q.category === 'LAND_HOMESTEAD' || q.category === 'PROPERTY_MANAGEMENT') && rng.chance(0.12)) {
    const n = rng.between(4, 11);
    const seen = new Set([q.a]);
    for (let k = 0; k < n; k++) {
      const p = pickAdult(world, q.town, (x) => !seen.has(x));
      seen.add(p);
      petitioners.push(personParty(world, p, 'PETITIONER'));
    }
  }
  const collective = petitioners.length >= 5;
  const subject = `反映${q.topic.short}问题`;
  return {
    kind, channel, factsKey, registeredAt,
    division: q.town.town.code,
    category: q.category,
    title: collective ? `${q.a.name}等${petitioners.length}人${subject}` : `${q.a.name}${subject}`,
    subject,
    content: `${collective ? `${q.a.name}等${petitioners.length}人` : q.a.name}反映：${collective ? q.detail : q.told}，${q.ask}。`,
    parties: petitioners,
    respondentUnit: 'org' in q.b ? q.b.org.name : null,
    handlingUnit: handlingUnitFor(world, q.category, q.town),
  };
}

/** The same petitioner comes back on the same facts and is refused (信访工作条例 art 36). */
function repeat(world: CountyWorld, first: Draft, plan: PetitionPlan): void {
  const { rng } = world;
  const closed = closedMinute(first);
  const registeredAt = closed !== null ? closed + rng.between(10, 120) * DAY : minuteOf(first.record.openedAt) + rng.between(20, 50) * DAY;
  const again = buildPetition(world, {
    ...plan,
    channel: 'VISIT',
    registeredAt,
    forwardDays: rng.between(1, 5),
    noticeDays: rng.between(1, 7),
    result: 'NOT_ACCEPTED',
    notAcceptedReason:
      closed !== null ? '同一信访事项已经办理终结，不再受理，已告知信访人' : '同一信访事项正在办理中，不重复受理，已告知信访人办理进度',
  });
  if (again === null) return;
  (again.record as { repeatOf: string | null }).repeatOf = null;
  again.refs.push({ target: first, set: (code) => ((again.record as { repeatOf: string | null }).repeatOf = code) });
  linkBoth(again, first, 'SAME_FACTS', 'SAME_FACTS');
}
