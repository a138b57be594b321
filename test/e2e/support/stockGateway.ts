import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { forStockGateway } from '../../../schema/compose/forStockGateway.ts';
import type { Principal } from '../../../gateway/security/Principal.ts';
import { SUBGRAPHS, type SubgraphName, defaultSubgraphUrl } from '../../../schema/subgraphList.ts';
import { e2ePrincipal, signedContextHeaders } from './signedContext.ts';
import { repositoryRoot } from './startProcess.ts';

/** The checked-in supergraph with each subgraph's URL replaced. */
export function supergraphWithUrls(urls: Record<SubgraphName, string>): string {
  let sdl = readFileSync(`${repositoryRoot}schema/supergraph.graphql`, 'utf8');
  for (const s of SUBGRAPHS) sdl = sdl.replaceAll(`"${defaultSubgraphUrl(s.port)}"`, `"${urls[s.name]}"`);
  return sdl;
}

/**
 * Stock @apollo/gateway in @apollo/server with default settings: the
 * reference our gateway is compared with. It cannot enforce the
 * authorization directives, so it gets the supergraph without them. Nor
 * can it sign the user context subgraphs require: its data sources are
 * the stock RemoteGraphQLDataSource with one hook added, which signs a
 * context for `principal` (default: the e2e tester, all of Hubei) on every
 * subgraph fetch, as our gateway does for its verified user.
 */
export async function startStockGateway(
  urls: Record<SubgraphName, string>,
  options: { principal?: Principal } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const principal = options.principal ?? e2ePrincipal();
  const gateway = new ApolloGateway({
    supergraphSdl: forStockGateway(supergraphWithUrls(urls)),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        async willSendRequest({ request }) {
          for (const [name, value] of Object.entries(await signedContextHeaders(principal))) request.http?.headers.set(name, value);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
