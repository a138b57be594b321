import type { AccessPurpose } from './Principal.ts';

export type ParsedPurpose = { ok: true; purpose: AccessPurpose | undefined } | { ok: false; message: string };

/** The header that states why the user is asking. */
export const PURPOSE_HEADER = 'x-access-purpose';
export const REASON_PREFIX = 'reason:';
export const REASON_MIN_LENGTH = 2;
export const REASON_MAX_LENGTH = 200;

// {division}-{agency code}-{yyyy}-{sequence}: ZZ grid, XF petitions, GA
// police, FY courts, SF legal aid (DESIGN.md "One code per case"). The
// gateway imports no subgraph code, so the shape is repeated here.
const CASE_CODE = /^([1-8]\d)\d{4}-(ZZ|XF|GA|FY|SF)-(\d{4})-(\d{6})$/;
// Control characters, and the bidirectional overrides that make a logged reason read differently from what was stored.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * Parses `x-access-purpose`: a case code (`420923-XF-2025-000123`) or a
 * free-text reason marked as such (`reason:窗口接待核实身份`, 2 to 200
 * characters after the prefix). HTTP header values are bytes: a reason in
 * Chinese arrives as raw UTF-8 (curl) or percent-encoded (browsers' fetch
 * only sends ISO-8859-1, so clients send `encodeURIComponent(text)`); both
 * are accepted. Absent → `purpose: undefined`; present but malformed → not ok.
 */
export function parseAccessPurpose(header: string | string[] | undefined): ParsedPurpose {
  if (header === undefined) return { ok: true, purpose: undefined };
  if (Array.isArray(header)) return { ok: false, message: `Send one ${PURPOSE_HEADER} header.` };
  const value = decodeHeader(header).trim();
  if (value === '') return { ok: true, purpose: undefined };
  const code = CASE_CODE.exec(value);
  if (code) {
    const year = Number(code[3]);
    if (year >= 2000 && year <= 2100 && code[4] !== '000000') return { ok: true, purpose: { kind: 'CASE', caseCode: value } };
    return { ok: false, message: `${PURPOSE_HEADER}: "${value.slice(0, 40)}" is not a valid case code (year 2000-2100, sequence 000001-999999).` };
  }
  if (value.toLowerCase().startsWith(REASON_PREFIX)) {
    const text = value.slice(REASON_PREFIX.length).trim();
    const length = [...text].length;
    if (length < REASON_MIN_LENGTH || length > REASON_MAX_LENGTH || UNPRINTABLE.test(text)) {
      return { ok: false, message: `${PURPOSE_HEADER}: a reason must be ${REASON_MIN_LENGTH} to ${REASON_MAX_LENGTH} printable characters after "${REASON_PREFIX}".` };
    }
    return { ok: true, purpose: { kind: 'REASON', text } };
  }
  return {
    ok: false,
    message: `${PURPOSE_HEADER} must be a case code (e.g. 420923-XF-2025-000123) or "${REASON_PREFIX}<text>" (e.g. ${REASON_PREFIX}窗口接待核实身份, percent-encoded or UTF-8).`,
  };
}

/** The purpose as one string (the signed context, logs, audit): the case code, or `reason:<text>`. */
export function purposeToString(purpose: AccessPurpose | undefined): string | null {
  if (!purpose) return null;
  return purpose.kind === 'CASE' ? purpose.caseCode : `${REASON_PREFIX}${purpose.text}`;
}

/** Node hands header bytes over as latin1; percent-encoding is decoded too. */
function decodeHeader(raw: string): string {
  let value = raw;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(value)) {
    const bytes = Buffer.from(value, 'latin1');
    const utf8 = bytes.toString('utf8');
    // Only when the bytes were valid UTF-8 (no replacement character appeared).
    if (!utf8.includes('\ufffd')) value = utf8;
  }
  if (/%[0-9A-Fa-f]{2}/.test(value)) {
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not percent-encoding after all (e.g. "50%"): keep the text as sent.
    }
  }
  return value;
}
