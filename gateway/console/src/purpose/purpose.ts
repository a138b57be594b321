/**
 * Why the user is looking (x-access-purpose, README "Security"): the case
 * code of the matter being handled, or a stated reason. Every read of
 * person data carries it and the audit log records it.
 */
export type Purpose = { kind: 'CASE'; caseCode: string } | { kind: 'REASON'; text: string };

// {division}-{agency code}-{yyyy}-{sequence}, as gateway/security/parseAccessPurpose.ts reads it.
export const CASE_CODE = /^[1-8]\d{5}-(ZZ|XF|GA|FY|SF)-(\d{4})-(\d{6})$/;
export const REASON_MIN = 2;
export const REASON_MAX = 200;
// Control characters and bidirectional overrides (a logged reason must read as it was stored).
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Whether a string is a well-formed case code (一案一码). */
export function isCaseCode(value: string): boolean {
  const m = CASE_CODE.exec(value.trim());
  return m !== null && Number(m[2]) >= 2000 && Number(m[2]) <= 2100 && m[3] !== '000000';
}

/** A problem with the purpose as typed, in Chinese; undefined when it is usable. */
export function purposeProblem(purpose: Purpose): string | undefined {
  if (purpose.kind === 'CASE') {
    return isCaseCode(purpose.caseCode) ? undefined : '案件编码格式应为 区划代码-机构代码-年份-序号，如 420923-ZZ-2026-000123';
  }
  const text = purpose.text.trim();
  const length = [...text].length;
  if (length < REASON_MIN) return `请写明查询事由（至少 ${REASON_MIN} 个字）`;
  if (length > REASON_MAX) return `查询事由不超过 ${REASON_MAX} 个字`;
  if (UNPRINTABLE.test(text)) return '查询事由含有不可打印的字符';
  return undefined;
}

/**
 * The header value. Browsers send header values as ISO-8859-1 only, so a
 * reason in Chinese is percent-encoded (the gateway decodes it).
 */
export function encodePurpose(purpose: Purpose): string {
  return purpose.kind === 'CASE' ? purpose.caseCode.trim() : `reason:${encodeURIComponent(purpose.text.trim())}`;
}

/** The purpose as shown to the user. */
export function describePurpose(purpose: Purpose): string {
  return purpose.kind === 'CASE' ? `办理案件 ${purpose.caseCode}` : `事由：${purpose.text}`;
}
