/**
 * `npm run seed -- --people N --seed S [--out DIR] [--as-of YYYY-MM-DD]`:
 * writes the synthetic world and prints what it wrote and how fast. Only
 * this file touches the process (argv, env, exit code).
 */
import { AGENCIES } from '../subgraphs/shared/codes/agency.ts';
import { JOURNEY_KINDS } from '../subgraphs/shared/world/records.ts';
import { DEFAULT_AS_OF, generateWorld } from './generateWorld.ts';
import { parseSeedArgs, SEED_USAGE } from './parseSeedArgs.ts';

async function main(): Promise<void> {
  let args;
  try {
    args = parseSeedArgs(process.argv.slice(2), process.env.DATA_DIR);
  } catch (error) {
    console.error(`${(error as Error).message}\n${SEED_USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.log(`seeding ${args.people} people, seed ${args.seed}, as of ${args.asOf ?? DEFAULT_AS_OF} → ${args.out}`);
  const s = await generateWorld({ people: args.people, seed: args.seed, out: args.out, ...(args.asOf ? { asOf: args.asOf } : {}) });
  const seconds = s.elapsedMs / 1000;
  const totalMatters = AGENCIES.reduce((n, a) => n + s.matters[a], 0);
  console.log(`people      ${s.people}`);
  console.log(`households  ${s.households}`);
  console.log(`grid cells  ${s.cells}`);
  console.log(`matters     ${totalMatters}  (${AGENCIES.map((a) => `${a} ${s.matters[a]}`).join(', ')})`);
  console.log(`centre links ${s.centreLinks}`);
  console.log(`journeys    ${JOURNEY_KINDS.map((k) => `${k} ${s.journeys[k]}`).join(', ')}`);
  console.log(
    `throughput  ${Math.round(s.people / seconds)} people/s, ${Math.round(s.records / seconds)} records/s, ` +
      `${(s.bytes / 1e6).toFixed(1)} MB written in ${seconds.toFixed(2)} s`,
  );
}

main().catch((error: unknown) => {
  // Bad arguments (RangeError from generateWorld) get a message, not a stack.
  if (error instanceof RangeError) {
    console.error(`${error.message}\n${SEED_USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(error);
  process.exitCode = 1;
});
