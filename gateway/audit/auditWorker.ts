// The audit writer's thread. It owns the only writing connection of this
// process, so the fsync of every commit (synchronous = FULL) and any wait for
// another writer's lock happen here, never on the gateway's event loop. It
// opens the database lazily: when the file cannot be opened (disk gone, bad
// path), each request fails, and the next one tries again.
import { parentPort, workerData } from 'node:worker_threads';
import { AuditChainWriter } from './AuditChainWriter.ts';
import { unpackEntries, type AuditWorkerReply, type AuditWorkerRequest, type AuditWorkerData } from './auditWorkerProtocol.ts';
import { openAuditDatabase, type AuditDb } from './openAuditDatabase.ts';

const { file, busyTimeoutMs } = workerData as AuditWorkerData;
let db: AuditDb | undefined;
let writer: AuditChainWriter | undefined;

function connected(): AuditChainWriter {
  if (!writer) {
    db = openAuditDatabase(file, { busyTimeoutMs });
    writer = new AuditChainWriter(db);
  }
  return writer;
}

function disconnect(): void {
  try {
    db?.close();
  } catch {
    // Already unusable; the next request reopens.
  }
  db = undefined;
  writer = undefined;
}

function handle(request: AuditWorkerRequest): unknown {
  switch (request.op) {
    case 'open':
      connected();
      return null;
    case 'append':
      return connected().appendEncoded(unpackEntries(request.entries));
    case 'prune':
      return connected().prune({ now: new Date(request.now), retentionDays: request.retentionDays, maxRecords: request.maxRecords });
    case 'close':
      disconnect();
      return null;
  }
}

parentPort!.on('message', (request: AuditWorkerRequest) => {
  let reply: AuditWorkerReply;
  try {
    reply = { id: request.id, ok: true, result: handle(request) };
  } catch (error) {
    const { message, code } = error as { message?: string; code?: unknown };
    // A busy lock is passing; anything else (I/O error, read-only file, full
    // disk, corrupt file) may have left the connection unusable: reopen.
    if (code !== 'SQLITE_BUSY') disconnect();
    reply = { id: request.id, ok: false, error: { message: String(message ?? error), ...(typeof code === 'string' ? { code } : {}) } };
  }
  parentPort!.postMessage(reply);
});
