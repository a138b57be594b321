// W3C Trace Context (https://www.w3.org/TR/trace-context/): the gateway
// continues the caller's trace, or starts one, and gives each subgraph fetch
// its own parent-id so that a trace shows the gateway between client and
// subgraph.
import { randomFillSync } from 'node:crypto';

export interface TraceContext {
  /** 32 lower-case hex digits, never all zero. */
  traceId: string;
  /** The gateway's span for this request: 16 hex digits. */
  spanId: string;
  /** Trace flags, 2 hex digits (01 = sampled). */
  flags: string;
  /** Vendor state, forwarded unchanged when it came with a valid traceparent. */
  tracestate?: string;
}

// §3.2.2: version-format = trace-id "-" parent-id "-" trace-flags (version 00).
// Future versions may append fields; §3.2.4 says to parse the known prefix.
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * The request's trace context: the incoming `traceparent` continued (with a
 * fresh span id for the gateway), or a new trace when it is missing or invalid.
 */
export function traceContextFrom(traceparent: string | undefined, tracestate: string | undefined): TraceContext {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (match) {
    const [, version, traceId, parentId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
    const valid =
      version !== 'ff' && (version !== '00' || rest === undefined) && !/^0+$/.test(traceId) && !/^0+$/.test(parentId);
    if (valid) {
      return { traceId, spanId: newSpanId(), flags, ...(tracestate ? { tracestate } : {}) };
    }
  }
  return { traceId: newTraceId(), spanId: newSpanId(), flags: '01' };
}

/** The `traceparent` for an outgoing call made within this context: a child span of the gateway's. */
export function childTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${newSpanId()}-${trace.flags}`;
}

/** The gateway's own `traceparent` (returned to clients so they can find the trace). */
export function formatTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.flags}`;
}

// Ids come from the same CSPRNG as before (node:crypto), drawn in blocks: one
// randomFillSync per 512 span ids rather than one call per id.
const POOL = Buffer.alloc(4096);
let offset = POOL.length;

/** `bytes` random bytes as lower-case hex, never all zero (§3.2.2.3, §3.2.2.4: an all-zero id is invalid). */
function randomHex(bytes: number): string {
  for (;;) {
    if (offset + bytes > POOL.length) {
      randomFillSync(POOL);
      offset = 0;
    }
    const start = offset;
    offset += bytes;
    for (let i = start; i < offset; i++) if (POOL[i] !== 0) return POOL.toString('hex', start, offset);
  }
}

function newTraceId(): string {
  return randomHex(16);
}

function newSpanId(): string {
  return randomHex(8);
}
