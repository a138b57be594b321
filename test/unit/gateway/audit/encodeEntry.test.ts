import { describe, expect, it } from 'vitest';
import type { AuditEntry, PruneEntry } from '../../../../gateway/audit/AuditRecord.ts';
import { packEntries, unpackEntries } from '../../../../gateway/audit/auditWorkerProtocol.ts';
import { canonicalJson } from '../../../../gateway/audit/canonicalJson.ts';
import { chainHash, GENESIS_HASH, recordBody } from '../../../../gateway/audit/chainHash.ts';
import { encodeEntry } from '../../../../gateway/audit/encodeEntry.ts';
import { accessFixture } from './accessFixture.ts';
import { createHash } from 'node:crypto';

const prune: PruneEntry = {
  kind: 'PRUNE',
  time: '2025-09-16T00:00:00.000Z',
  throughSeq: 41,
  throughHash: 'b'.repeat(64),
  count: 41,
  before: '2025-03-16T00:00:00.000Z',
  retentionDays: 183,
};

const entries: AuditEntry[] = [
  accessFixture(1),
  accessFixture(2, { purpose: null, operation: { name: null, type: 'query', hash: null } }),
  accessFixture(3, { purpose: { kind: 'REASON', text: '窗口接待核实身份 "引号" \\ 反斜杠\n换行 \u2028 😀' } }),
  accessFixture(4, { persons: [], agencies: [], outcome: 'DENIED', errorCodes: ['PURPOSE_REQUIRED', 'FORBIDDEN'] }),
  accessFixture(5, { persons: ['p_1', 'p_2', 'p_3'], sensitiveFields: ['Person.phone'], removedFields: ['Person.idNumber'], user: { id: 'anonymous', name: 'anonymous' } }),
  // Keys in another order than the gateway makes them, and a lone surrogate.
  { ...Object.fromEntries(Object.entries(accessFixture(6)).reverse()), requestId: 'x\ud800y' } as AuditEntry,
  prune,
];

describe('encodeEntry', () => {
  it('cuts the canonical body where the sequence number goes: head + seq + tail is recordBody', () => {
    for (const entry of entries) {
      const encoded = encodeEntry(entry);
      for (const seq of [1, 42, 1_000_000_007]) expect(`${encoded.head}${seq}${encoded.tail}`).toBe(recordBody(seq, entry));
      expect(encoded.kind).toBe(entry.kind);
      expect(encoded.time).toBe(entry.time);
      expect(encoded.persons).toEqual(entry.kind === 'ACCESS' ? entry.persons : []);
    }
  });

  it('gives the writer the number: a seq or v the entry carries is replaced, as recordBody does', () => {
    const odd = { ...accessFixture(7), seq: 999, v: 7 } as unknown as AuditEntry;
    const encoded = encodeEntry(odd);
    expect(`${encoded.head}8${encoded.tail}`).toBe(recordBody(8, odd));
    expect(JSON.parse(`${encoded.head}8${encoded.tail}`)).toMatchObject({ seq: 8, v: 1 });
  });
});

describe('the writer thread protocol', () => {
  it('packs entries into strings and back', () => {
    const encoded = entries.map(encodeEntry);
    const packed = packEntries(encoded);
    expect(packed.every((s) => typeof s === 'string')).toBe(true);
    expect(unpackEntries(packed)).toEqual(encoded);
    expect(unpackEntries([])).toEqual([]);
  });

  it('refuses a list it did not make', () => {
    const packed = packEntries([encodeEntry(accessFixture(1))]);
    expect(() => unpackEntries(packed.slice(0, -1))).toThrow(/malformed/);
    expect(() => unpackEntries(['OTHER', ...packed.slice(1)])).toThrow(/malformed/);
    expect(() => unpackEntries([...packed.slice(0, 4), '-1'])).toThrow(/malformed/);
  });
});

describe('the record hash', () => {
  it('is SHA-256 of the previous hash followed by the body', () => {
    const body = recordBody(1, entries[2]!);
    expect(chainHash(GENESIS_HASH, body)).toBe(createHash('sha256').update(GENESIS_HASH).update(body).digest('hex'));
  });

  it('canonical JSON keeps array holes and undefined items as null and refuses what JSON cannot say', () => {
    expect(canonicalJson([1, undefined, 'a'])).toBe('[1,null,"a"]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson({ a: undefined })).toBe('{}');
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
