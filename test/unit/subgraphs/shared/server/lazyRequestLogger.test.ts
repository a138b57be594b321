import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { LazyRequestLogger } from '../../../../../subgraphs/shared/server/lazyRequestLogger.ts';

/** Fastify's own pino logger at `level`, writing its lines (time removed) into `lines`. */
function pinoLogger(level: string, lines: string[]): FastifyBaseLogger {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line.replace(/"time":\d+,/, ''));
      done();
    },
  });
  return Fastify({ logger: { level, stream } }).log;
}

const BOOM = new Error('boom');

/** The same lines through a request's chain of loggers: Fastify's per-request child, then the user's. */
function writeThrough(log: (parent: FastifyBaseLogger) => FastifyBaseLogger, parent: FastifyBaseLogger): void {
  const request = log(parent).child({ rid: 'rid-7', user: 'zhang.wei' });
  request.info({ res: { statusCode: 200 } }, 'request completed');
  request.debug('not at info');
  request.warn({ reason: 'why' }, 'GraphQL request refused');
  request.child({ step: 2 }).error(BOOM, 'failed');
}

describe('the lazy request logger', () => {
  it('writes the lines a chain of pino children writes, bindings in the same order', () => {
    const real: string[] = [];
    const lazy: string[] = [];
    writeThrough((parent) => parent.child({ reqId: 'rid-7' }, {}), pinoLogger('info', real));
    writeThrough((parent) => new LazyRequestLogger(parent, { reqId: 'rid-7' }, {}), pinoLogger('info', lazy));
    expect(lazy).toEqual(real);
    expect(lazy).toHaveLength(3);
    expect(JSON.parse(lazy[0]!)).toMatchObject({ reqId: 'rid-7', rid: 'rid-7', user: 'zhang.wei', msg: 'request completed' });
  });

  it('makes no pino child while nothing is written at an enabled level, and follows the parent\'s level', () => {
    const lines: string[] = [];
    const parent = pinoLogger('warn', lines);
    const request = new LazyRequestLogger(parent, { reqId: 'r1' }).child({ rid: 'r1', user: 'u' }) as LazyRequestLogger;
    request.info('request completed');
    expect(request.enabled('info')).toBe(false);
    expect(request.enabled('warn')).toBe(true);
    expect(lines).toEqual([]);
    parent.level = 'info';
    request.info('request completed');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toMatchObject([{ reqId: 'r1', rid: 'r1', user: 'u', msg: 'request completed' }]);
    expect(request.level).toBe('info');
  });
});
