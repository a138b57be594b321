import { build, type GridOptions } from '../../subgraphs/grid/app.ts';
import { DEV_SERVICE_SECRET } from '../../subgraphs/shared/config/readSubgraphConfig.ts';
import type { MatterEvent } from '../../subgraphs/shared/feed/matterEvent.ts';
import { signServiceCall } from '../../subgraphs/shared/feed/serviceSignature.ts';
import { type StartOptions, type SubgraphHarness, startSubgraph } from './subgraphApp.ts';

export type { GraphQLResponse } from './subgraphApp.ts';

export interface GridHarness extends SubgraphHarness {
  /** Posts events to the registry's ingest endpoint as a signed service call. */
  ingest(caller: string, events: unknown[], secret?: string): Promise<{ status: number; body: any }>;
}

export async function startGrid(options: StartOptions<Partial<GridOptions>>): Promise<GridHarness> {
  const grid = await startSubgraph('grid', build, options);
  return {
    ...grid,
    async ingest(caller, events: MatterEvent[] | unknown[], secret = DEV_SERVICE_SECRET) {
      const body = JSON.stringify({ events });
      const res = await grid.app.inject({
        method: 'POST',
        url: '/ingest/matter-events',
        payload: body,
        headers: { 'content-type': 'application/json', ...signServiceCall(secret, caller, body, grid.clock.now()) },
      });
      return { status: res.statusCode, body: res.json() };
    },
  };
}
