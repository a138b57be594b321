import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { supergraphWithUrls } from '../e2e/support/stockGateway.ts';
import { benchRequest, type BenchRequest } from './benchRequest.ts';
import { chooseContextKey } from './chooseContextKey.ts';
import { createContextSigner, findDevContextKey, generateContextKey } from './contextSigner.ts';
import { demoToken } from './demoToken.ts';
import type { BenchOperation } from './operations.ts';
import type { ProcessSet } from './ProcessSet.ts';
import { type Fleet, startFleet } from './startFleet.ts';
import { type GatewayOutcome, isRunning, startGateway } from './startGateways.ts';
import { writeTrustedDocuments } from './trustedDocuments.ts';
import { anonymousDeveloper, demoUser, VARIANTS, type GatewayVariant, type VariantContext } from './variants.ts';

export type TargetId = 'secure' | 'open' | 'stock' | 'ceiling';
export const TARGET_IDS: readonly TargetId[] = ['secure', 'open', 'stock', 'ceiling'];

/** Something a load is sent to: a gateway, or (the ceiling) a subgraph directly. */
export interface LoadTarget {
  id: TargetId;
  label: string;
  /** Which setup of the variant runs, or how the ceiling is called. */
  setup: string;
  /** The request for an operation and the process it costs; undefined when this target does not serve the operation. */
  requestFor(op: BenchOperation): Promise<{ request: BenchRequest; pid: number; exited: () => boolean } | undefined>;
  /** Headers to renew during a long load (the ceiling's signed context). */
  renewHeaders?: () => Promise<Record<string, string>>;
}

export interface Stack {
  fleet: Fleet;
  targets: LoadTarget[];
  /** Targets asked for that are not running, with why. */
  unavailable: { id: TargetId; label: string; reason: string }[];
  /** How subgraphs were called around our gateway (signed context or not), for the report. */
  notes: string[];
  stop(): Promise<void>;
}

/**
 * The five subgraphs over a run's copy of the stores, then each gateway
 * variant in its own process, and the ceiling: every target the run loads.
 */
export async function startStack(options: {
  processes: ProcessSet;
  dataDir: string;
  runDir: string;
  operations: readonly BenchOperation[];
  targets: readonly TargetId[];
  /** Gateways to run under `node --cpu-prof`, and where their profiles go. */
  profile?: { targets: readonly string[]; dir: string };
  /** Run the five subgraphs under `node --cpu-prof`, their profiles in `<dir>/<subgraph>/`. */
  profileSubgraphs?: string;
  log: (m: string) => void;
}): Promise<Stack> {
  const { processes, runDir, operations, log } = options;
  const probe = operations[0]!;
  const notes: string[] = [];
  const unavailable: Stack['unavailable'] = [];
  const user = demoUser(probe.county, probe.purpose);
  // Stock and the ceiling speak for the user our gateway signs for with
  // security off (anonymous, the whole province), so (b) and stock serve the
  // same data byte for byte; (a)'s demo user may see less (jurisdiction).
  const contextUser = anonymousDeveloper(probe.purpose);
  const benchKey = await generateContextKey();
  const fleet = await startFleet(processes, options.dataDir, {
    env: { ONEWINDOW_CONTEXT_PUBLIC_KEY: JSON.stringify(benchKey.publicJwk) },
    ...(options.profileSubgraphs ? { profileDir: options.profileSubgraphs } : {}),
  });
  const stopAll: (() => Promise<void>)[] = [() => fleet.stop()];
  const stop = async () => {
    for (const s of [...stopAll].reverse()) await s();
  };
  try {
    const choice = await chooseContextKey(fleet.urls.grid, contextUser, benchKey.privateJwk, await findDevContextKey());
    notes.push(choice.note);
    const signer = choice.key && createContextSigner(choice.key, contextUser);
    const noKey = 'subgraphs refuse every user context the bench can sign';

    const jwtSecret = randomBytes(32).toString('hex');
    const headers = { authorization: `Bearer ${await demoToken(jwtSecret, user)}`, 'x-access-purpose': probe.purpose };
    const supergraphWithUrlsFile = join(runDir, 'supergraph.graphql');
    writeFileSync(supergraphWithUrlsFile, supergraphWithUrls(fleet.urls));
    const trustedDocumentsFile = join(runDir, 'trusted-documents.json');
    writeTrustedDocuments(trustedDocumentsFile, operations);
    const context = (port: number, dataDir: string): VariantContext => ({
      port,
      dataDir,
      subgraphUrls: fleet.urls,
      supergraphWithUrlsFile,
      jwtSecret,
      // The development key is the gateway's own default outside production: pass only the bench's.
      contextPrivateJwk: choice.source === 'bench' ? choice.key : undefined,
      trustedDocumentsFile,
    });

    const targets: LoadTarget[] = [];
    for (const variant of VARIANTS.filter((v) => options.targets.includes(v.id))) {
      if (variant.id === 'stock' && choice.required && !choice.key) {
        unavailable.push({ id: variant.id, label: variant.label, reason: noKey });
        continue;
      }
      log(`starting ${variant.label}`);
      const outcome: GatewayOutcome = await startGateway(
        withStockSigning(variant, choice.required && choice.key ? { privateJwk: choice.key, claims: contextUser } : undefined),
        processes,
        context,
        runDir,
        probe,
        options.profile?.targets.includes(variant.id) ? options.profile.dir : undefined,
      );
      if (!isRunning(outcome)) {
        log(`  not available: ${outcome.reason}`);
        unavailable.push(outcome);
        continue;
      }
      stopAll.push(() => processes.stop(outcome.process));
      targets.push({
        id: outcome.id,
        label: outcome.label,
        setup: outcome.setup.nodeFlags.length ? `${outcome.setup.label}, node ${outcome.setup.nodeFlags.join(' ')}` : outcome.setup.label,
        requestFor: async (op) => ({ request: benchRequest(outcome.url, op, outcome.setup.document, headers), pid: outcome.process.pid, exited: () => outcome.process.hasExited }),
      });
    }

    if (options.targets.includes('ceiling')) {
      const label = 'ceiling: subgraph called directly';
      if (choice.required && !signer) unavailable.push({ id: 'ceiling', label, reason: noKey });
      else {
        const contextHeaders = async (): Promise<Record<string, string>> => (signer ? { [signer.header]: await signer.token() } : {});
        targets.push({
          id: 'ceiling',
          label,
          setup: signer ? `signed user context (${choice.source} key)` : 'no user context header',
          requestFor: async (op) => {
            if (!op.passThrough) return undefined;
            const child = fleet.processes[op.passThrough];
            return { request: benchRequest(fleet.urls[op.passThrough], op, 'text', await contextHeaders()), pid: child.pid, exited: () => child.hasExited };
          },
          ...(signer ? { renewHeaders: contextHeaders } : {}),
        });
      }
    }
    return { fleet, targets, unavailable, notes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Stock knows nothing of the signed context: when subgraphs require it, a header hook adds it (stockGatewayMain.ts). */
function withStockSigning(variant: GatewayVariant, signing: object | undefined): GatewayVariant {
  if (variant.id !== 'stock' || !signing) return variant;
  return { ...variant, setups: variant.setups.map((s) => ({ ...s, env: (ctx) => ({ ...s.env(ctx), BENCH_CONTEXT_SIGNING: JSON.stringify(signing) }) })) };
}
