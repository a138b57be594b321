// `npm start`: the demo on one machine. Seeds the world on first run, starts
// every subgraph that exists (each its own process), then the gateway; waits
// until all are ready; prints the URLs and an example person-view query; on
// Ctrl-C or SIGTERM stops them all and exits when all are down.
//
// Generic over schema/subgraphList.ts: a subgraph is started when
// subgraphs/<name>/main.ts exists. Honours DATA_DIR, each subgraph's port
// variable (GRID_PORT, ...), GATEWAY_PORT and STARTUP_TIMEOUT_MS.
import { Supergraph } from '@apollo/federation-internals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { demoUser } from '../gateway/security/demoUsers.ts';
import { mintToken } from '../gateway/security/mintToken.ts';
import { SUBGRAPHS, defaultSubgraphUrl } from '../schema/subgraphList.ts';
import { SERVICE_NODE_FLAGS } from './serviceNodeFlags.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? join(root, 'data'));
const worldDir = join(dataDir, 'world');
const startupTimeoutMs = Number(env.STARTUP_TIMEOUT_MS ?? 120_000);
const supergraphPath = join(root, 'schema/supergraph.graphql');
const useColor = process.stdout.isTTY && !env.NO_COLOR;
const COLORS = [36, 35, 33, 32, 34, 91, 96];

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** The last lines it printed, for a clear message when it fails. */
  readonly lines: string[];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  done: boolean;
}

const children: Child[] = [];
let stopping = false;
const labelWidth = Math.max('gateway'.length, 'seed'.length, ...SUBGRAPHS.map((s) => s.name.length));

function say(message: string): void {
  console.log(useColor ? `\x1b[1m${message}\x1b[0m` : message);
}

function spawnChild(name: string, args: string[], extraEnv: Record<string, string>): Child {
  const color = COLORS[children.length % COLORS.length]!;
  const label = name.padEnd(labelWidth);
  const prefix = useColor ? `\x1b[${color}m${label}\x1b[0m │ ` : `${label} │ `;
  // Its own process group: Ctrl-C reaches only this script, which then stops
  // each child exactly once (a second signal means "hurry" to the gateway).
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '--import', 'tsx', ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const onData = (stream: NodeJS.WriteStream) => {
    let partial = '';
    return (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > 40) lines.shift();
        stream.write(`${prefix}${line}\n`);
      }
    };
  };
  child.stdout!.on('data', onData(process.stdout));
  child.stderr!.on('data', onData(process.stderr));
  const entry: Child = {
    name,
    process: child,
    lines,
    done: false,
    exited: new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        entry.done = true;
        resolveExit({ code, signal });
        if (!stopping && name !== 'seed') {
          fail(`${name} exited unexpectedly (${signal ?? `code ${code}`}).`, entry);
        }
      });
      child.on('error', (error) => {
        entry.done = true;
        lines.push(`could not start: ${error.message}`);
        resolveExit({ code: null, signal: null });
      });
    }),
  };
  children.push(entry);
  return entry;
}

function lastLines(child: Child, n = 15): string {
  const tail = child.lines.slice(-n);
  return tail.length ? `Last lines of ${child.name}:\n${tail.map((l) => `  ${l}`).join('\n')}` : `${child.name} printed nothing.`;
}

async function stopAll(): Promise<void> {
  stopping = true;
  const alive = children.filter((c) => !c.done);
  for (const child of alive) {
    try {
      // The whole group (negative pid): the child and anything it started.
      process.kill(-child.process.pid!, 'SIGTERM');
    } catch {
      child.process.kill('SIGTERM');
    }
  }
  const force = setTimeout(() => {
    for (const child of children.filter((c) => !c.done)) {
      say(`${child.name} did not stop within 15 s: killing it.`);
      try {
        process.kill(-child.process.pid!, 'SIGKILL');
      } catch {
        child.process.kill('SIGKILL');
      }
    }
  }, 15_000);
  await Promise.all(alive.map((c) => c.exited));
  clearTimeout(force);
}

