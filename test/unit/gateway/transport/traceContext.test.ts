import { describe, expect, it } from 'vitest';
import { childTraceparent, formatTraceparent, traceContextFrom } from '../../../../gateway/transport/traceContext.ts';

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

describe('traceContext', () => {
  it('continues a valid incoming trace with a new span for the gateway', () => {
    const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const trace = traceContextFrom(incoming, 'vendor=1');
    expect(trace.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(trace.spanId).not.toBe('00f067aa0ba902b7');
    expect(trace.tracestate).toBe('vendor=1');
    const child = childTraceparent(trace);
    expect(child).toMatch(TRACEPARENT);
    expect(child.split('-')[1]).toBe(trace.traceId);
    expect(child.split('-')[3]).toBe('01');
  });

  it.each([
    ['missing', undefined],
    ['garbage', 'hello'],
    ['all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['upper case', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01'],
  ])('starts a new trace when the incoming one is %s (and drops tracestate)', (_what, header) => {
    const trace = traceContextFrom(header, 'vendor=1');
    expect(formatTraceparent(trace)).toMatch(TRACEPARENT);
    expect(trace.traceId).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(trace.tracestate).toBeUndefined();
  });

  it('accepts a future version with extra fields (parses the known prefix)', () => {
    const trace = traceContextFrom('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra', undefined);
    expect(trace.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('draws ids from a pool refilled in blocks: well-formed, never all zero, distinct across many refills', () => {
    const trace = traceContextFrom(undefined, undefined);
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const child = childTraceparent(trace);
      expect(child).toMatch(TRACEPARENT);
      const span = child.split('-')[2]!;
      expect(span).not.toBe('0000000000000000');
      seen.add(span);
    }
    expect(seen.size).toBe(5000);
    const traces = new Set(Array.from({ length: 1000 }, () => traceContextFrom(undefined, undefined).traceId));
    expect(traces.size).toBe(1000);
  });
});
