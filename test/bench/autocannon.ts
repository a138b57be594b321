import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The part of autocannon 8's programmatic API the bench uses (it ships no types). */
export interface AutocannonOptions {
  url: string;
  method: 'POST';
  body: string;
  headers: Record<string, string>;
  connections: number;
  duration: number;
  /** A number of requests instead of a duration (autocannon gives it precedence). */
  amount?: number;
  timeout?: number;
  verifyBody?: (body: string) => boolean;
  requests?: { setupRequest?: (request: { headers: Record<string, string> }) => { headers: Record<string, string> } }[];
}

export interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number; mean: number; max: number };
  requests: { total: number; average: number };
}

/**
 * autocannon decodes each piece of a response body as it arrives
 * (`body += chunk`), so a Chinese character split across two TCP reads
 * becomes U+FFFD and a right answer would count as a mismatch. Keep the
 * pieces as bytes and decode the whole body once.
 */
function decodeBodiesWhole(): void {
  const Queue = require('autocannon/lib/pipelinedRequestsQueue.js') as {
    prototype: { peek(): { chunks?: Buffer[]; body: string } | undefined; terminateRequest(): { chunks?: Buffer[]; body: string } | undefined; addBody(data: Buffer): void; wholeBodies?: true };
  };
  const proto = Queue.prototype;
  if (proto.wholeBodies) return;
  const terminate = proto.terminateRequest;
  proto.addBody = function addBody(data) {
    const pending = this.peek();
    if (pending) (pending.chunks ??= []).push(data);
  };
  proto.terminateRequest = function terminateRequest() {
    const done = terminate.call(this);
    if (done?.chunks) done.body = done.chunks.length === 1 ? done.chunks[0]!.toString('utf8') : Buffer.concat(done.chunks).toString('utf8');
    return done;
  };
  proto.wholeBodies = true;
}

decodeBodiesWhole();

export const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;
