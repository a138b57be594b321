import type { DisputeCategory } from '../../subgraphs/shared/world/records.ts';
import { buildPetition, type PetitionPlan } from '../matters/buildPetition.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, linkBoth } from '../matters/Draft.ts';
import { personParty } from '../matters/parties.ts';
import { makeQuarrel } from '../matters/Quarrel.ts';
import { DAY } from '../time/clock.ts';
import { handlingUnitFor } from '../standalone/petitionUnits.ts';
import { journeyStart, step, type JourneyDraft } from './Journey.ts';

const CATEGORIES: readonly DisputeCategory[] = ['LAND_HOMESTEAD', 'LAND_HOMESTEAD', 'LABOUR_WAGE', 'PROPERTY_MANAGEMENT', 'OTHER'];

/**
 * A claim through every step of 信访工作条例: register → forward (15 days)
 * → acceptance notice (15) → handling (60, sometimes extended by up to 30)
 * → written decision → 复查 → 复核 → closed; most petitioners then come back
 * on the same facts and are refused.
 */
export function petitionReview(world: CountyWorld): JourneyDraft {
  const { rng, county, unitPrefix } = world;
  const q = makeQuarrel(world, { category: rng.pick(CATEGORIES) });
  const j: JourneyDraft = { kind: 'PETITION_REVIEW', persons: [q.a], drafts: [], complete: false };
  const handlingDays = rng.chance(0.2) ? rng.between(62, 85) : rng.between(20, 58);
  const subject = `反映${q.topic.short}问题`;
  const plan: PetitionPlan = {
    kind: 'CLAIM',
    channel: rng.chance(0.5) ? 'VISIT' : 'ONLINE',
    division: q.town.town.code,
    category: q.category,
    title: `${q.a.name}${subject}`,
    subject,
    content: `${q.a.name}反映：${q.told}，${q.ask}。`,
    parties: [personParty(world, q.a, 'PETITIONER', true)],
    respondentUnit: 'org' in q.b ? q.b.org.name : null,
    handlingUnit: handlingUnitFor(world, q.category, q.town),
    factsKey: `F-${county.code}-${++world.counters.facts}`,
    registeredAt: journeyStart(world, 300),
    forwardDays: rng.between(1, 14),
    noticeDays: rng.between(1, 14),
    result: 'DECIDED',
    handlingDays,
    ...(handlingDays > 60 ? { extension: { days: 30, reason: '涉及历史遗留问题，需多部门联合调查' } } : {}),
    decision: { outcome: rng.chance(0.6) ? 'NOT_SUPPORTED' : 'PARTLY_SUPPORTED', text: '经调查核实，对符合政策的部分予以支持，其余诉求不予支持' },
    rating: 'DISSATISFIED',
    review: { requestDays: rng.between(5, 29), decideDays: rng.between(10, 29), outcome: 'UPHELD', body: `${unitPrefix}人民政府` },
    secondReview: { requestDays: rng.between(5, 29), decideDays: rng.between(10, 29), outcome: 'UPHELD', body: `${county.cityName}人民政府` },
  };
  const petition = buildPetition(world, plan);
  if (!step(j, petition)) return j;
  const closed = closedMinute(petition);
  j.complete = petition.record.summaryStatus === 'RESOLVED' && (petition.record as { status: string }).status === 'CLOSED';
  if (!j.complete || closed === null || !rng.chance(0.6)) return j;

  const again = buildPetition(world, {
    ...plan,
    channel: 'VISIT',
    registeredAt: closed + rng.between(15, 90) * DAY,
    forwardDays: rng.between(1, 5),
    noticeDays: rng.between(1, 7),
    result: 'NOT_ACCEPTED',
    notAcceptedReason: '同一信访事项已经复核终结，不再受理（信访工作条例第三十六条），已告知信访人',
  });
  if (!step(j, again)) return j;
  again.refs.push({ target: petition, set: (code) => ((again.record as { repeatOf: string | null }).repeatOf = code) });
  linkBoth(again, petition, 'SAME_FACTS', 'SAME_FACTS');
  return j;
}
