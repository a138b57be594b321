/**
 * The OAuth-style scopes the schema's `@requiresScopes` directives name. A
 * user's token carries the scopes of their role; the gateway enforces them.
 * README "Scopes" lists which demo role holds which.
 */
export const Scope = {
  /** The full resident ID number (otherwise served masked). */
  ID_NUMBER: 'person:id_number',
  /** The full phone number (otherwise served masked). */
  PHONE: 'person:phone',
  /** Special-population tags (社区矫正, 严重精神障碍, ...): sensitive under PIPL art 28. */
  SPECIAL_POPULATION: 'person:special_population',
  /** Police-only fields: suspects, the incident narrative. */
  POLICE_RESTRICTED: 'police:restricted',
  /** Who accused whom in a petition (信访工作条例 art 30). */
  PETITION_ACCUSER: 'petitions:accuser',
  /** A legal-aid applicant's finances (means test). */
  LEGAL_AID_FINANCE: 'legalaid:finance',
} as const;

/** The `@requiresScopes` directive text for one scope. */
export function requiresScope(scope: string): string {
  return `@requiresScopes(scopes: [["${scope}"]])`;
}

/**
 * The `@policy` directive text (Federation's policy directive, enforced by
 * the gateway from the verified claims: gateway/security/policies.ts knows
 * `agency:<CODE>`, `role:<name>`, `jurisdiction:<code>`). Each argument is
 * one group of policies that must all hold; any one group grants access:
 * `policy(['agency:GRID'], ['role:supervisor'])` is GRID staff or a
 * supervisor. Field level only: on an implementing type it would be copied
 * onto the `Matter` interface.
 */
export function policy(...groups: [string, ...string[]][]): string {
  return `@policy(policies: [${groups.map((g) => `[${g.map((p) => JSON.stringify(p)).join(', ')}]`).join(', ')}])`;
}
