import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { WorldFileInfo } from '../../subgraphs/shared/world/records.ts';

const CHUNK = 1 << 20;

/**
 * Appends NDJSON lines to a file in ~1 MB chunks, hashing as it goes.
 * `line` is synchronous (generators call it in tight loops); `drain` waits
 * for the stream to catch up, and the generator calls it between towns and
 * counties, so memory holds at most about one town's output.
 */
export class NdjsonWriter {
  private readonly stream: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private parts: string[] = [];
  private pending = 0;
  private records = 0;
  private bytes = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 4 * CHUNK });
  }

  line(json: string): void {
    this.parts.push(json);
    this.pending += json.length + 1;
    this.records++;
    if (this.pending >= CHUNK) this.push();
  }

  private push(): void {
    if (this.parts.length === 0) return;
    this.parts.push('');
    const buffer = Buffer.from(this.parts.join('\n'), 'utf8');
    this.parts = [];
    this.pending = 0;
    this.hash.update(buffer);
    this.bytes += buffer.length;
    this.stream.write(buffer);
  }

  /** Hands buffered lines to the stream and waits until it is below its high-water mark. */
  async drain(): Promise<void> {
    this.push();
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
  }

  async close(): Promise<WorldFileInfo> {
    this.push();
    this.stream.end();
    await once(this.stream, 'finish');
    return { records: this.records, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}
