import type { DisputeCategory, DisputeTier } from '../../subgraphs/shared/world/records.ts';
import type { CountyWorld } from './CountyWorld.ts';
import type { Quarrel } from './Quarrel.ts';

/** County departments that take dispatched tickets of a category at county tier. */
const COUNTY_UNITS: Readonly<Record<DisputeCategory, string>> = {
  NEIGHBOUR: '人民调解委员会',
  MARRIAGE_FAMILY: '妇女联合会',
  CONTRACT_DEBT: '人民调解委员会',
  LABOUR_WAGE: '人力资源和社会保障局',
  LAND_HOMESTEAD: '自然资源和规划局',
  INJURY_COMPENSATION: '人民调解委员会',
  TRAFFIC: '道路交通事故纠纷人民调解委员会',
  PROPERTY_MANAGEMENT: '住房和城乡建设局',
  MEDICAL: '医疗纠纷人民调解委员会',
  CONSUMER: '市场监督管理局',
  OTHER: '综治中心',
};

/** The unit a ticket is dispatched to at a tier: village committee, town justice office, or a county department. */
export function unitFor(world: CountyWorld, q: Quarrel, tier: DisputeTier): string {
  if (tier === 'VILLAGE') {
    const village = q.cell?.villageName ?? `${q.town.town.shortName}村`;
    return `${q.town.town.name}${village}人民调解委员会`;
  }
  if (tier === 'TOWN') {
    return world.rng.chance(0.6) ? `${q.town.town.name}司法所` : `${q.town.town.name}人民调解委员会`;
  }
  return `${world.unitPrefix}${COUNTY_UNITS[q.category]}`;
}
