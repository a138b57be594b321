// `npm run bench [-- options]`: issue 7's benchmark (see test/bench/README.md).
// The only file of the bench that touches the process: argv, signals, exit.
import { BENCH_USAGE, parseBenchArgs } from './parseBenchArgs.ts';
import { ProcessSet } from './ProcessSet.ts';
import { runBench } from './runBench.ts';
import { runScaling } from './runScaling.ts';

// Stock @apollo/gateway in this process's children must not phone home either (the network is closed).
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

let args;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n${BENCH_USAGE}`);
  process.exit(2);
}

const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const processes = new ProcessSet({ echo: args.echo });

// Ctrl-C: stop every subgraph and gateway cleanly; a second one kills them at once.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (stopping) {
      ProcessSet.killChildrenNow();
      process.exit(130);
    }
    stopping = true;
    log(`${signal}: stopping every process the bench started`);
    void processes.stopAll(5_000).finally(() => {
      ProcessSet.killChildrenNow();
      process.exit(130);
    });
  });
}
process.on('exit', () => ProcessSet.killChildrenNow());

try {
  const outcome = args.scaling ? await runScaling(args, processes, log) : await runBench(args, processes, log);
  console.log(`\n${outcome.markdown}\n`);
  log(`wrote ${outcome.files.markdown} and ${outcome.files.json} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (outcome.failed) {
    log('FAILED: wrong answers under load (listed above)');
    process.exitCode = 1;
  }
} catch (error) {
  if (!stopping) {
    const message = (error as Error).message ?? String(error);
    // A process that would not start says why in its own output: the bench's stack adds nothing to that.
    console.error(error instanceof RangeError ? `${message}\n${BENCH_USAGE}` : message.includes('--- last output of') ? message : error);
    process.exitCode = error instanceof RangeError ? 2 : 1;
  }
} finally {
  await processes.stopAll(5_000);
}
