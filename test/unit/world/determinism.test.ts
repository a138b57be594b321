import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorld } from '../../../world/generateWorld.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'onewindow-world-'));
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('generateWorld determinism', () => {
  it('writes byte-identical files for the same arguments, and different ones for another seed', async () => {
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    await generateWorld({ people: 2_000, seed: 7, out: a });
    await generateWorld({ people: 2_000, seed: 7, out: b });
    await generateWorld({ people: 2_000, seed: 8, out: c });

    const files = (await readdir(a)).sort();
    expect(files).toEqual(['courts.ndjson', 'grid.ndjson', 'journeys.json', 'legalaid.ndjson', 'manifest.json', 'petitions.ndjson', 'police.ndjson']);
    expect((await readdir(b)).sort()).toEqual(files);
    for (const file of files) {
      const [x, y] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
      expect(x.equals(y), `${file} differs between two runs with the same arguments`).toBe(true);
    }
    for (const file of ['grid.ndjson', 'police.ndjson', 'journeys.json']) {
      const [x, z] = await Promise.all([readFile(join(a, file)), readFile(join(c, file))]);
      expect(x.equals(z), `${file} is the same for seeds 7 and 8`).toBe(false);
    }
  });

  it('does not depend on the output directory or the clock: the manifest names neither', async () => {
    const dir = await tempDir();
    await generateWorld({ people: 500, seed: 1, out: dir });
    const manifest = await readFile(join(dir, 'manifest.json'), 'utf8');
    expect(manifest).not.toContain(dir);
    const parsed = JSON.parse(manifest) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['arguments', 'asOf', 'counts', 'files', 'format', 'journeys', 'synthetic', 'window']);
    expect(parsed).toMatchObject({ arguments: { people: 500, seed: 1, asOf: '2026-11-01' }, synthetic: true });
  });

  it('has a few journeys of every kind even in a 1,000-person world', async () => {
    const dir = await tempDir();
    const summary = await generateWorld({ people: 1_000, seed: 3, out: dir });
    for (const [kind, n] of Object.entries(summary.journeys)) expect(n, kind).toBeGreaterThanOrEqual(3);
  });

  it('rejects impossible arguments with a clear error', async () => {
    const dir = await tempDir();
    await expect(generateWorld({ people: 10, seed: 1, out: dir })).rejects.toThrow(/people/);
    await expect(generateWorld({ people: 1000, seed: -1, out: dir })).rejects.toThrow(/seed/);
    await expect(generateWorld({ people: 1000, seed: 1, out: dir, asOf: '2026-02-30' })).rejects.toThrow(/asOf/);
  });
});
