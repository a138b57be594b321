/**
 * Streams the records of one world import file (NDJSON, see records.ts) so a
 * subgraph imports its slice without holding the file in memory: a
 * 1,000,000-person grid file is hundreds of megabytes.
 */
import { readWorldFileInChunks } from './readWorldFileInChunks.ts';

/**
 * Yields each line of `path` parsed as JSON, in file order. Blank lines are
 * skipped; a line that is not valid JSON throws an Error naming the file and
 * line number (a truncated or hand-edited file should stop the import, not
 * half-load it). The caller narrows `T` by switching on `t`, e.g.
 * `readWorldFile<PoliceFileRecord>(path)`; the reader does not validate
 * shapes. (`readWorldFileInChunks` gives the same records an array at a
 * time, for a reader of millions of them.)
 */
export async function* readWorldFile<T>(path: string): AsyncIterable<T> {
  for await (const records of readWorldFileInChunks<T>(path)) yield* records;
}
