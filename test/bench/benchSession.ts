import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AGENCIES } from '../../subgraphs/shared/codes/agency.ts';
import type { WorldManifest } from '../../subgraphs/shared/world/records.ts';
import { type BenchDatabases, type BenchWorld, copyDatabases, ensureDatabases, ensureWorld } from './benchWorld.ts';
import { num } from './formatReport.ts';
import { ProcessSet } from './ProcessSet.ts';

/** A world with its built stores and a run's own copy of them. */
export interface PreparedWorld {
  world: BenchWorld;
  databases: BenchDatabases;
  runDir: string;
  dataDir: string;
  copyMs: number;
  matters: number;
  /** Removes the run's copy. */
  dispose(): void;
}

export const stamp = (date: Date): string => date.toISOString().slice(0, 19).replaceAll(':', '-');

/** Generates (once) the world, builds (once) its stores, and copies them for this run under `<cache>/run-<stamp>-<people>`. */
export async function prepareWorld(cache: string, people: number, seed: number, processes: ProcessSet, log: (m: string) => void): Promise<PreparedWorld> {
  const dir = resolve(cache);
  mkdirSync(dir, { recursive: true });
  const world = await ensureWorld(dir, people, seed, log);
  const g = world.generation;
  log(`world ${world.dir}: ${world.generatedNow ? 'generated' : 'cached'} (${num(g.elapsedMs / 1000, 1)} s, ${num(g.peoplePerSecond)} people/s)`);
  const databases = await ensureDatabases(dir, world, processes, log);
  log(`stores ${databases.dir}: ${databases.builtNow ? 'built' : 'cached'} (import ${num(databases.importMs / 1000, 1)} s)`);
  const runDir = join(dir, `run-${stamp(new Date())}-${people}`);
  const dispose = ProcessSet.scratch(runDir);
  const dataDir = join(runDir, 'data');
  const copyMs = copyDatabases(databases, world, dataDir);
  const manifest = JSON.parse(readFileSync(join(world.dir, 'manifest.json'), 'utf8')) as WorldManifest;
  return {
    world,
    databases,
    runDir,
    dataDir,
    copyMs,
    matters: AGENCIES.reduce((n, a) => n + manifest.counts.matters[a], 0),
    dispose,
  };
}

/** Lines for the report header about the world and its stores. */
export function worldLines(p: PreparedWorld): string[] {
  const g = p.world.generation;
  const d = p.databases;
  return [
    `World: ${num(p.world.people)} people, seed ${p.world.seed}, ${num(p.matters)} matters; generated ${p.world.generatedNow ? 'for this run' : 'earlier (cached)'} in ${num(g.elapsedMs / 1000, 1)} s (${num(g.peoplePerSecond)} people/s, ${num(g.recordsPerSecond)} records/s)`,
    `Stores: imported ${d.builtNow ? 'for this run' : 'earlier (cached)'} in ${num(d.importMs / 1000, 1)} s (to ready: ${Object.entries(d.readyMs).map(([k, v]) => `${k} ${num(v / 1000, 1)} s`).join(', ')}; registry feed ${num(d.feedMs / 1000, 1)} s); this run's copy ${num(p.copyMs)} ms`,
  ];
}

export function writeResults(cache: string, date: Date, prefix: string, json: unknown, markdown: string): { json: string; markdown: string } {
  const base = join(resolve(cache), `${prefix}-${stamp(date)}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${markdown}\n`);
  return { json: `${base}.json`, markdown: `${base}.md` };
}
