import type { DisputeCategory } from '../../subgraphs/shared/world/records.ts';
import type { CountyWorld } from '../matters/CountyWorld.ts';
import type { TownPool } from '../population/TownPool.ts';

const DEPARTMENT: Partial<Record<DisputeCategory, string>> = {
  LABOUR_WAGE: '人力资源和社会保障局',
  LAND_HOMESTEAD: '自然资源和规划局',
  PROPERTY_MANAGEMENT: '住房和城乡建设局',
  MEDICAL: '卫生健康局',
  CONSUMER: '市场监督管理局',
  TRAFFIC: '公安局交通警察大队',
};

/** The unit a petition on a category is forwarded to: a county department, or the town government. */
export function handlingUnitFor(world: CountyWorld, category: DisputeCategory, town: TownPool): string {
  const department = DEPARTMENT[category];
  return department === undefined ? `${town.town.name}人民政府` : `${world.unitPrefix}${department}`;
}
