// `npm run compose` writes each subgraph's SDL to schema/subgraphs/<name>.graphql
// and the composed schema/supergraph.graphql; `npm run compose -- --check`
// writes nothing and exits non-zero when the checked-in files differ from a
// fresh build, listing composition errors and changes that break clients.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { composeSupergraph, type SubgraphSdl } from './compose/composeSupergraph.ts';
import { findBreakingChanges } from './compose/findBreakingChanges.ts';
import { SUBGRAPHS, defaultSubgraphUrl } from './subgraphList.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => `${root}${path}`;
const check = process.argv.includes('--check');
// --out DIR: where schema/… is written or checked (default: this repository).
const outIndex = process.argv.indexOf('--out');
const outRoot = outIndex > 0 && process.argv[outIndex + 1] ? `${process.argv[outIndex + 1]!.replace(/\/$/, '')}/` : root;
const out = (path: string) => `${outRoot}${path}`;

/** Each subgraph prints its SDL in its own process: type-graphql's metadata is global. */
async function printSubgraphSdl(name: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', at(`subgraphs/${name}/sdl.ts`)], {
    cwd: root,
    maxBuffer: 32 * 1024 * 1024,
  });
  return stdout;
}

const present = SUBGRAPHS.filter((s) => existsSync(at(`subgraphs/${s.name}/sdl.ts`)));
const built = await Promise.allSettled(present.map((s) => printSubgraphSdl(s.name)));
const failures = built.flatMap((r, i) => (r.status === 'rejected' ? [`[${present[i]!.name}] ${(r.reason as Error).message}`] : []));
if (failures.length > 0) {
  console.error(`Could not build ${failures.length} subgraph schema(s):\n${failures.join('\n')}`);
  process.exit(1);
}
const subgraphs: SubgraphSdl[] = present.map((s, i) => ({
  name: s.name,
  url: defaultSubgraphUrl(s.port),
  sdl: (built[i] as PromiseFulfilledResult<string>).value,
}));

const composed = composeSupergraph(subgraphs);
if (!composed.ok) {
  console.error(`Composition failed with ${composed.errors.length} error(s):`);
  for (const e of composed.errors) console.error(`- [${e.subgraphs.join(', ') || 'supergraph'}] ${e.code}: ${e.message}`);
  process.exit(1);
}

const outputs = new Map<string, string>([
  ...subgraphs.map((s) => [`schema/subgraphs/${s.name}.graphql`, s.sdl] as const),
  ['schema/supergraph.graphql', composed.supergraphSdl.endsWith('\n') ? composed.supergraphSdl : `${composed.supergraphSdl}\n`],
]);
const previousSupergraph = existsSync(out('schema/supergraph.graphql')) ? readFileSync(out('schema/supergraph.graphql'), 'utf8') : undefined;
const breaking = previousSupergraph ? safeBreakingChanges(previousSupergraph, outputs.get('schema/supergraph.graphql')!) : [];

function safeBreakingChanges(before: string, after: string) {
  try {
    return findBreakingChanges(before, after);
  } catch (error) {
    return [{ type: 'UNREADABLE_SUPERGRAPH', description: `a supergraph cannot be read: ${(error as Error).message}` }];
  }
}

function reportBreaking(): void {
  if (breaking.length === 0) return;
  console.error(`${breaking.length} change(s) would break existing clients:`);
  for (const c of breaking) console.error(`- ${c.type}: ${c.description}`);
}

if (check) {
  const stale = [...outputs].filter(([path, text]) => !existsSync(out(path)) || readFileSync(out(path), 'utf8') !== text);
  if (stale.length > 0) {
    console.error(`These checked-in files differ from a fresh composition (run \`npm run compose\`):`);
    for (const [path] of stale) console.error(`- ${path}`);
    reportBreaking();
    process.exit(1);
  }
  console.log(`compose --check: ${subgraphs.length} subgraph(s) and the supergraph are up to date.`);
} else {
  mkdirSync(out('schema/subgraphs'), { recursive: true });
  for (const [path, text] of outputs) writeFileSync(out(path), text);
  reportBreaking();
  for (const hint of composed.hints) console.log(`hint: ${hint}`);
  console.log(`Composed ${subgraphs.map((s) => s.name).join(', ')} into schema/supergraph.graphql.`);
}
