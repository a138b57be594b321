/**
 * Streams the records of one world import file (NDJSON, see records.ts) so a
 * subgraph imports its slice without holding the file in memory: a
 * 1,000,000-person grid file is hundreds of megabytes.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Yields each line of `path` parsed as JSON, in file order. Blank lines are
 * skipped; a line that is not valid JSON throws an Error naming the file and
 * line number (a truncated or hand-edited file should stop the import, not
 * half-load it). The caller narrows `T` by switching on `t`, e.g.
 * `readWorldFile<PoliceFileRecord>(path)`; the reader does not validate
 * shapes.
 */
export async function* readWorldFile<T>(path: string): AsyncIterable<T> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line.length === 0) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new Error(`${path}:${lineNumber}: not a JSON record (${(error as Error).message})`, { cause: error });
      }
      yield value as T;
    }
  } finally {
    // Also reached when the consumer stops early (break/return): release the file.
    lines.close();
    stream.destroy();
  }
}
