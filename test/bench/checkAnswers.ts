import { isDeepStrictEqual } from 'node:util';
import { type BenchResponse, send } from './benchRequest.ts';
import type { BenchOperation } from './operations.ts';
import type { LoadTarget, TargetId } from './startStack.ts';

/** What every response of one target to one operation must be under load. */
export interface Expectation {
  verify(body: string): boolean;
  /** Byte-for-byte (the target answers identically every time) or by `data` (it does not). */
  by: 'bytes' | 'data';
  bytes: number;
  /** For the production variant: where its answer differs from stock's (fields it withholds). */
  withheld?: string[];
}

export interface AnswerProblem {
  op: string;
  target: TargetId;
  message: string;
  /**
   * A wrong answer (different data with no error saying why: fails the run),
   * as opposed to a refusal the target states (an error status, or errors
   * with the missing data), which is reported.
   */
  wrong: boolean;
  /** For a refusal: its status and error codes (the report groups operations by it). */
  refusal?: string;
}

export interface AnswerCheck {
  expectations: Map<string, Expectation>;
  problems: AnswerProblem[];
}

export const expectationKey = (op: string, target: TargetId): string => `${op}|${target}`;

/** Paths (a.b[0].c) where two JSON values differ, the first few. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 8): string[] {
  if (out.length >= limit || isDeepStrictEqual(a, b)) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path || '(root)'} (${a.length} items, stock ${b.length})`);
    else a.forEach((item, i) => differences(item, b[i], `${path}[${i}]`, out, limit));
  } else if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key, out, limit);
  } else out.push(`${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 60)} (stock ${JSON.stringify(b)?.slice(0, 60)})`);
  return out;
}

const errorCodes = (r: BenchResponse) => (r.json?.errors ?? []).map((e) => e.extensions?.code ?? e.message ?? '?');

/**
 * Before any load: each target answers each operation twice. Stock's answer
 * is the reference: it must have data and no errors. Every other target
 * must give the same `data`, except the production variant, which may
 * withhold fields (its differences are reported, and its own answer is then
 * what it must keep giving). A target that refuses an operation (saying so
 * with an error) is reported and not loaded with it. The expected body under
 * load is the answer itself when the two answers are byte-identical, else
 * its `data`.
 */
export async function checkAnswers(operations: readonly BenchOperation[], targets: readonly LoadTarget[]): Promise<AnswerCheck> {
  const expectations = new Map<string, Expectation>();
  const problems: AnswerProblem[] = [];
  for (const op of operations) {
    const answers = new Map<TargetId, { first: BenchResponse; second: BenchResponse }>();
    for (const target of targets) {
      const sent = await target.requestFor(op);
      if (!sent) continue;
      answers.set(target.id, { first: await send(sent.request), second: await send(sent.request) });
    }
    const stock = answers.get('stock')?.first;
    const stockOk = stock !== undefined && stock.status === 200 && stock.json?.data != null && !stock.json.errors?.length;
    const picksNothing = stockOk && Object.values(stock.json!.data as Record<string, unknown>).every((v) => v === null);
    if (picksNothing) {
      // Everyone agreeing on null would measure a lookup that finds nothing.
      problems.push({ op: op.id, target: 'stock', wrong: true, message: `the request finds nothing (${stock.text.slice(0, 120)}): the world and the subgraphs' stores disagree` });
    }
    if (stock && !stockOk) {
      problems.push({ op: op.id, target: 'stock', wrong: true, message: `stock does not answer cleanly (HTTP ${stock.status}, errors: ${errorCodes(stock).join(', ') || 'none'}): ${stock.text.slice(0, 200)}` });
    }
    for (const [id, { first, second }] of answers) {
      const codes = errorCodes(first);
      const refusal = `HTTP ${first.status}${codes.length ? `, ${[...new Set(codes)].join(', ')}` : ''}`;
      const firstError = first.json?.errors?.[0]?.message?.slice(0, 200) ?? first.text.slice(0, 200);
      if (first.status !== 200 || first.json?.data == null) {
        // An error status or errors instead of data: an honest refusal, reported; not a wrong answer.
        problems.push({ op: op.id, target: id, wrong: id === 'stock', refusal, message: `${refusal}: ${firstError}` });
        continue;
      }
      let withheld: string[] | undefined;
      if (stockOk && id !== 'stock' && !isDeepStrictEqual(first.json.data, stock.json!.data)) {
        const diff = differences(first.json.data, stock.json!.data);
        if (id === 'secure') withheld = diff;
        else if (codes.length > 0) {
          // Partial data with errors that say why: a refusal too (e.g. a subgraph that refuses this caller).
          problems.push({ op: op.id, target: id, wrong: false, refusal, message: `${refusal}, null where stock has data (${diff[0]}): ${firstError}` });
          continue;
        } else {
          problems.push({ op: op.id, target: id, wrong: true, message: `data differs from stock, without an error, at ${diff.join('; ')}` });
          continue;
        }
      } else if (id !== 'secure' && id !== 'stock' && codes.length > 0) {
        problems.push({ op: op.id, target: id, wrong: true, message: `errors stock does not give: ${codes.join(', ')}` });
        continue;
      }
      const byBytes = first.text === second.text;
      const expectedText = first.text;
      const expectedData = first.json.data;
      const expectedErrors = first.json.errors?.length ?? 0;
      expectations.set(expectationKey(op.id, id), {
        by: byBytes ? 'bytes' : 'data',
        bytes: Buffer.byteLength(first.text),
        ...(withheld ? { withheld } : {}),
        verify: byBytes
          ? (body) => body === expectedText
          : (body) => {
              try {
                const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
                return isDeepStrictEqual(parsed.data, expectedData) && (parsed.errors?.length ?? 0) === expectedErrors;
              } catch {
                return false;
              }
            },
      });
    }
  }
  return { expectations, problems };
}
