import { SUBGRAPHS } from '../../schema/subgraphList.ts';

const AGENCY_BY_SUBGRAPH = new Map<string, string>(SUBGRAPHS.map((s) => [s.name, s.agency]));

/**
 * The agency behind a subgraph (`police` → `POLICE`), as named in
 * errors. A foreign supergraph's subgraphs are not agencies of ours: their
 * name stands in.
 */
export function agencyOf(subgraphName: string): string {
  return AGENCY_BY_SUBGRAPH.get(subgraphName) ?? subgraphName;
}

/** Whether a subgraph is one of ours (it serves GET /health), not a foreign supergraph's. */
export function isOwnSubgraph(subgraphName: string): boolean {
  return AGENCY_BY_SUBGRAPH.has(subgraphName);
}
