import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorldFile } from '../../../subgraphs/shared/world/readWorldFile.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onewindow-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readWorldFile', () => {
  it('yields each record in order, skipping blank lines, with Chinese text intact', async () => {
    const path = join(dir, 'ok.ndjson');
    await writeFile(path, '{"t":"header","n":1}\n\n{"t":"person","name":"张伟"}\r\n{"t":"x"}\n');
    expect(await collect(readWorldFile<{ t: string }>(path))).toEqual([{ t: 'header', n: 1 }, { t: 'person', name: '张伟' }, { t: 'x' }]);
  });

  it('streams large files without reading them whole, and stops early when asked', async () => {
    const path = join(dir, 'big.ndjson');
    const lines = Array.from({ length: 50_000 }, (_, i) => JSON.stringify({ t: 'n', i, pad: '网格'.repeat(20) }));
    await writeFile(path, `${lines.join('\n')}\n`);
    let count = 0;
    for await (const r of readWorldFile<{ i: number }>(path)) {
      expect(r.i).toBe(count);
      if (++count === 10) break;
    }
    expect(count).toBe(10);
    expect((await collect(readWorldFile(path))).length).toBe(50_000);
  });

  it('names the file and line of a record that is not JSON', async () => {
    const path = join(dir, 'bad.ndjson');
    await writeFile(path, '{"t":"a"}\n{"t":\n');
    await expect(collect(readWorldFile(path))).rejects.toThrow(/bad\.ndjson:2: not a JSON record/);
  });

  it('fails clearly when the file does not exist', async () => {
    await expect(collect(readWorldFile(join(dir, 'missing.ndjson')))).rejects.toThrow(/ENOENT/);
  });
});
