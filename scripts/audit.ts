// `npm run audit -- <command>`: the audit log from the command line
// (gateway/audit/README.md).
//
//   verify [--anchor <seq>:<hash>] [--json]   check the hash chain; names the first broken record; exit 1 if broken
//   who <person token> [--from <date>] [--to <date>] [--limit <n>] [--json]
//                                             who accessed a person, when and why, newest first
//   prune [--retention-days <n>]              delete records past retention now (the gateway also does, hourly)
//
// Every command takes --db <file>; default GATEWAY_AUDIT_DB, else
// $DATA_DIR/gateway/audit.db. verify and who open the file read-only.
// Exit codes: 0 ok, 1 chain broken, 2 usage or file problem.
import { existsSync } from 'node:fs';
import { AuditChainWriter } from '../gateway/audit/AuditChainWriter.ts';
import { AuditReader, type AccessListItem } from '../gateway/audit/AuditReader.ts';
import { openAuditDatabase } from '../gateway/audit/openAuditDatabase.ts';
import { parseAuditConfig } from '../gateway/audit/parseAuditConfig.ts';
import { verifyAuditChain } from '../gateway/audit/verifyAuditChain.ts';
import { ConfigError } from '../gateway/errors.ts';
import { purposeToString } from '../gateway/security/parseAccessPurpose.ts';

const USAGE = `usage: npm run audit -- verify [--anchor <seq>:<hash>] [--json] [--db <file>]
       npm run audit -- who <person token> [--from <date>] [--to <date>] [--limit <n>] [--json] [--db <file>]
       npm run audit -- prune [--retention-days <n>] [--db <file>]`;

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { command: string | undefined; positional: string[]; options: Map<string, string | true> } {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) {
      positional.push(arg);
      continue;
    }
    const name = match[1]!;
    if (name === 'json') options.set(name, true);
    else {
      const value = match[2] ?? rest[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    }
  }
  return { command, positional, options };
}

function text(options: Map<string, string | true>, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === 'string' ? value : undefined;
}

function run(): number {
  const { command, positional, options } = parseArgs(process.argv.slice(2));
  const known = new Set(['db', 'json', 'anchor', 'from', 'to', 'limit', 'retention-days']);
  for (const name of options.keys()) if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
  const config = parseAuditConfig(process.env, process.env.NODE_ENV === 'production');
  const file = text(options, 'db') ?? config.file;
  const json = options.has('json');

  switch (command) {
    case 'verify': {
      if (!existsSync(file)) throw new UsageError(`no audit log at ${file}`);
      const anchorText = text(options, 'anchor');
      let anchor: { seq: number; hash: string } | undefined;
      if (anchorText !== undefined) {
        const match = /^(\d+):([0-9a-f]{64})$/.exec(anchorText);
        if (!match) throw new UsageError('--anchor is <seq>:<64 hex digits>, as logged in "audit chain head"');
        anchor = { seq: Number(match[1]), hash: match[2]! };
      }
      const db = openAuditDatabase(file, { readonly: true });
      try {
        const report = verifyAuditChain(db, anchor ? { anchor } : {});
        if (json) console.log(JSON.stringify({ file, ...report }, null, 2));
        else if (report.ok) {
          const span = report.firstSeq !== undefined ? ` (records ${report.firstSeq}–${report.head!.seq})` : '';
          const pruned = report.prunedThrough ? `; records up to ${report.prunedThrough} pruned under a checkpoint` : '';
          console.log(`audit log ${file}: OK, ${report.records} record${report.records === 1 ? '' : 's'}${span}${pruned}`);
          if (report.head) console.log(`head: ${report.head.seq}:${report.head.hash}`);
        } else {
          console.error(`audit log ${file}: BROKEN at record ${report.broken!.seq} (${report.broken!.problem}): ${report.broken!.message}`);
          console.error(`${report.records} records before it verify.`);
        }
        return report.ok ? 0 : 1;
      } finally {
        db.close();
      }
    }
    case 'who': {
      const person = positional[0];
      if (!person || positional.length > 1) throw new UsageError('who takes one person token');
      if (!existsSync(file)) throw new UsageError(`no audit log at ${file}`);
      const limit = Number(text(options, 'limit') ?? 1000);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit is a whole number');
      const from = instant(text(options, 'from'), 'from');
      const to = instant(text(options, 'to'), 'to');
      const reader = new AuditReader(file);
      const accesses: AccessListItem[] = [];
      try {
        let after: string | undefined;
        while (accesses.length < limit) {
          const page = reader.accessesTo({ person, first: Math.min(500, limit - accesses.length), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(after ? { after } : {}) });
          accesses.push(...page.accesses);
          if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
          after = page.pageInfo.endCursor;
        }
      } finally {
        reader.close();
      }
      if (json) {
        console.log(JSON.stringify({ person, accesses }, null, 2));
        return 0;
      }
      if (accesses.length === 0) console.log(`no recorded access to ${person}`);
      for (const a of accesses) {
        const purpose = purposeToString(a.purpose ?? undefined) ?? '(no purpose)';
        const sensitive = a.sensitiveFields.length ? ` sensitive=${a.sensitiveFields.join(',')}` : '';
        console.log(
          `${a.time}  #${a.seq}  ${a.user.name} (${a.user.id}) [${a.roles.join(',') || '-'}] ${a.agency || '-'}  ${purpose}  ` +
            `${a.operation.type} ${a.operation.name ?? '(anonymous)'}  ${a.outcome}  agencies=${a.agencies.join(',') || '-'}${sensitive}  request=${a.requestId}`,
        );
      }
      return 0;
    }
    case 'prune': {
      const retention = text(options, 'retention-days');
      let retentionDays = config.retentionDays;
      if (retention !== undefined) {
        try {
          retentionDays = parseAuditConfig({ ...process.env, GATEWAY_AUDIT_RETENTION_DAYS: retention }, process.env.NODE_ENV === 'production').retentionDays;
        } catch (error) {
          throw new UsageError(`--retention-days: ${(error as Error).message.replace(/^GATEWAY_AUDIT_RETENTION_DAYS /, '')}`);
        }
      }
      if (!existsSync(file)) throw new UsageError(`no audit log at ${file}`);
      const db = openAuditDatabase(file, { busyTimeoutMs: config.busyTimeoutMs });
      try {
        const writer = new AuditChainWriter(db);
        let total = 0;
        for (;;) {
          const { count } = writer.prune({ now: new Date(), retentionDays });
          if (count === 0) break;
          total += count;
        }
        console.log(`audit log ${file}: ${total} records older than ${retentionDays} days pruned`);
        return 0;
      } finally {
        db.close();
      }
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command');
  }
}

function instant(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new UsageError(`--${name} is an ISO 8601 date or date-time`);
  return new Date(dateOnly && name === 'to' ? time + 86_400_000 : time).toISOString();
}

// `who ... | head`: a closed pipe ends the listing, not in a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = run();
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(`audit: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`audit: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
