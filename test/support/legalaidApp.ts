// The legal-aid subgraph under test, plus a read-only look at its outbox:
// the outbox table is the feed's contract with the registry.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build, type LegalAidOptions } from '../../subgraphs/legalaid/app.ts';
import type { MatterEvent } from '../../subgraphs/shared/feed/matterEvent.ts';
import { type StartOptions, type SubgraphHarness, startSubgraph } from './subgraphApp.ts';

export interface OutboxRow {
  id: number;
  caseCode: string;
  version: number;
  event: MatterEvent;
  deliveredAt: string | null;
}

export interface LegalAidHarness extends SubgraphHarness {
  /** The outbox rows, oldest first, read through a separate read-only connection. */
  outbox(caseCode?: string): OutboxRow[];
}

export async function startLegalAid(options: StartOptions<Partial<LegalAidOptions>>): Promise<LegalAidHarness> {
  const harness = await startSubgraph('legalaid', build, options);
  return {
    ...harness,
    outbox(caseCode) {
      const db = new Database(join(harness.dataDir, 'legalaid', 'legalaid.db'), { readonly: true, fileMustExist: true });
      try {
        const rows = db
          .prepare(
            `SELECT id, case_code AS caseCode, version, payload, delivered_at AS deliveredAt FROM outbox ${caseCode ? 'WHERE case_code = ?' : ''} ORDER BY id`,
          )
          .all(...(caseCode ? [caseCode] : [])) as { id: number; caseCode: string; version: number; payload: string; deliveredAt: string | null }[];
        return rows.map(({ payload, ...r }) => ({ ...r, event: JSON.parse(payload) as MatterEvent }));
      } finally {
        db.close();
      }
    },
  };
}