let failing = false;
function fail(message: string, child?: Child): void {
  if (failing) return;
  failing = true;
  console.error(`\n${useColor ? '\x1b[31m' : ''}npm start: ${message}${useColor ? '\x1b[0m' : ''}`);
  if (child) console.error(lastLines(child));
  void stopAll().then(() => process.exit(1));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    say(`\n${signal}: stopping ${children.filter((c) => !c.done).map((c) => c.name).join(', ') || 'nothing'}…`);
    void stopAll().then(() => {
      say('All stopped.');
      process.exit(0);
    });
  });
}
// Last resort if this script dies some other way: take the children with it.
process.on('exit', () => {
  for (const child of children.filter((c) => !c.done)) {
    try {
      process.kill(-child.process.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function portOf(variable: string, fallback: number): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`npm start: ${variable} must be a port number, not "${value}".`);
    process.exit(2);
  }
  return port;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
}

async function waitUntilUp(child: Child, url: string): Promise<void> {
  const deadline = Date.now() + startupTimeoutMs;
  for (;;) {
    if (child.done) throw new Error(`${child.name} exited before it was ready.\n${lastLines(child)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${child.name} did not answer ${url} within ${Math.round(startupTimeoutMs / 1000)} s.\n${lastLines(child)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function seedIfNeeded(): Promise<void> {
  if (existsSync(join(worldDir, 'manifest.json'))) {
    say(`World: ${worldDir} (already seeded).`);
    return;
  }
  if (!existsSync(join(root, 'world/seed.ts'))) {
    say(`No world at ${worldDir} and no world/seed.ts to make one: subgraphs start empty.`);
    return;
  }
  say(`First run: seeding the demo world (20,000 people) into ${worldDir}…`);
  const seed = spawnChild('seed', ['world/seed.ts', '--people', '20000'], { DATA_DIR: dataDir });
  const { code, signal } = await seed.exited;
  if (stopping) return;
  if (code !== 0) throw new Error(`the world generator failed (${signal ?? `code ${code}`}).\n${lastLines(seed)}`);
}

/** A demo ID number: the protagonist of a complete cross-agency journey, if the world has one. */
function demoIdNumber(): string | undefined {
  const file = join(worldDir, 'journeys.json');
  if (!existsSync(file)) return undefined;
  try {
    const journeys = JSON.parse(readFileSync(file, 'utf8')) as { kind?: string; county?: string; complete?: boolean; persons?: string[] }[];
    // The example is signed for the Yunmeng case handler (jurisdiction
    // 420923): a person elsewhere would come back null for her.
    const yunmeng = journeys.filter((j) => j.county === '420923' && j.complete);
    const best =
      yunmeng.find((j) => j.kind === 'ONE_SETTLEMENT_THREE_MATTERS') ?? yunmeng.find((j) => j.kind === 'WAGE_ARREARS') ?? yunmeng[0] ?? journeys[0];
    return best?.persons?.[0];
  } catch {
    return undefined;
  }
}

const SECURITY_DIRECTIVES = new Set(['requiresScopes', 'authenticated', 'policy']);

/** `Type.field` of the fields marked with an authorization directive: left out of the example. */
function protectedFields(sdl: string): Set<string> {
  const fields = new Set<string>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      if (field.directives?.some((d) => SECURITY_DIRECTIVES.has(d.name.value))) fields.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return fields;
}

/**
 * An example person-view query built from the supergraph that is checked in
 * (so it never names a field that does not exist): the person's own fields,
 * and for each matter list (any type implementing Matter) the matters'
 * common fields and their related matters.
 */
function examplePersonQuery(): { query: string; rootField: string } | undefined {
  if (!existsSync(supergraphPath)) return undefined;
  const sdl = readFileSync(supergraphPath, 'utf8');
  let schema: GraphQLSchema;
  try {
    schema = Supergraph.build(sdl, { validateSupergraph: false, supportedFeatures: null }).apiSchema().toGraphQLJSSchema();
  } catch {
    return undefined;
  }
  const rootField = schema.getQueryType()?.getFields().personByIdNumber ? 'personByIdNumber' : undefined;
  const person = schema.getType('Person');
  if (!rootField || !person || !isObjectType(person)) return undefined;
  const hidden = protectedFields(sdl);
  const matter = schema.getType('Matter');
  const isMatter = (type: GraphQLNamedType) =>
    matter !== undefined && (type === matter || (isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Matter')));
  const usable = (owner: string, field: GraphQLField<unknown, unknown>) =>
    !hidden.has(`${owner}.${field.name}`) && field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

  const leaves = (type: GraphQLNamedType, indent: string): string[] => {
    if (!isObjectType(type) && !isInterfaceType(type)) return [`${indent}__typename`];
    return Object.values(type.getFields())
      .filter((f) => usable(type.name, f) && isLeafType(getNamedType(f.type)))
      .map((f) => `${indent}${f.name}`);
  };
  const matterSelection = (indent: string, withRelated: boolean): string[] => {
    const m = matter as GraphQLNamedType;
    const lines = [`${indent}__typename`];
    if (!isInterfaceType(m)) return lines;
    for (const field of Object.values(m.getFields())) {
      const type = getNamedType(field.type);
      if (isLeafType(type)) lines.push(`${indent}${field.name}`);
      else if (isMatter(type)) {
        if (withRelated) lines.push(`${indent}${field.name} {`, ...matterSelection(`${indent}  `, false), `${indent}}`);
      } else lines.push(`${indent}${field.name} {`, ...leaves(type, `${indent}  `), `${indent}}`);
    }
    return lines;
  };
  const selection = (type: GraphQLNamedType, indent: string, seen: Set<string>): string[] => {
    if (isMatter(type)) return matterSelection(indent, true);
    if (isUnionType(type) || !(isObjectType(type) || isInterfaceType(type))) return [`${indent}__typename`];
    const nodes = type.getFields().nodes;
    if (nodes && type.name.endsWith('Connection')) {
      const total = type.getFields().totalCount ? [`${indent}totalCount`] : [];
      return [...total, `${indent}nodes {`, ...selection(getNamedType(nodes.type), `${indent}  `, seen), `${indent}}`];
    }
    const lines: string[] = [];
    for (const field of Object.values(type.getFields())) {
      if (!usable(type.name, field)) continue;
      const fieldType = getNamedType(field.type);
      if (isLeafType(fieldType)) lines.push(`${indent}${field.name}`);
      else if (seen.has(fieldType.name)) continue;
      else if (seen.size >= 2 && !isMatter(fieldType) && !isListType(field.type)) lines.push(`${indent}${field.name} {`, ...leaves(fieldType, `${indent}  `), `${indent}}`);
      else lines.push(`${indent}${field.name} {`, ...selection(fieldType, `${indent}  `, new Set([...seen, fieldType.name])), `${indent}}`);
    }
    return lines.length > 0 ? lines : [`${indent}__typename`];
  };

  const body = selection(person, '    ', new Set(['Person']));
  return {
    rootField,
    query: `query PersonView($idNumber: String!) {\n  ${rootField}(idNumber: $idNumber) {\n${body.join('\n')}\n  }\n}`,
  };
}

async function main(): Promise<void> {
  const present = SUBGRAPHS.filter((s) => existsSync(join(root, `subgraphs/${s.name}/main.ts`)));
  const missing = SUBGRAPHS.filter((s) => !present.includes(s));
  const gatewayPort = portOf('GATEWAY_PORT', 4000);
  const ports = present.map((s) => ({ ...s, port: portOf(s.portVariable, s.port) }));

  const busy: string[] = [];
  for (const { name, port, portVariable } of [...ports, { name: 'gateway', port: gatewayPort, portVariable: 'GATEWAY_PORT' }]) {
    if (!(await portIsFree(port))) busy.push(`port ${port} (${name}, ${portVariable}) is in use`);
  }
  if (busy.length > 0) {
    console.error(`npm start: ${busy.join('; ')}. Stop what uses it, or set the variable to another port.`);
    process.exit(1);
  }

  await seedIfNeeded();
  if (stopping) return;

  if (missing.length > 0) say(`Not started (no subgraphs/<name>/main.ts yet): ${missing.map((s) => s.name).join(', ')}.`);
  const started = ports.map((s) => ({
    ...s,
    child: spawnChild(s.name, [`subgraphs/${s.name}/main.ts`], { DATA_DIR: dataDir, [s.portVariable]: String(s.port) }),
  }));
  await Promise.all(started.map((s) => waitUntilUp(s.child, `http://127.0.0.1:${s.port}/health`)));
  if (stopping) return;

  const gateway = spawnChild('gateway', ['gateway/main.ts', '--port', String(gatewayPort)], {
    GATEWAY_PORT: String(gatewayPort),
    ...Object.fromEntries(ports.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, defaultSubgraphUrl(s.port)])),
  });
  await waitUntilUp(gateway, `http://127.0.0.1:${gatewayPort}/ready`);
  if (stopping) return;

  const base = `http://127.0.0.1:${gatewayPort}`;
  const idNumber = demoIdNumber();
  const example = examplePersonQuery();
  const variables = JSON.stringify({ idNumber: idNumber ?? '<an ID number from data/world/journeys.json>' });
  say('\nOneWindow is running.');
  console.log(`  GraphQL:  ${base}/graphql`);
  console.log(`  GraphiQL: ${base}/graphiql`);
  console.log(`  Ready:    ${base}/ready   Metrics: ${base}/metrics`);
  console.log(`  Subgraphs: ${ports.map((s) => `${s.name} :${s.port}`).join(', ')}`);
  console.log(`  Console:  ${base}/console   (sign in as a demo user)`);
  if (example) {
    const link = `${base}/graphiql?query=${encodeURIComponent(example.query)}&variables=${encodeURIComponent(variables)}`;
    // Every GraphQL request carries a token and, when it reads person data,
    // a purpose (README "Security"): the example is signed for the centre's
    // case handler, a development demo user.
    const token = await mintToken(demoUser('handler')!);
    say('\nExample: one person across every agency');
    console.log(example.query);
    console.log(`variables: ${variables}`);
    console.log(`\nOpen it in GraphiQL (add the headers below in its Headers tab):\n  ${link}`);
    console.log(
      `or: curl -s ${base}/graphql -H 'content-type: application/json' \\\n    -H "authorization: Bearer ${token}" \\\n    -H 'x-access-purpose: reason:演示查询' \\\n    -d '${JSON.stringify({ query: example.query.replace(/\s+/g, ' '), variables: JSON.parse(variables) })}'`,
    );
    console.log('Tokens for the other demo users: npm run token -- <user> (README "Security").');
  }
  say('\nCtrl-C stops everything.');
}

main().catch((error: unknown) => fail((error as Error).message));
