import { AUDIT_RECORD_VERSION, type AuditEntry } from './AuditRecord.ts';
import { canonicalJson } from './canonicalJson.ts';

/**
 * An entry as the chain writer appends it: the columns stored beside the
 * body, and the body's canonical text (chainHash.ts `recordBody`) cut where
 * the sequence number goes, so that `head + seq + tail` is the body. Only the
 * writer knows the number (it reads the chain's tail inside its lock);
 * everything else is serialised as soon as the record is made, and crosses
 * to the writer's thread as a few strings.
 */
export interface EncodedEntry {
  readonly kind: AuditEntry['kind'];
  readonly time: string;
  /** The person tokens of an access, for the person index (none for other kinds). */
  readonly persons: readonly string[];
  /** The body up to and including `"seq":`. */
  readonly head: string;
  /** The body after the number. */
  readonly tail: string;
}

const SEQ = 'seq';
const VERSION = 'v';

// Records are made by one function, so their keys nearly always come in the
// same order: the sorted order of the last key list is kept for the next.
let lastKeys: readonly string[] = [];
let lastSorted: readonly string[] = [];

/** Serialises an entry for the writer; `head + seq + tail === recordBody(seq, entry)`. */
export function encodeEntry(entry: AuditEntry): EncodedEntry {
  // No copy with `v` added (spreading a record costs more than serialising it): `v` is read aside.
  const body = entry as unknown as Record<string, unknown>;
  const keys = Object.keys(body);
  if (!(VERSION in body)) keys.push(VERSION);
  let sorted = lastSorted;
  if (!sameList(keys, lastKeys)) {
    sorted = [...keys].sort();
    lastKeys = keys;
    lastSorted = sorted;
  }
  let head = '{';
  let tail = '';
  for (const key of sorted) {
    const member = key === VERSION ? AUDIT_RECORD_VERSION : body[key];
    // The writer's number replaces any `seq` the entry carries, as in recordBody.
    if (member === undefined || key === SEQ) continue;
    const text = `${memberName(key)}${canonicalJson(member)}`;
    if (key < SEQ) head += head.length === 1 ? text : `,${text}`;
    else tail += `,${text}`;
  }
  return {
    kind: entry.kind,
    time: entry.time,
    persons: entry.kind === 'ACCESS' ? entry.persons : [],
    head: `${head}${head.length === 1 ? '' : ','}"${SEQ}":`,
    tail: `${tail}}`,
  };
}

const names = new Map<string, string>();

/** `"key":`, made once per key. */
function memberName(key: string): string {
  let name = names.get(key);
  if (name === undefined) {
    name = `${JSON.stringify(key)}:`;
    if (names.size < 256) names.set(key, name);
  }
  return name;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
