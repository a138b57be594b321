import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { summaryLoader } from '../../../../../subgraphs/shared/store/summaryLoader.ts';

interface Row {
  caseCode: string;
  title: string;
  detail: string;
}

const ROWS: Record<string, Row> = {
  a: { caseCode: 'a', title: 'A', detail: 'a…' },
  b: { caseCode: 'b', title: 'B', detail: 'b…' },
  c: { caseCode: 'c', title: 'C', detail: 'c…' },
};

function loaders() {
  const reads: string[][] = [];
  const wholeRows = new Map<string, Promise<Row | undefined>>();
  const whole = new DataLoader(async (codes: readonly string[]) => codes.map((c) => ROWS[c]), { cacheMap: wholeRows });
  const summary = summaryLoader(wholeRows, (codes) => {
    reads.push([...codes]);
    return codes.map((c) => (ROWS[c] ? { caseCode: c, title: ROWS[c].title } : undefined));
  });
  return { whole, summary, reads };
}

describe('summaryLoader', () => {
  it('reads the summaries of one batch in one call, in key order, undefined for an unknown key', async () => {
    const { summary, reads } = loaders();
    expect(await Promise.all(['c', 'x', 'a'].map((k) => summary.load(k)))).toEqual([{ caseCode: 'c', title: 'C' }, undefined, { caseCode: 'a', title: 'A' }]);
    expect(reads).toEqual([['c', 'x', 'a']]);
  });

  it('takes a case whose whole row is loaded, or asked for in the same tick, from that row', async () => {
    const { whole, summary, reads } = loaders();
    await whole.load('a');
    const [, a, b, c] = await Promise.all([whole.load('b'), summary.load('a'), summary.load('b'), summary.load('c')]);
    expect(a).toBe(ROWS.a);
    expect(b).toBe(ROWS.b);
    expect(c).toEqual({ caseCode: 'c', title: 'C' });
    expect(reads).toEqual([['c']]);
  });
});
