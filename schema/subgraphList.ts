/** The five subgraphs, in the order of DESIGN.md, with their default ports. */
export const SUBGRAPHS = [
  { name: 'grid', agency: 'GRID', port: 4001, portVariable: 'GRID_PORT' },
  { name: 'petitions', agency: 'PETITIONS', port: 4002, portVariable: 'PETITIONS_PORT' },
  { name: 'police', agency: 'POLICE', port: 4003, portVariable: 'POLICE_PORT' },
  { name: 'courts', agency: 'COURTS', port: 4004, portVariable: 'COURTS_PORT' },
  { name: 'legalaid', agency: 'LEGAL_AID', port: 4005, portVariable: 'LEGALAID_PORT' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** The URL written into the checked-in supergraph; deployments override it. */
export function defaultSubgraphUrl(port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}
