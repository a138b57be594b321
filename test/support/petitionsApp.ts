// The petitions subgraph over a temporary data directory, plus a read-only
// look at its outbox: the outbox is the feed's contract with the registry.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from '../../subgraphs/petitions/app.ts';
import type { MatterEvent } from '../../subgraphs/shared/feed/matterEvent.ts';
import { type StartOptions, type SubgraphHarness, startSubgraph } from './subgraphApp.ts';
import { writeTinyPetitionsWorld } from './tinyPetitionsWorld.ts';

export type { GraphQLResponse } from './subgraphApp.ts';

export interface OutboxRow {
  id: number;
  caseCode: string;
  version: number;
  event: MatterEvent;
  /** Acknowledged by the registry. */
  delivered: boolean;
}

export interface PetitionsHarness extends SubgraphHarness {
  /** Every outbox row, oldest first (opened read-only, closed again). */
  outbox(caseCode?: string): OutboxRow[];
}

export async function startPetitions(options: Partial<StartOptions<object>> = {}): Promise<PetitionsHarness> {
  const harness = await startSubgraph('petitions', build, { now: '2026-11-01T08:00:00+08:00', seedWorld: writeTinyPetitionsWorld, ...options });
  return {
    ...harness,
    outbox(caseCode) {
      const db = new Database(join(harness.dataDir, 'petitions', 'petitions.db'), { readonly: true });
      try {
        const rows = db
          .prepare(`SELECT id, case_code AS caseCode, version, payload, delivered_at AS deliveredAt FROM outbox ${caseCode ? 'WHERE case_code = ?' : ''} ORDER BY id`)
          .all(...(caseCode ? [caseCode] : [])) as { id: number; caseCode: string; version: number; payload: string; deliveredAt: string | null }[];
        return rows.map((r) => ({ id: r.id, caseCode: r.caseCode, version: r.version, event: JSON.parse(r.payload) as MatterEvent, delivered: r.deliveredAt !== null }));
      } finally {
        db.close();
      }
    },
  };
}
