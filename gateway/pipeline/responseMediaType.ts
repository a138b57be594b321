// The media type of a single GraphQL answer, as Apollo Server chooses it
// (`chooseContentTypeForSingleResultResponse`, the `negotiator` package's
// ranking) for the Accept headers clients actually send. Anything this does
// not decide with certainty (quality values, media-type parameters, other
// syntax) returns undefined and the request takes Apollo Server's own path.

export const APPLICATION_JSON = 'application/json; charset=utf-8';
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

const CANDIDATES = [
  { type: 'application', subtype: 'json', contentType: APPLICATION_JSON },
  { type: 'application', subtype: 'graphql-response+json', contentType: GRAPHQL_RESPONSE_JSON },
] as const;

const RANGE = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/i;
const decided = new Map<string, string | undefined>();
const MAX_REMEMBERED = 100;

/**
 * `application/json; charset=utf-8` without an Accept header; else the
 * candidate the header ranks first (exact match over wildcards, then the
 * header's order, then JSON first); undefined when undecided here, or when
 * neither is acceptable (Apollo Server answers 406).
 */
export function responseMediaType(accept: string | string[] | undefined): string | undefined {
  if (accept === undefined) return APPLICATION_JSON;
  if (typeof accept !== 'string') return undefined;
  if (decided.has(accept)) return decided.get(accept);
  const choice = decide(accept);
  if (decided.size < MAX_REMEMBERED) decided.set(accept, choice);
  return choice;
}

function decide(accept: string): string | undefined {
  const ranges: { type: string; subtype: string }[] = [];
  for (const part of accept.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const match = RANGE.exec(trimmed);
    // Parameters (q=, charset=...) change the ranking rules: leave those to Apollo Server.
    if (!match) return undefined;
    ranges.push({ type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase() });
  }
  if (ranges.length === 0) return undefined;
  let best: { contentType: string; specificity: number; order: number } | undefined;
  for (const candidate of CANDIDATES) {
    let match: { specificity: number; order: number } | undefined;
    ranges.forEach((range, order) => {
      let specificity: number;
      if (range.type === candidate.type && range.subtype === candidate.subtype) specificity = 6;
      else if (range.type === candidate.type && range.subtype === '*') specificity = 4;
      else if (range.type === '*' && range.subtype === '*') specificity = 0;
      else return;
      if (!match || specificity > match.specificity || (specificity === match.specificity && order < match.order)) match = { specificity, order };
    });
    if (!match) continue;
    if (!best || match.specificity > best.specificity || (match.specificity === best.specificity && match.order < best.order)) {
      best = { contentType: candidate.contentType, ...match };
    }
  }
  return best?.contentType;
}
