// `npm run build:console`: typed operations (codegen), the console's type
// checks, then the Vite build into gateway/console/dist/ (git-ignored).
//
//   node --import tsx gateway/console/build.ts [--if-missing | --if-stale]
//
// `--if-missing` builds only when dist/index.html is absent; `--if-stale`
// (npm start, the e2e tests) also when a source, an operation or the
// supergraph is newer than the build.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';
import type * as Codegen from './codegen.ts';

const consoleDir = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const built = join(consoleDir, 'dist', 'index.html');
if (process.argv.includes('--if-missing') && existsSync(built)) process.exit(0);
if (process.argv.includes('--if-stale') && existsSync(built) && !isStale(statSync(built).mtimeMs)) process.exit(0);

/** Whether any input of the build changed after `builtAt`. */
function isStale(builtAt: number): boolean {
  const newer = (path: string): boolean => {
    const stat = statSync(path);
    if (stat.isDirectory()) return readdirSync(path).some((name) => newer(join(path, name)));
    return stat.mtimeMs > builtAt;
  };
  const inputs = ['src', 'index.html', 'vite.config.ts', 'codegen.ts', 'build.ts', 'tsconfig.json'].map((p) => join(consoleDir, p));
  return [...inputs, join(consoleDir, '..', '..', 'schema', 'supergraph.graphql')].some((p) => existsSync(p) && newer(p));
}

// The build tools are development dependencies. An install without them
// (`npm ci --omit=dev` on a server) must not fail because of the console:
// it is then built elsewhere and its dist/ shipped with the gateway.
let tools: [typeof Vite, typeof Codegen];
try {
  tools = await Promise.all([import('vite'), import('./codegen.ts')]);
} catch (error) {
  if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.warn(`console: not built, its build tools are not installed (${(error as Error).message.split('\n')[0]}); /console answers 503 until gateway/console/dist is built or shipped.`);
  process.exit(0);
}
const [{ build }, { writeGenerated }] = tools;

const started = Date.now();
if (await writeGenerated()) console.log('console: regenerated src/gql/graphql.ts');

const tsc = require.resolve('typescript/bin/tsc');
for (const project of ['tsconfig.json', 'tsconfig.node.json']) {
  const result = spawnSync(process.execPath, [tsc, '-p', join(consoleDir, project)], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`console: type check failed (${project})`);
    process.exit(1);
  }
}

// Vite takes the bundle's NODE_ENV from the environment: a build started
// from a test runner (NODE_ENV=test) would ship React's development build.
process.env.NODE_ENV = 'production';
await build({ configFile: join(consoleDir, 'vite.config.ts'), mode: 'production' });
console.log(`console: built gateway/console/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
