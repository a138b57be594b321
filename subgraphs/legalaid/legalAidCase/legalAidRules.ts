/**
 * Local rules of the legal-services system, not law (DOMAIN.md: keep them
 * configurable per jurisdiction), set with LEGALAID_RULES (JSON of this
 * shape):
 * - the means test (法律援助法 art 34 leaves the economic-hardship standard
 *   to the provinces): monthly household income per member at or below
 *   this many yuan passes;
 * - people's mediation has no statutory limit; centres expect it closed
 *   within a month.
 */
export interface LegalAidRules {
  meansTestMonthlyIncomePerMemberYuan: number;
  mediationDays: number;
}

export const DEFAULT_LEGAL_AID_RULES: LegalAidRules = {
  meansTestMonthlyIncomePerMemberYuan: 2_010,
  mediationDays: 30,
};

/** Reads LEGALAID_RULES over the defaults; a malformed value is an error at start. */
export function parseLegalAidRules(json: string | undefined): LegalAidRules {
  if (!json) return DEFAULT_LEGAL_AID_RULES;
  const rules = { ...DEFAULT_LEGAL_AID_RULES, ...(JSON.parse(json) as Partial<LegalAidRules>) };
  if (!(rules.meansTestMonthlyIncomePerMemberYuan >= 0)) throw new Error('LEGALAID_RULES: meansTestMonthlyIncomePerMemberYuan must be a number >= 0');
  if (!Number.isInteger(rules.mediationDays) || rules.mediationDays < 1) throw new Error('LEGALAID_RULES: mediationDays must be whole days >= 1');
  return rules;
}
