/** "This matter led to that one", as the agencies record it themselves. */
export interface DirectedLink {
  from: string;
  to: string;
  /** What the link is, in Chinese (来源, 上诉, 执行, 司法确认, 移交中心, 重复信访, 导入). */
  label: string;
}

type Ref = { caseCode: string } | null | undefined;

interface SliceData {
  petitions: readonly { caseCode: string; origin?: Ref; repeatOf?: Ref; diversion?: { followUp?: Ref } | null }[];
  police: readonly { caseCode: string; centerTicket?: Ref }[];
  courts: readonly { caseCode: string; origin?: Ref; confirms?: Ref; appealOf?: Ref; enforces?: Ref }[];
  legalAid: readonly { caseCode: string; origin?: Ref; links?: readonly { reason: string; matter: Ref }[] | null }[];
}

/**
 * The directed links the agencies' own fields give (a court case's origin,
 * the appeal and enforcement chains, judicial confirmation, a police
 * incident transferred to the centre, a petition diverted or repeated, legal
 * aid's own links). Links the registry knows without a direction are drawn
 * by time order instead.
 */
export function explicitLinks(data: SliceData): DirectedLink[] {
  const out = new Map<string, DirectedLink>();
  const add = (from: Ref, to: Ref, label: string) => {
    if (!from || !to || from.caseCode === to.caseCode) return;
    const key = `${from.caseCode}>${to.caseCode}`;
    if (!out.has(key)) out.set(key, { from: from.caseCode, to: to.caseCode, label });
  };
  for (const p of data.petitions) {
    add(p.origin, p, '来源');
    add(p.repeatOf, p, '重复信访');
    add(p, p.diversion?.followUp, '导入');
  }
  for (const i of data.police) add(i, i.centerTicket, '移交中心');
  for (const c of data.courts) {
    add(c.origin, c, '来源');
    add(c.confirms, c, '司法确认');
    add(c.appealOf, c, '上诉');
    add(c.enforces, c, '执行');
  }
  for (const l of data.legalAid) {
    add(l.origin, l, '来源');
    for (const link of l.links ?? []) {
      // As legal aid records them (subgraphs/legalaid, world/matters/Draft.ts):
      // ORIGIN: the other is this one's origin; FOLLOW_UP: the other followed
      // this one; CONFIRMED_BY: a court confirmed this mediation agreement.
      if (link.reason === 'ORIGIN') add(link.matter, l, '来源');
      else if (link.reason === 'FOLLOW_UP') add(l, link.matter, '来源');
      else if (link.reason === 'CONFIRMED_BY') add(l, link.matter, '司法确认');
      else if (link.reason === 'SETTLES') add(l, link.matter, '一并化解');
      else if (link.reason === 'SETTLED_BY') add(link.matter, l, '一并化解');
    }
  }
  return [...out.values()];
}
