import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../e2e/support/freePort.ts';
import type { StartedProcess } from '../e2e/support/startProcess.ts';
import { benchRequest, send } from './benchRequest.ts';
import type { BenchOperation } from './operations.ts';
import type { ProcessSet } from './ProcessSet.ts';
import type { GatewaySetup, GatewayVariant, VariantContext, VariantId } from './variants.ts';

export interface RunningGateway {
  id: VariantId;
  label: string;
  setup: GatewaySetup;
  url: string;
  process: StartedProcess;
}

export interface UnavailableGateway {
  id: VariantId;
  label: string;
  reason: string;
}

export type GatewayOutcome = RunningGateway | UnavailableGateway;

export const isRunning = (g: GatewayOutcome): g is RunningGateway => 'process' in g;

/** Polls until a POST `{ __typename }` answers with data (stock has no readiness route). */
async function untilAnswers(url: string, started: StartedProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no attempt';
  for (;;) {
    if (started.hasExited) throw new Error(`exited\n--- last output of ${started.name} ---\n${started.tail(15)}`);
    try {
      const r = await send({ url, body: '{"query":"{ __typename }"}', headers: { 'content-type': 'application/json' } }, 2_000);
      if (r.status === 200 && r.json?.data) return;
      last = `HTTP ${r.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`not answering after ${timeoutMs} ms (last: ${last})\n--- last output of ${started.name} ---\n${started.tail(15)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A log line as text: pino's JSON lines by their message (and error message). */
function readable(line: string): string {
  if (!line.startsWith('{')) return line.trim();
  try {
    const entry = JSON.parse(line) as { msg?: string; code?: string; reason?: string; err?: { message?: string } };
    return [entry.msg, entry.code, entry.reason?.split('\n')[0], entry.err?.message].filter(Boolean).join(': ');
  } catch {
    return line.trim();
  }
}

/** One line for the table: what failed, and the process's own last word on why. */
function reasonOf(message: string): string {
  const [head = message, tail = ''] = message.split(/\n--- last output of [^\n]* ---\n/);
  const lines = tail.split('\n').map(readable).filter((l) => l.length > 0);
  const cause = lines.findLast((l) => /error|not started|refus|must|cannot|invalid|missing/i.test(l)) ?? lines.at(-1);
  const what = head.split('\n')[0]!.trim();
  return cause ? `${what} (${cause})` : what;
}

/**
 * Starts one variant: tries its setups in order and keeps the first that
 * starts, answers, and (security on) refuses a request without a token.
 * A variant none of whose setups works is reported with the reasons.
 */
export async function startGateway(
  variant: GatewayVariant,
  processes: ProcessSet,
  context: (port: number, dataDir: string) => VariantContext,
  runDir: string,
  probe: BenchOperation,
  /** Run it under `node --cpu-prof`, writing its profiles into `<profileDir>/<variant>/` when it stops. */
  profileDir?: string,
): Promise<GatewayOutcome> {
  const reasons: string[] = [];
  for (const [i, setup] of variant.setups.entries()) {
    const port = await freePort();
    const dataDir = join(runDir, `gateway-${variant.id}-${i}`);
    mkdirSync(dataDir, { recursive: true });
    const ctx = context(port, dataDir);
    const base = `http://127.0.0.1:${port}`;
    let started: StartedProcess | undefined;
    try {
      started = await processes.start({
        name: `${variant.id} gateway`,
        // Node's default profile names: one file per thread (tsx's module hooks run in their own), none overwriting another.
        args: [...setup.nodeFlags, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', join(profileDir, variant.id)] : []), setup.script, ...setup.args(ctx)],
        env: setup.env(ctx),
        ...(setup.readyPath ? { readyUrl: `${base}${setup.readyPath}` } : {}),
        readyTimeoutMs: 60_000,
      });
      const url = `${base}/graphql`;
      if (!setup.readyPath) await untilAnswers(url, started, 60_000);
      if (setup.refusesAnonymous) {
        const anonymous = await send(benchRequest(url, probe, setup.document, {}));
        const code = anonymous.json?.errors?.[0]?.extensions?.code;
        if (anonymous.status !== 401 && code !== 'UNAUTHENTICATED') {
          throw new Error(`answered a request without a token (HTTP ${anonymous.status}${code ? `, ${code}` : ''}): authentication is not on`);
        }
      }
      return { id: variant.id, label: variant.label, setup, url, process: started };
    } catch (error) {
      if (started) await processes.stop(started, 5_000);
      reasons.push(`${setup.label}: ${reasonOf((error as Error).message)}`);
    }
  }
  return { id: variant.id, label: variant.label, reason: reasons.join('; ') };
}
