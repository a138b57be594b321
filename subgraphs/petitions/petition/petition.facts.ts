import { createHash } from 'node:crypto';

/**
 * How a petition's facts are identified, so that a repeat is counted and a
 * petition on facts already closed is refused (信访工作条例 art 36: after
 * the second review the same facts and reasons are not accepted again).
 *
 * Every petition carries a `factsKey`, equal for petitions on the same
 * facts. On registration it is found in this order:
 * 1. `sameFactsAs: <case code>`: the handler says which petition it repeats
 *    (e.g. the same quarrel brought by a different representative); the
 *    new petition takes that petition's key.
 * 2. Otherwise the derived key (below) is looked up among earlier
 *    petitions, imported ones included: a match takes the key of the
 *    petition found (the world's keys are opaque, so this is how a new
 *    petition joins the facts of an imported one).
 * 3. Otherwise the derived key becomes the key: these are new facts.
 *
 * The derived key is a hash of: the petitioners (person tokens, or the
 * normalised name of one recorded without an ID number), as a set; the
 * respondent unit; and the subject. Texts are normalised: NFKC
 * (full-width to half-width), lower case, no spaces or punctuation, and a
 * leading 关于/反映/请求/要求 and a trailing (的)问题/事宜 dropped, so
 * "反映征地补偿款未足额发放问题" and "征地补偿款未足额发放" are the same subject.
 */
export function normalizeFactsText(text: string | null): string {
  let s = (text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  s = s.replace(/^(关于|反映|请求|要求)+/u, '').replace(/(的)?(问题|事宜)$/u, '');
  return s;
}

export function derivedFactsKey(petitioners: readonly { personId: string | null; name: string }[], respondentUnit: string | null, subject: string): string {
  const who = [...new Set(petitioners.map((p) => p.personId ?? `name:${normalizeFactsText(p.name)}`))].sort();
  const digest = createHash('sha256')
    .update(JSON.stringify([who, normalizeFactsText(respondentUnit), normalizeFactsText(subject)]))
    .digest('hex');
  return `f_${digest.slice(0, 32)}`;
}
