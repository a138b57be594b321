// Stock @apollo/gateway in @apollo/server's standalone server, default
// settings: the reference every ratio of the bench is taken against, in its
// own process so its CPU and memory are its own.
//
//   node --import tsx test/bench/stockGatewayMain.ts --supergraph <file> --port <n>
//
// The supergraph file has the bench's subgraph URLs; the `for: SECURITY`
// links stock refuses are made plain here (forStockGateway). When the
// subgraphs require the gateway's signed user context, BENCH_CONTEXT_SIGNING
// (JSON: { privateJwk, claims }) adds that one header to each subgraph
// request (the default fetcher and everything else stay stock).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { forStockGateway } from '../../schema/compose/forStockGateway.ts';
import { type ContextClaims, createContextSigner } from './contextSigner.ts';

// Stock would otherwise report usage to Apollo and probe cloud metadata endpoints: the network is closed.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

const { values } = parseArgs({ options: { supergraph: { type: 'string' }, port: { type: 'string' } }, strict: true });
if (!values.supergraph || !values.port) {
  console.error('usage: stockGatewayMain.ts --supergraph <file> --port <n>');
  process.exit(2);
}

const signing = process.env.BENCH_CONTEXT_SIGNING ? (JSON.parse(process.env.BENCH_CONTEXT_SIGNING) as { privateJwk: Record<string, string>; claims: ContextClaims }) : undefined;
const signer = signing && createContextSigner(signing.privateJwk, signing.claims);

const gateway = new ApolloGateway({
  supergraphSdl: forStockGateway(readFileSync(values.supergraph, 'utf8')),
  ...(signer
    ? {
        buildService: ({ url }) =>
          new RemoteGraphQLDataSource({
            url,
            async willSendRequest({ request }) {
              request.http?.headers.set(signer.header, await signer.token());
            },
          }),
      }
    : {}),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(values.port) } });
console.log(`stock @apollo/gateway ready at ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
