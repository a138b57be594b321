/**
 * The V8 options each service process (the five subgraphs and the gateway)
 * runs with: `node <these> --import tsx <main.ts>`. `npm start` and the
 * bench pass them; a deployment that starts the processes itself should too.
 *
 * Why: a request allocates a few hundred kilobytes that die young. V8 starts
 * the young generation with 1 MB semi-spaces and grows them only when many
 * objects survive a scavenge, which few of these do. With 16 MB from the
 * start (up to 32) the gateway and grid scavenged half as often under the
 * person view at 50 connections (`--trace-gc`: 224 against 476 for the
 * gateway, 183 against 360 for grid in the same load). Measured with the bench's
 * `--cpu-prof` on the person view (2026-11-26): garbage collection took
 * 5.5% of each subgraph's busy time and 3.6% of the gateway's with V8's
 * defaults, 3.3% and 2.4% with these; 8 MB (up to 16) saved little (4.8%,
 * 3.6%), 64 MB little more (3.0%, 1.9%). The price is about 50 MB more
 * resident memory per process.
 *
 * `--min-semi-space-size` is not allowed in NODE_OPTIONS: these go on the
 * command line.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16', '--max-semi-space-size=32'];
