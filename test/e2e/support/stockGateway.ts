import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { forStockGateway } from '../../../schema/compose/forStockGateway.ts';
import { SUBGRAPHS, type SubgraphName, defaultSubgraphUrl } from '../../../schema/subgraphList.ts';
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
 * authorization directives, so it gets the supergraph without them.
 */
export async function startStockGateway(urls: Record<SubgraphName, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const gateway = new ApolloGateway({ supergraphSdl: forStockGateway(supergraphWithUrls(urls)) });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
