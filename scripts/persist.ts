// `npm run persist` writes the trusted-documents manifest the gateway runs in
// production (gateway/production/persisted-operations.json, Apollo's
// persisted-query-list format) from every `.graphql` file under the
// operation folders the project ships (gateway/production/operations/, the
// console's gateway/console/src/operations/) and any folder given as an
// argument. Each operation is validated against
// schema/supergraph.graphql and must pass the default limits, its cost
// estimated with its variables' defaults. `npm run persist -- --check`
// writes nothing and exits non-zero when the checked-in manifest is stale.
//
//   npm run persist [-- [--check] [--out <file>] [<folder>...]]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CostModel } from '../gateway/limits/CostModel.ts';
import { DEFAULT_LIMITS, DEFAULT_MANIFEST_PATH } from '../gateway/limits/parseLimitsConfig.ts';
import { apiSchemaOf } from '../gateway/production/apiSchemaOf.ts';
import { buildPersistedManifest, SHIPPED_OPERATION_FOLDERS, type OperationSource } from '../gateway/production/buildPersistedManifest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 && args[outIndex + 1] ? resolve(args[outIndex + 1]!) : DEFAULT_MANIFEST_PATH;
const extra = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
const folders = [...SHIPPED_OPERATION_FOLDERS.map((f) => join(root, f)).filter((f) => existsSync(f)), ...extra.map((f) => resolve(f))];

function graphqlFiles(folder: string): string[] {
  if (!existsSync(folder)) {
    console.error(`persist: no such folder ${folder}`);
    process.exit(2);
  }
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => path.endsWith('.graphql') && statSync(path).isFile())
    .sort();
}

const sources: OperationSource[] = [...new Set(folders.flatMap(graphqlFiles))].map((path) => ({
  file: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));
const supergraphSdl = readFileSync(join(root, 'schema/supergraph.graphql'), 'utf8');
const schema = apiSchemaOf(supergraphSdl);
const result = buildPersistedManifest(sources, {
  schema,
  limits: { config: DEFAULT_LIMITS, costModel: CostModel.fromSupergraph(supergraphSdl, schema) },
});
if (!result.ok) {
  console.error(`persist: ${result.errors.length} problem(s):`);
  for (const error of result.errors) console.error(`- ${error}`);
  process.exit(1);
}

const text = `${JSON.stringify(result.manifest, null, 2)}\n`;
const summary = result.manifest.operations.map((o) => `  ${o.type.padEnd(8)} ${o.name.padEnd(20)} cost ${result.costs.get(o.name) ?? '?'}  ${o.id}`).join('\n');
if (check) {
  if (!existsSync(out) || readFileSync(out, 'utf8') !== text) {
    console.error(`persist --check: ${relative(root, out)} differs from the operations (run \`npm run persist\`).`);
    process.exit(1);
  }
  console.log(`persist --check: ${result.manifest.operations.length} operation(s), ${relative(root, out)} is up to date.`);
} else {
  writeFileSync(out, text);
  console.log(`persist: wrote ${result.manifest.operations.length} operation(s) from ${sources.length} file(s) to ${relative(root, out)}:\n${summary}`);
}
