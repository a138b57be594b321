import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWorldFile } from '../../../subgraphs/shared/world/readWorldFile.ts';
import {
  WORLD_FILES,
  WORLD_JOURNEYS_FILE,
  WORLD_MANIFEST_FILE,
  type CellRecord,
  type CentreLinkRecord,
  type HeaderRecord,
  type HouseholdRecord,
  type JourneyRecord,
  type MatterRecord,
  type PersonRecord,
  type WorldManifest,
} from '../../../subgraphs/shared/world/records.ts';

export type AgencyName = keyof typeof WORLD_FILES;

/** A generated world read back into memory (test worlds are small). */
export interface LoadedWorld {
  readonly headers: Map<string, HeaderRecord>;
  readonly cells: Map<string, CellRecord>;
  readonly households: Map<string, HouseholdRecord>;
  readonly persons: Map<string, PersonRecord>;
  readonly matters: Map<string, { readonly agency: AgencyName; readonly record: MatterRecord }>;
  readonly centreLinks: CentreLinkRecord[];
  readonly journeys: JourneyRecord[];
  readonly manifest: WorldManifest;
  /** Records out of file order (a household before its cell, ...), for the test to report. */
  readonly orderErrors: string[];
}

export async function loadWorld(dir: string): Promise<LoadedWorld> {
  const world: LoadedWorld = {
    headers: new Map(),
    cells: new Map(),
    households: new Map(),
    persons: new Map(),
    matters: new Map(),
    centreLinks: [],
    journeys: JSON.parse(await readFile(join(dir, WORLD_JOURNEYS_FILE), 'utf8')) as JourneyRecord[],
    manifest: JSON.parse(await readFile(join(dir, WORLD_MANIFEST_FILE), 'utf8')) as WorldManifest,
    orderErrors: [],
  };
  for (const [agency, file] of Object.entries(WORLD_FILES) as [AgencyName, string][]) {
    let first = true;
    for await (const r of readWorldFile<{ t: string } & Record<string, unknown>>(join(dir, file))) {
      if (first) {
        if (r.t !== 'header') world.orderErrors.push(`${file} does not start with a header`);
        else world.headers.set(file, r as unknown as HeaderRecord);
        first = false;
        continue;
      }
      switch (r.t) {
        case 'cell': {
          const c = r as unknown as CellRecord;
          world.cells.set(c.code, c);
          break;
        }
        case 'household': {
          const h = r as unknown as HouseholdRecord;
          if (!world.cells.has(h.cell)) world.orderErrors.push(`household ${h.id} before its cell`);
          world.households.set(h.id, h);
          break;
        }
        case 'person': {
          const p = r as unknown as PersonRecord;
          if (!world.households.has(p.household)) world.orderErrors.push(`person before household ${p.household}`);
          if (world.persons.has(p.idNumber)) world.orderErrors.push(`duplicate ID number in register`);
          world.persons.set(p.idNumber, p);
          break;
        }
        case 'link':
          world.centreLinks.push(r as unknown as CentreLinkRecord);
          break;
        default: {
          const m = r as unknown as MatterRecord;
          if (world.matters.has(m.caseCode)) world.orderErrors.push(`duplicate case code ${m.caseCode}`);
          world.matters.set(m.caseCode, { agency, record: m });
        }
      }
    }
  }
  return world;
}
