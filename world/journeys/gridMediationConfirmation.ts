import type { DisputeCategory } from '../../subgraphs/shared/world/records.ts';
import { buildDispute } from '../matters/buildDispute.ts';
import { buildMediation } from '../matters/buildMediation.ts';
import { confirmAgreement } from '../matters/confirmAgreement.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import { closedMinute, setOrigin } from '../matters/Draft.ts';
import { personParty } from '../matters/parties.ts';
import { makeQuarrel, sideB } from '../matters/Quarrel.ts';
import { unitFor } from '../matters/units.ts';
import { nextOfficeTime, officeTime } from '../time/officeHours.ts';
import { resolutionText } from '../standalone/standaloneDisputes.ts';
import { journeyStart, step, type JourneyDraft } from './Journey.ts';

const CATEGORIES: readonly DisputeCategory[] = ['NEIGHBOUR', 'NEIGHBOUR', 'LAND_HOMESTEAD', 'CONTRACT_DEBT', 'INJURY_COMPENSATION', 'MARRIAGE_FAMILY'];

/**
 * A grid worker finds a quarrel on patrol → the village mediation committee
 * settles it in a day or two → both parties ask the court to confirm the
 * agreement (民特) within the 30 days of 人民调解法 art 33.
 */
export function gridMediationConfirmation(world: CountyWorld): JourneyDraft {
  const { rng, staff } = world;
  const q = makeQuarrel(world, { category: rng.pick(CATEGORIES) });
  const persons = 'person' in q.b ? [q.a, q.b.person] : [q.a];
  const j: JourneyDraft = { kind: 'GRID_MEDIATION_CONFIRMATION', persons, drafts: [], complete: false };
  const a = personParty(world, q.a, 'APPLICANT', true);
  const b = 'person' in q.b ? personParty(world, q.b.person, 'RESPONDENT', true) : sideB(world, q, 'RESPONDENT');
  const unit = unitFor(world, q, 'VILLAGE');

  const opened = journeyStart(world, 60);
  const mediationOpened = nextOfficeTime(rng, opened);
  const agreedAt = Math.max(officeTime(rng, mediationOpened, rng.between(0, 2)), mediationOpened + 30);
  const ticket = buildDispute(world, {
    quarrel: q,
    channel: 'GRID_PATROL',
    tier: 'VILLAGE',
    severity: 'ORDINARY',
    parties: [a, b],
    openedAt: opened,
    outcome: 'RESOLVE',
    outcomeAt: agreedAt + 20 + rng.int(100),
    resolution: `经${unit}调解，双方签订人民调解协议书`,
    unit,
  });
  if (!step(j, ticket)) return j;

  const amount = q.amount === null ? null : Math.round((q.amount * 0.8) / 100) * 100;
  const mediation = buildMediation(world, {
    division: q.town.town.code,
    category: q.category,
    title: `${q.title}调解`,
    parties: [a, b],
    appliedAt: mediationOpened,
    organization: unit,
    mediator: rng.pick(staff.mediators[q.town.index] ?? staff.centre),
    days: 0,
    endAt: agreedAt,
    result: 'AGREEMENT',
    terms: resolutionText(q),
    amountYuan: amount,
  });
  if (!step(j, mediation)) return j;
  setOrigin(mediation, ticket);
  if (closedMinute(mediation) === null) return j;

  const confirmation = confirmAgreement(world, mediation, rng.between(2, 28));
  if (!step(j, confirmation)) return j;
  j.complete = closedMinute(confirmation) !== null;
  return j;
}
