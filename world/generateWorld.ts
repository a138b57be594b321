import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Agency } from '../subgraphs/shared/codes/agency.ts';
import { AGENCIES } from '../subgraphs/shared/codes/agency.ts';
import {
  JOURNEY_KINDS,
  WORLD_FILES,
  WORLD_FORMAT_VERSION,
  WORLD_JOURNEYS_FILE,
  WORLD_MANIFEST_FILE,
  type HeaderRecord,
  type JourneyKind,
  type JourneyRecord,
  type WorldFileInfo,
  type WorldFileName,
  type WorldManifest,
} from '../subgraphs/shared/world/records.ts';
import { apportion } from './apportion.ts';
import { generateCounty } from './generateCounty.ts';
import { COUNTIES } from './geo/counties.ts';
import { NdjsonWriter } from './output/NdjsonWriter.ts';
import { IdAllocator } from './population/IdAllocator.ts';
import { PhoneAllocator } from './population/PhoneAllocator.ts';
import type { TownCounts } from './population/generateTown.ts';
import { Rng } from './random/Rng.ts';
import { DAY, dayOf, dayOfDate, formatDay, startOfDay } from './time/clock.ts';
import { JOURNEY_RATES, MIN_JOURNEYS, WINDOW_DAYS } from './volumes.ts';

/**
 * The default as-of date. Fixed, not "today": the same arguments must give
 * the same bytes on any day (tests compare runs, CI caches worlds), and
 * deadlines and overdue flags in the data are relative to it. Nothing in
 * the world happens on or after this day.
 */
export const DEFAULT_AS_OF = '2026-11-01';

export interface GenerateWorldOptions {
  readonly people: number;
  readonly seed: number;
  /** Output directory; created if missing. */
  readonly out: string;
  /** YYYY-MM-DD; default {@link DEFAULT_AS_OF}. */
  readonly asOf?: string;
}

export interface WorldSummary {
  readonly people: number;
  readonly households: number;
  readonly cells: number;
  readonly centreLinks: number;
  readonly matters: Readonly<Record<Agency, number>>;
  readonly journeys: Readonly<Record<JourneyKind, number>>;
  /** Lines written over all NDJSON files (headers included). */
  readonly records: number;
  /** Bytes written over all files. */
  readonly bytes: number;
  /** Wall time of the run in milliseconds (reported, never written to the files). */
  readonly elapsedMs: number;
  readonly files: Readonly<Record<WorldFileName | typeof WORLD_JOURNEYS_FILE, WorldFileInfo>>;
}

function validate(options: GenerateWorldOptions): string {
  const { people, seed } = options;
  if (!Number.isInteger(people) || people < 100 || people > 20_000_000) {
    throw new RangeError('people must be an integer from 100 to 20,000,000');
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new RangeError('seed must be an integer from 0 to 4294967295');
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || formatDay(dayOfDate(asOf)) !== asOf) throw new RangeError('asOf must be a real date YYYY-MM-DD');
  if (asOf < '2003-01-01') throw new RangeError('asOf must be 2003-01-01 or later (case codes start in 2000; the window is two years)');
  return asOf;
}

/**
 * Writes a deterministic synthetic world (subgraphs/shared/world/records.ts)
 * under `out`: the same options give byte-identical files.
 */
export async function generateWorld(options: GenerateWorldOptions): Promise<WorldSummary> {
  const started = performance.now();
  const asOfDate = validate(options);
  const { people, seed, out } = options;
  await mkdir(out, { recursive: true });

  const asOfDay = dayOfDate(asOfDate);
  const asOf = startOfDay(asOfDay);
  const windowStart = asOf - WINDOW_DAYS * DAY;
  const writers = Object.fromEntries(AGENCIES.map((a) => [a, new NdjsonWriter(join(out, WORLD_FILES[a]))])) as Record<Agency, NdjsonWriter>;
  for (const agency of AGENCIES) {
    const header: HeaderRecord = { t: 'header', format: WORLD_FORMAT_VERSION, synthetic: true, file: WORLD_FILES[agency], seed, people, asOf: asOfDate };
    writers[agency].line(JSON.stringify(header));
  }

  const ids = new IdAllocator(asOfDay - 1);
  const phones = new PhoneAllocator(new Rng(`${seed}|phones`));
  const countyPeople = apportion(people, COUNTIES.map((c) => c.weight));
  const journeysPerCounty = new Map<JourneyKind, number[]>();
  for (const kind of JOURNEY_KINDS) {
    const total = Math.max(MIN_JOURNEYS, Math.round(people * JOURNEY_RATES[kind]));
    journeysPerCounty.set(kind, apportion(total, countyPeople));
  }

  const counts: TownCounts = { people: 0, households: 0, cells: 0 };
  const matters: Record<Agency, number> = { GRID: 0, PETITIONS: 0, POLICE: 0, COURTS: 0, LEGAL_AID: 0 };
  const journeyCounts = Object.fromEntries(JOURNEY_KINDS.map((k) => [k, 0])) as Record<JourneyKind, number>;
  const journeys: JourneyRecord[] = [];
  let centreLinks = 0;

  for (const [i, county] of COUNTIES.entries()) {
    const result = await generateCounty(
      {
        seed,
        county,
        people: countyPeople[i] ?? 0,
        journeys: Object.fromEntries(JOURNEY_KINDS.map((k) => [k, journeysPerCounty.get(k)?.[i] ?? 0])) as Record<JourneyKind, number>,
        asOf,
        windowStart,
        ids,
        phones,
        writers,
      },
      counts,
    );
    for (const a of AGENCIES) matters[a] += result.matters[a];
    centreLinks += result.centreLinks;
    for (const j of result.journeys) {
      journeys.push({ id: `J${String(journeys.length + 1).padStart(6, '0')}`, ...j });
      journeyCounts[j.kind]++;
    }
  }

  const files: Partial<Record<WorldFileName | typeof WORLD_JOURNEYS_FILE, WorldFileInfo>> = {};
  for (const agency of AGENCIES) files[WORLD_FILES[agency]] = await writers[agency].close();
  const journeysText = `[\n${journeys.map((j) => JSON.stringify(j)).join(',\n')}\n]\n`;
  const journeysBytes = Buffer.from(journeysText, 'utf8');
  await writeFile(join(out, WORLD_JOURNEYS_FILE), journeysBytes);
  files[WORLD_JOURNEYS_FILE] = { records: journeys.length, bytes: journeysBytes.length, sha256: createHash('sha256').update(journeysBytes).digest('hex') };
  const allFiles = files as Record<WorldFileName | typeof WORLD_JOURNEYS_FILE, WorldFileInfo>;

  const manifest: WorldManifest = {
    format: WORLD_FORMAT_VERSION,
    synthetic: true,
    arguments: { people, seed, asOf: asOfDate },
    asOf: asOfDate,
    window: { from: formatDay(dayOf(windowStart)), to: asOfDate },
    counts: { people: counts.people, households: counts.households, cells: counts.cells, centreLinks, matters },
    journeys: journeyCounts,
    files: allFiles,
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(join(out, WORLD_MANIFEST_FILE), manifestText);

  const ndjson = AGENCIES.map((a) => allFiles[WORLD_FILES[a]]);
  return {
    people: counts.people,
    households: counts.households,
    cells: counts.cells,
    centreLinks,
    matters,
    journeys: journeyCounts,
    records: ndjson.reduce((s, f) => s + f.records, 0),
    bytes: ndjson.reduce((s, f) => s + f.bytes, 0) + journeysBytes.length + Buffer.byteLength(manifestText),
    elapsedMs: performance.now() - started,
    files: allFiles,
  };
}
