/**
 * Streams the records of one world import file (NDJSON, see records.ts) a
 * piece of the file at a time: each piece's records, parsed, in file order.
 * A 1,000,000-person grid file is hundreds of megabytes and 1.3 million
 * lines; splitting the decoded text on newlines and handing on arrays keeps
 * the cost per line at JSON.parse (readline and one await per record cost
 * about as much again).
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * Yields arrays of the lines of `path` parsed as JSON. Lines end with `\n`
 * or `\r\n`; blank lines are skipped; a line that is not valid JSON throws
 * an Error naming the file and line number (a truncated or hand-edited file
 * should stop the import, not half-load it). The reader does not validate
 * shapes.
 */
export async function* readWorldFileInChunks<T>(path: string): AsyncIterable<T[]> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const decoder = new StringDecoder('utf8');
  let lineNumber = 0;
  let rest = '';
  const parse = (text: string, from: number, to: number, into: T[]) => {
    lineNumber++;
    const line = text.charCodeAt(to - 1) === 13 ? text.slice(from, to - 1) : text.slice(from, to);
    if (line.length === 0) return;
    try {
      into.push(JSON.parse(line) as T);
    } catch (error) {
      throw new Error(`${path}:${lineNumber}: not a JSON record (${(error as Error).message})`, { cause: error });
    }
  };
  try {
    for await (const chunk of stream) {
      const text = rest + decoder.write(chunk as Buffer);
      const records: T[] = [];
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        parse(text, start, end, records);
        start = end + 1;
      }
      rest = text.slice(start);
      if (records.length > 0) yield records;
    }
    const last = rest + decoder.end();
    const records: T[] = [];
    if (last.length > 0) parse(last, 0, last.length, records);
    if (records.length > 0) yield records;
  } finally {
    // Also reached when the consumer stops early (break/return): release the file.
    stream.destroy();
  }
}
