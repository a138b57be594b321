import { createHash } from 'node:crypto';
import { copyFileSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SUBGRAPHS, type SubgraphName } from '../../schema/subgraphList.ts';
import { generateWorld } from '../../world/generateWorld.ts';
import { repositoryRoot } from '../e2e/support/startProcess.ts';
import type { ProcessSet } from './ProcessSet.ts';
import { startFleet } from './startFleet.ts';

export interface BenchWorld {
  dir: string;
  people: number;
  seed: number;
  /** The generator's run that wrote this world (cached with it). */
  generation: { elapsedMs: number; records: number; bytes: number; peoplePerSecond: number; recordsPerSecond: number };
  generatedNow: boolean;
}

export interface BenchDatabases {
  dir: string;
  /** From the first start on an empty store until every subgraph answered and every outbox event reached the registry. */
  importMs: number;
  /** Per subgraph: spawn until /health (its own import and start-up). */
  readyMs: Record<SubgraphName, number>;
  /** After /health, until the registry had every agency's matters. */
  feedMs: number;
  builtNow: boolean;
}

const WORLD_MARK = 'bench-world.json';
const DB_MARK = 'bench-db.json';

/**
 * The benchmark world, generated once into `<cache>/world-<people>-<seed>`
 * and reused: the generator is deterministic, so a cached world is the world
 * these arguments give. The mark is written last: a half-written world is
 * regenerated.
 */
export async function ensureWorld(cache: string, people: number, seed: number, log: (m: string) => void): Promise<BenchWorld> {
  const dir = resolve(cache, `world-${people}-${seed}`);
  const mark = join(dir, WORLD_MARK);
  if (existsSync(mark)) return { dir, people, seed, ...(JSON.parse(readFileSync(mark, 'utf8')) as Omit<BenchWorld, 'dir' | 'people' | 'seed' | 'generatedNow'>), generatedNow: false };
  rmSync(dir, { recursive: true, force: true });
  log(`generating the world: ${people} people, seed ${seed} → ${dir}`);
  const s = await generateWorld({ people, seed, out: dir });
  const seconds = s.elapsedMs / 1000;
  const generation = {
    elapsedMs: Math.round(s.elapsedMs),
    records: s.records,
    bytes: s.bytes,
    peoplePerSecond: Math.round(s.people / seconds),
    recordsPerSecond: Math.round(s.records / seconds),
  };
  writeFileSync(mark, `${JSON.stringify({ generation }, null, 2)}\n`);
  return { dir, people, seed, generation, generatedNow: true };
}

/**
 * A hash of every subgraph source file: a store imported by other code may
 * hold other rows or another schema, so any change there rebuilds it.
 */
function subgraphSourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|graphql|sql)$/.test(entry.name)) hash.update(relative(repositoryRoot, path)).update('\0').update(readFileSync(path));
    }
  };
  walk(join(repositoryRoot, 'subgraphs'));
  return hash.digest('hex').slice(0, 10);
}

/** Events in an agency's outbox the registry has not acknowledged yet (0 for a store without an outbox). */
function pendingEvents(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").get();
    return table ? (db.prepare('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

/**
 * The five subgraphs' stores for a world, built once into
 * `<cache>/db-<people>-<seed>-<source hash>` and reused: the subgraphs import
 * the world on their first start, the agencies' outboxes feed the registry,
 * then they close cleanly (WAL checkpointed). Builds for older sources of
 * the same world are removed (a million-person set is large).
 */
export async function ensureDatabases(cache: string, world: BenchWorld, processes: ProcessSet, log: (m: string) => void): Promise<BenchDatabases> {
  const prefix = `db-${world.people}-${world.seed}-`;
  const dir = resolve(cache, `${prefix}${subgraphSourceHash()}`);
  const mark = join(dir, DB_MARK);
  if (existsSync(mark)) return { dir, ...(JSON.parse(readFileSync(mark, 'utf8')) as Omit<BenchDatabases, 'dir' | 'builtNow'>), builtNow: false };
  for (const entry of readdirSync(resolve(cache))) if (entry.startsWith(prefix)) rmSync(resolve(cache, entry), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(world.dir, join(dir, 'world'));
  log(`importing the world into the five subgraphs' stores (once per world and subgraph source) → ${dir}`);
  const t0 = performance.now();
  const fleet = await startFleet(processes, dir, { readyTimeoutMs: 3 * 3600_000 });
  const t1 = performance.now();
  try {
    const deadline = Date.now() + 3 * 3600_000;
    for (;;) {
      const pending = SUBGRAPHS.reduce((n, s) => n + pendingEvents(join(dir, s.name, `${s.name}.db`)), 0);
      if (pending === 0) break;
      if (Date.now() > deadline) throw new Error(`the registry feed did not drain (${pending} events pending)`);
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await fleet.stop();
  }
  const built: Omit<BenchDatabases, 'dir' | 'builtNow'> = {
    importMs: Math.round(performance.now() - t0),
    readyMs: Object.fromEntries(Object.entries(fleet.readyMs).map(([k, v]) => [k, Math.round(v)])) as Record<SubgraphName, number>,
    feedMs: Math.round(performance.now() - t1),
  };
  writeFileSync(mark, `${JSON.stringify(built, null, 2)}\n`);
  return { dir, ...built, builtNow: true };
}

/**
 * A run's own copy of the built stores (a clone where the file system can,
 * a copy otherwise), so nothing a run writes leaks into the next one.
 */
export function copyDatabases(databases: BenchDatabases, world: BenchWorld, dataDir: string): number {
  const t0 = performance.now();
  mkdirSync(dataDir, { recursive: true });
  symlinkSync(world.dir, join(dataDir, 'world'));
  for (const s of SUBGRAPHS) {
    mkdirSync(join(dataDir, s.name), { recursive: true });
    for (const file of readdirSync(join(databases.dir, s.name))) {
      copyFileSync(join(databases.dir, s.name, file), join(dataDir, s.name, file), constants.COPYFILE_FICLONE);
    }
  }
  return Math.round(performance.now() - t0);
}
