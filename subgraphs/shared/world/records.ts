/**
 * The import-file contract of the synthetic world (`npm run seed`), read by
 * each subgraph on first start to fill its own store.
 *
 * Layout under `<DATA_DIR>/world/` (default `./data/world/`):
 *
 * | file               | owner      | record kinds (`t`)                                   |
 * |--------------------|------------|------------------------------------------------------|
 * | `grid.ndjson`      | grid (ZZ)  | header, cell, household, person, dispute, link        |
 * | `petitions.ndjson` | XF         | header, petition                                      |
 * | `police.ndjson`    | GA         | header, incident                                      |
 * | `courts.ndjson`    | FY         | header, courtCase                                     |
 * | `legalaid.ndjson`  | SF         | header, legalAidCase                                  |
 * | `manifest.json`    | everyone   | {@link WorldManifest}                                 |
 * | `journeys.json`    | tests      | {@link JourneyRecord}[]                               |
 *
 * NDJSON: one JSON object per line, UTF-8, `\n` line ends, no blank lines.
 * Each line is tagged by `t`. The first line of every file is a
 * {@link HeaderRecord}. Readers switch on `t` and must skip kinds they do not
 * know, so later formats can add kinds without breaking old importers.
 *
 * Order inside a file: counties one after the other; inside a county, the
 * grid file has for each town its cells, then each household followed by its
 * members (so a cell precedes its households and a household its persons),
 * then the county's disputes and centre links. Agency files list a county's
 * matters in case-code order. Links point across files and forward in a
 * file: importers must not require a link target to exist when the link is
 * read.
 *
 * Conventions shared by every record:
 * - Timestamps ({@link IsoDateTime}) are China local time with an explicit
 *   offset, minute precision: `2025-03-16T09:30:00+08:00` (the DateTime
 *   scalar of schema/shared.graphql uses the same form). China has no
 *   daylight saving, so the offset is always +08:00. Dates
 *   ({@link IsoDate}) are `YYYY-MM-DD`, local.
 * - Raw 18-character resident ID numbers are stored as the agencies store
 *   them. The generator never computes person tokens: each subgraph derives
 *   the token itself (subgraphs/shared/identity/personToken.ts).
 * - Everything a case handler reads (names, addresses, titles,
 *   descriptions, units) is Simplified Chinese; enum-like fields are the
 *   upper-case codes below.
 * - Absent values are `null`, never missing keys, unless a field is marked
 *   optional (`?`).
 * - All data is synthetic: the ID numbers pass the GB 11643 checksum but
 *   belong to nobody; the header and manifest say `synthetic: true`.
 */

// ---------------------------------------------------------------------------
// Scalars and enums

/** `2025-03-16T09:30:00+08:00`: China local time, minute precision, offset always +08:00. */
export type IsoDateTime = string;
/** `2025-03-16`: a local calendar date. */
export type IsoDate = string;

/** Version of this contract, written in every header and in the manifest. */
export const WORLD_FORMAT_VERSION = 1;

/** The five import files by agency (the `Agency` enum value of the shared schema). */
export const WORLD_FILES = {
  GRID: 'grid.ndjson',
  PETITIONS: 'petitions.ndjson',
  POLICE: 'police.ndjson',
  COURTS: 'courts.ndjson',
  LEGAL_AID: 'legalaid.ndjson',
} as const;
export type WorldFileName = (typeof WORLD_FILES)[keyof typeof WORLD_FILES];

export const WORLD_MANIFEST_FILE = 'manifest.json';
export const WORLD_JOURNEYS_FILE = 'journeys.json';

/**
 * Party roles across agencies: the `PartyRole` enum of schema/shared.graphql,
 * value for value (a unit test compares the two). Each agency uses its
 * subset: grid disputes APPLICANT/RESPONDENT; petitions PETITIONER (claims,
 * suggestions), COMPLAINANT (the accuser of an accusation, whose identity
 * never reaches the accused), RESPONDENT; police REPORTER, VICTIM, SUSPECT,
 * WITNESS and THIRD_PARTY for anyone else involved (e.g. the other driver of
 * a traffic accident); courts PLAINTIFF/DEFENDANT (first instance),
 * APPELLANT/APPELLEE (second instance), APPLICANT/RESPONDENT (pre-suit
 * mediation, judicial confirmation, enforcement), THIRD_PARTY; legal aid and
 * mediation APPLICANT/RESPONDENT. AGENT is a lawyer or other representative
 * in any agency.
 */
export const PARTY_ROLES = [
  'APPLICANT',
  'RESPONDENT',
  'PETITIONER',
  'COMPLAINANT',
  'REPORTER',
  'VICTIM',
  'SUSPECT',
  'WITNESS',
  'PLAINTIFF',
  'DEFENDANT',
  'APPELLANT',
  'APPELLEE',
  'THIRD_PARTY',
  'AGENT',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export type Gender = 'MALE' | 'FEMALE';

/**
 * The centre's dispute categories (DOMAIN.md "Numbers for realistic data"),
 * used as the normalized `category` of every matter in every agency.
 */
export const DISPUTE_CATEGORIES = [
  'NEIGHBOUR',
  'MARRIAGE_FAMILY',
  'CONTRACT_DEBT',
  'LABOUR_WAGE',
  'LAND_HOMESTEAD',
  'INJURY_COMPENSATION',
  'TRAFFIC',
  'PROPERTY_MANAGEMENT',
  'MEDICAL',
  'CONSUMER',
  'OTHER',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/**
 * The normalized status every matter carries (`summaryStatus`), for the
 * registry's `MatterSummary`. Invariant: `closedAt === null` exactly when
 * the status is OPEN or IN_PROGRESS.
 * - OPEN: registered, nobody has started on it yet;
 * - IN_PROGRESS: being handled;
 * - RESOLVED: ended with the matter settled (agreement, judgment, decision,
 *   award, incident handled);
 * - UNRESOLVED: ended without a settlement and not handed on;
 * - TRANSFERRED: ended here by handing it to another agency or procedure
 *   (the receiving matter is linked when it exists);
 * - REFUSED: not accepted (petition not accepted, legal aid refused, court
 *   filing refused).
 */
export const MATTER_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'UNRESOLVED', 'TRANSFERRED', 'REFUSED'] as const;
export type MatterStatus = (typeof MATTER_STATUSES)[number];

/**
 * Why two matters are linked. Directional reasons come in pairs, one per
 * side (ORIGIN/FOLLOW_UP, APPEAL_OF/APPEALED_AS, ...): a link recorded on
 * matter A with reason R reads "A is R of the target". SETTLED_TOGETHER and
 * SAME_FACTS are symmetric.
 */
export const LINK_REASONS = [
  /** This matter arose from the target (the target came first). */
  'ORIGIN',
  /** The target arose from this matter (it was referred, transferred or escalated there). */
  'FOLLOW_UP',
  /** This second-instance case is the appeal of the target. */
  'APPEAL_OF',
  /** The target is the appeal of this case. */
  'APPEALED_AS',
  /** This enforcement case enforces the target (its 执行依据). */
  'ENFORCES',
  /** The target enforces this case. */
  'ENFORCED_BY',
  /** This judicial confirmation confirms the target's mediation agreement. */
  'CONFIRMS',
  /** The target confirms this matter's mediation agreement. */
  'CONFIRMED_BY',
  /** This matter's settlement also closed the target. */
  'SETTLES',
  /** The target's settlement closed this matter. */
  'SETTLED_BY',
  /** Both were closed by one settlement (一案解三结), recorded by the centre. */
  'SETTLED_TOGETHER',
  /** Same facts or the same parties' same quarrel, no order implied. */
  'SAME_FACTS',
] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

/** A reference from one matter to another, by case code. */
export interface MatterLink {
  /** Case code of the target; the target exists in the world (in any file). */
  readonly caseCode: string;
  readonly reason: LinkReason;
}

/** Return-visit rating (回访): satisfied / basically satisfied / not satisfied. */
export type Satisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED';

/**
 * A party to a matter as the agency recorded it. Persons usually carry
 * their raw ID number; some were recorded with a name and phone only
 * (`idNumber: null`), and organizations never have one. A few parties with
 * an ID number are not in the grid register (non-residents such as the
 * other driver of a traffic accident): their Person has a token but no core
 * record.
 */
export interface PartyRecord {
  readonly role: PartyRole;
  readonly kind: 'PERSON' | 'ORGANIZATION';
  /** Person's name or organization's name (Chinese). */
  readonly name: string;
  /** Raw 18-character resident ID number; null for organizations and for persons recorded without one. */
  readonly idNumber: string | null;
  readonly phone: string | null;
  /** Unified social credit code (统一社会信用代码, 18 characters, check character valid); null for persons. */
  readonly creditCode: string | null;
  /** For an AGENT: the law firm or organization acting; otherwise null. */
  readonly firm: string | null;
}

/** What every matter in every agency file carries: the registry's summary fields. */
export interface MatterBase {
  /**
   * One code per case (`420923-XF-2025-000123`, subgraphs/shared/codes/
   * caseCode.ts). The agency part matches the file. The division part is
   * the county that opened the matter, except for second-instance court
   * cases, which carry the intermediate court's city code (e.g. 420900).
   * The sequence counts per division, agency and year in order of opening.
   */
  readonly caseCode: string;
  /** Short Chinese title, e.g. 张伟与李娜邻里排水纠纷. */
  readonly title: string;
  /** The centre's normalized category. */
  readonly category: DisputeCategory;
  /**
   * 9-digit town code where the matter arose (for jurisdiction filtering);
   * for appeals still the town of the original dispute.
   */
  readonly division: string;
  readonly openedAt: IsoDateTime;
  /**
   * The deadline that applies to the matter's current stage, or for a closed
   * matter the one its closing step fell under; null where no time limit
   * applies (police incidents, consultations, legal aid after a lawyer is
   * assigned). Overdue = dueAt !== null && (closedAt ?? now) > dueAt.
   * Agency files document their rule on each record type.
   */
  readonly dueAt: IsoDateTime | null;
  /** When the matter ended here (resolved, refused or handed on); null while open. */
  readonly closedAt: IsoDateTime | null;
  readonly summaryStatus: MatterStatus;
  readonly parties: readonly PartyRecord[];
  /** Case code of the matter this one arose from, in any agency; also listed in `links` with reason ORIGIN. */
  readonly origin: string | null;
  /**
   * Every related matter this agency knows of, including those named by
   * typed fields (origin, appealOf, confirms, ...). Not guaranteed
   * symmetric: treat links as undirected edges (a matter may be linked only
   * from the other side), deduplicate by case code.
   */
  readonly links: readonly MatterLink[];
}

// ---------------------------------------------------------------------------
// Every file

/** First line of every NDJSON file. */
export interface HeaderRecord {
  readonly t: 'header';
  readonly format: typeof WORLD_FORMAT_VERSION;
  readonly synthetic: true;
  readonly file: WorldFileName;
  readonly seed: number;
  readonly people: number;
  /** The as-of date of the world: nothing in it happens on or after this day. */
  readonly asOf: IsoDate;
}

// ---------------------------------------------------------------------------
// grid.ndjson: the centre's register and dispute tickets

/** A grid cell (网格) with its grid worker. */
export interface CellRecord {
  readonly t: 'cell';
  /** `{12-digit village/community code}-{2-digit grid number}`, e.g. 420923100001-03. */
  readonly code: string;
  /** e.g. 城关镇东方社区第3网格. */
  readonly name: string;
  /** 9-digit town code. */
  readonly division: string;
  /** 12-digit village/community code (statistics bureau style: 0xx communities, 2xx villages). */
  readonly villageCode: string;
  /** e.g. 东方社区, 张湾村. */
  readonly villageName: string;
  readonly villageKind: 'COMMUNITY' | 'VILLAGE';
  readonly workerName: string;
  readonly workerPhone: string;
}

/** A household registered by the grid worker (户户建档). */
export interface HouseholdRecord {
  readonly t: 'household';
  /** `{cell code}-{4-digit number}`, e.g. 420923100001-03-0042. */
  readonly id: string;
  readonly cell: string;
  /** 9-digit town code. */
  readonly division: string;
  readonly address: string;
  /** Raw ID number of the head of household (户主), one of its members. */
  readonly head: string;
}

export type HouseholdRelation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'GRANDCHILD' | 'GRANDPARENT' | 'OTHER';

/**
 * A resident in the register (the grid owns the core Person record). Every
 * register person has an ID number; about 10% have one issued outside the
 * county (migrants). Gender and birth date agree with the ID number.
 */
export interface PersonRecord {
  readonly t: 'person';
  readonly idNumber: string;
  readonly name: string;
  readonly gender: Gender;
  readonly birthDate: IsoDate;
  /** 11-digit mobile number, unique in the world; null for young children. */
  readonly phone: string | null;
  readonly address: string;
  /** 9-digit town code of residence. */
  readonly division: string;
  readonly cell: string;
  readonly household: string;
  readonly relation: HouseholdRelation;
  /**
   * Special-population tags (rare, sensitive, PIPL art 28): 社区矫正,
   * 刑满释放, 严重精神障碍, 吸毒人员, 留守老人, 困境儿童. Usually empty.
   */
  readonly tags: readonly string[];
}

export type DisputeChannel = 'WALK_IN' | 'HOTLINE_12345' | 'POLICE_110' | 'GRID_PATROL' | 'PETITION_TRANSFER' | 'ONLINE';
export type DisputeTier = 'VILLAGE' | 'TOWN' | 'COUNTY';
export type DisputeSeverity = 'ORDINARY' | 'MAJOR';

/**
 * Steps of the ticket cycle (五单: 派单 接单 督办单 评单 核单) plus intake,
 * escalation and the outcome steps.
 */
export type DisputeStep =
  | 'INTAKE' // 登记受理
  | 'DISPATCH' // 派单
  | 'ACCEPT' // 接单
  | 'SUPERVISE' // 督办
  | 'ESCALATE' // 提级 (event carries the new tier)
  | 'RESOLVE' // 化解
  | 'FAIL' // 调解不成
  | 'TRANSFER' // 移交 another agency / litigation (the receiving matter is linked FOLLOW_UP)
  | 'EVALUATE' // 评单: return visit, event carries satisfaction
  | 'VERIFY'; // 核单: verified and archived

export interface DisputeEvent {
  readonly step: DisputeStep;
  readonly at: IsoDateTime;
  /** Name of the staff member who took the step. */
  readonly by: string;
  /** The unit acting (dispatch: the receiving unit). */
  readonly unit: string;
  readonly note: string | null;
  /** ESCALATE only: the tier after escalation. */
  readonly tier?: DisputeTier;
  /** EVALUATE only. */
  readonly satisfaction?: Satisfaction;
}

/** Status of a ticket: the step it last reached. */
export type DisputeStatus =
  | 'REGISTERED'
  | 'DISPATCHED'
  | 'ACCEPTED'
  | 'RESOLVED'
  | 'UNRESOLVED'
  | 'TRANSFERRED'
  | 'EVALUATED'
  | 'VERIFIED';

/**
 * A dispute ticket of the one-window intake (`Dispute implements Matter`).
 * dueAt = openedAt + 3 days (ORDINARY) or + 20 days (MAJOR), the Hubei local
 * rule of DOMAIN.md. closedAt = the RESOLVE, TRANSFER or (without transfer)
 * FAIL step (办结); the return visit and verification follow it. `origin`
 * is the police incident (channel POLICE_110) or petition
 * (PETITION_TRANSFER) the ticket came from, when known.
 */
export interface DisputeRecord extends MatterBase {
  readonly t: 'dispute';
  readonly channel: DisputeChannel;
  readonly description: string;
  /** Current tier (after any escalation). */
  readonly tier: DisputeTier;
  readonly severity: DisputeSeverity;
  /** Unit the ticket is dispatched to, e.g. 义堂镇张湾村人民调解委员会. */
  readonly assignedUnit: string;
  /** Grid cell where it arose, or null when it arose outside any cell (e.g. on a road). */
  readonly cell: string | null;
  readonly status: DisputeStatus;
  /** In time order; cut at the world's as-of date. */
  readonly events: readonly DisputeEvent[];
  readonly satisfaction: Satisfaction | null;
}

/**
 * A link the centre itself recorded between two matters of other agencies
 * (`linkMatters`), e.g. the three matters closed by one settlement
 * (SETTLED_TOGETHER). The matters' own `links` may or may not record the
 * same pair (with their own reasons); the registry merges both.
 */
export interface CentreLinkRecord {
  readonly t: 'link';
  readonly from: string;
  readonly to: string;
  readonly reason: LinkReason;
  readonly at: IsoDateTime;
  readonly by: string;
}

export type GridFileRecord = HeaderRecord | CellRecord | HouseholdRecord | PersonRecord | DisputeRecord | CentreLinkRecord;

// ---------------------------------------------------------------------------
// petitions.ndjson (信访工作条例 2022)

export type PetitionKind = 'SUGGESTION' | 'ACCUSATION' | 'CLAIM';
export type PetitionChannel = 'LETTER' | 'VISIT' | 'ONLINE' | 'PHONE';

/**
 * REGISTERED → FORWARDED (交办/转送, art 22) → ACCEPTED (acceptance notice,
 * art 23; handling) → DECIDED (written decision, art 32) → IN_REVIEW →
 * REVIEWED (复查, art 35) → IN_SECOND_REVIEW → CLOSED (复核, art 36, final).
 * NOT_ACCEPTED and DIVERTED (claims sent to the centre, a court or
 * arbitration, arts 28/31) end early. DECIDED and REVIEWED are terminal in
 * the snapshot (closedAt = that answer) and reopen if a review is requested.
 */
export type PetitionStatus =
  | 'REGISTERED'
  | 'FORWARDED'
  | 'ACCEPTED'
  | 'NOT_ACCEPTED'
  | 'DIVERTED'
  | 'DECIDED'
  | 'IN_REVIEW'
  | 'REVIEWED'
  | 'IN_SECOND_REVIEW'
  | 'CLOSED';

export type PetitionDecisionOutcome = 'SUPPORTED' | 'PARTLY_SUPPORTED' | 'NOT_SUPPORTED';

export interface PetitionReview {
  /** Within 30 days of the answer under review. */
  readonly requestedAt: IsoDateTime;
  /** Reviewing organ, e.g. 云梦县人民政府 (复查) or 孝感市人民政府 (复核). */
  readonly body: string;
  /** Within 30 days of the request; null while pending. */
  readonly decidedAt: IsoDateTime | null;
  readonly outcome: 'UPHELD' | 'REVISED' | null;
}

/**
 * A petition (`Petition implements Matter`). Petitioners are the parties
 * with role PETITIONER or (accusations) COMPLAINANT; five or more make a
 * collective petition. dueAt is the deadline of the stage reached:
 * registeredAt + 15 days (forward), forwardedAt + 15 (acceptance notice),
 * acceptanceNoticeAt + 60 (+ extension days) (decision), review/second
 * review requestedAt + 30.
 */
export interface PetitionRecord extends MatterBase {
  readonly t: 'petition';
  readonly kind: PetitionKind;
  readonly channel: PetitionChannel;
  /** What it is about, e.g. 反映征地补偿款未足额发放问题. */
  readonly subject: string;
  readonly content: string;
  /** The unit complained about or responsible, if any (for accusations the accused's unit). */
  readonly respondentUnit: string | null;
  /** Unit the petition was forwarded to for handling. */
  readonly handlingUnit: string;
  /**
   * Opaque key equal for petitions on the same facts (repeat detection):
   * a repeat carries the key of the first and `repeatOf` its case code.
   */
  readonly factsKey: string;
  /** Earlier petition on the same facts, or null. */
  readonly repeatOf: string | null;
  readonly status: PetitionStatus;
  /** = openedAt. */
  readonly registeredAt: IsoDateTime;
  readonly forwardedAt: IsoDateTime | null;
  readonly acceptanceNoticeAt: IsoDateTime | null;
  /** Decided by the acceptance notice: true accepted, false not accepted, null not yet. */
  readonly accepted: boolean | null;
  readonly notAcceptedReason: string | null;
  /** Where a DIVERTED claim was sent; the receiving matter (if any) is linked FOLLOW_UP. */
  readonly divertedTo: 'CENTRE' | 'COURT' | 'ARBITRATION' | null;
  /** acceptanceNoticeAt + 60 days + extension; null until accepted. */
  readonly handlingDueAt: IsoDateTime | null;
  /** One extension of up to 30 days, with its reason (art 34). */
  readonly extension: { readonly grantedAt: IsoDateTime; readonly days: number; readonly reason: string } | null;
  readonly decidedAt: IsoDateTime | null;
  readonly decision: { readonly outcome: PetitionDecisionOutcome; readonly text: string } | null;
  /** The petitioner's rating of the answer (art 21). */
  readonly rating: Satisfaction | null;
  readonly review: PetitionReview | null;
  readonly secondReview: PetitionReview | null;
}

// ---------------------------------------------------------------------------
// police.ndjson (110 警情)

export type PoliceChannel = 'CALL_110' | 'WALK_IN' | 'TRANSFER_12345';
export type PoliceCategory =
  | 'DISPUTE'
  | 'TRAFFIC_ACCIDENT'
  | 'THEFT'
  | 'FRAUD'
  | 'ASSAULT'
  | 'DOMESTIC_VIOLENCE'
  | 'PUBLIC_ORDER'
  | 'ASSISTANCE'
  | 'OTHER';
export type PoliceDisposition =
  | 'MEDIATED_ON_SITE'
  | 'TRANSFERRED_TO_CENTER'
  | 'ADMINISTRATIVE_CASE'
  | 'CRIMINAL_CASE'
  | 'NO_ACTION';
export type PoliceStatus = 'RECEIVED' | 'DISPATCHED' | 'ON_SCENE' | 'HANDLED' | 'REPORTED_BACK' | 'CLOSED';

/**
 * A 110 incident (`PoliceIncident implements Matter`): 接警 → 派警 → 到场 →
 * 处置 → 反馈 → 结警. openedAt = receivedAt, closedAt = the 结警 time;
 * dueAt is null (no statutory limit). Suspects (role SUSPECT) and the
 * narrative are police-only.
 */
export interface PoliceIncidentRecord extends MatterBase {
  readonly t: 'incident';
  /**
   * 接警单号: `J{6-digit county code}{yyyymmdd}{4-digit daily sequence}`,
   * e.g. J420923202503160012 → J 420923 20250316 0012; unique in the world.
   */
  readonly incidentNumber: string;
  readonly channel: PoliceChannel;
  readonly incidentCategory: PoliceCategory;
  /** Where it happened (address text). */
  readonly place: string;
  readonly status: PoliceStatus;
  readonly receivedAt: IsoDateTime;
  readonly dispatchedAt: IsoDateTime | null;
  readonly arrivedAt: IsoDateTime | null;
  readonly handledAt: IsoDateTime | null;
  readonly reportedBackAt: IsoDateTime | null;
  /** Set once handled. */
  readonly disposition: PoliceDisposition | null;
  /** TRANSFERRED_TO_CENTER: the centre's ticket (also a FOLLOW_UP link); null otherwise or before it exists. */
  readonly centerCaseCode: string | null;
  /** e.g. 云梦县公安局城关派出所. */
  readonly station: string;
  readonly officer: { readonly name: string; readonly badgeNumber: string };
  /** Police-only narrative (Chinese). */
  readonly narrative: string;
}

// ---------------------------------------------------------------------------
// courts.ndjson (民事诉讼法 2023)

export type CourtProcedure =
  | 'PRE_SUIT_MEDIATION'
  | 'JUDICIAL_CONFIRMATION'
  | 'SMALL_CLAIMS'
  | 'SIMPLIFIED'
  | 'ORDINARY'
  | 'SECOND_INSTANCE'
  | 'ENFORCEMENT';
/**
 * JUDGMENT, MEDIATED, WITHDRAWN, CONFIRMED as in the brief; added:
 * NOT_CONFIRMED (judicial confirmation refused), MEDIATION_FAILED (pre-suit
 * mediation ended without agreement; a 民初 case may follow), ENFORCED
 * (执行完毕) and TERMINATED (终结本次执行, no assets found).
 */
export type CourtOutcome =
  | 'JUDGMENT'
  | 'MEDIATED'
  | 'WITHDRAWN'
  | 'CONFIRMED'
  | 'NOT_CONFIRMED'
  | 'MEDIATION_FAILED'
  | 'ENFORCED'
  | 'TERMINATED';
/** RECEIVED (收案, filing undecided) → FILED (立案) → CLOSED (结案); NOT_FILED = filing refused. */
export type CourtStatus = 'RECEIVED' | 'FILED' | 'CLOSED' | 'NOT_FILED';

export interface CourtHearing {
  readonly at: IsoDateTime;
  readonly kind: 'MEDIATION' | 'PRE_TRIAL' | 'TRIAL' | 'CIRCUIT_TRIAL';
  /** Courtroom or place, e.g. 第三审判庭, 义堂人民法庭, 巡回审判点. */
  readonly place: string;
}

/**
 * A court case (`CourtCase implements Matter`). openedAt = receivedAt. dueAt:
 * before filing receivedAt + 7 days (art 126); after, filedAt + the limit of
 * the procedure plus extensions: pre-suit mediation 30 days, judicial
 * confirmation 30 days (art 187), small claims 2 months (art 168),
 * simplified 3 months (art 164), ordinary 6 months (art 152), second
 * instance 3 months (art 183), enforcement 6 months.
 */
export interface CourtCaseRecord extends MatterBase {
  readonly t: 'courtCase';
  /**
   * Official case number (案号), full-width brackets: （2025）鄂0923民初123号.
   * Assigned at filing, so null while RECEIVED or NOT_FILED. Pre-suit
   * mediation gets its 民诉前调 number on receipt.
   */
  readonly caseNumber: string | null;
  /** e.g. 云梦县人民法院, 孝感市中级人民法院. */
  readonly court: string;
  /** e.g. 鄂0923, 鄂09. */
  readonly courtCode: string;
  readonly procedure: CourtProcedure;
  /** 案由 as in the Supreme People's Court list, e.g. 追索劳动报酬纠纷. */
  readonly causeOfAction: string;
  /** 标的额 in yuan; null when not a money claim. */
  readonly claimAmount: number | null;
  readonly status: CourtStatus;
  readonly receivedAt: IsoDateTime;
  readonly filedAt: IsoDateTime | null;
  readonly judge: string;
  readonly hearings: readonly CourtHearing[];
  /** Approved extensions of the time limit (days each). */
  readonly extensions: readonly { readonly approvedAt: IsoDateTime; readonly days: number; readonly reason: string }[];
  readonly outcome: CourtOutcome | null;
  /** Second instance: the first-instance case appealed (also a link APPEAL_OF). */
  readonly appealOf: string | null;
  /** First instance: the appeal against it, if any (also a link APPEALED_AS). */
  readonly appealedAs: string | null;
  /** Judicial confirmation: the legal-aid/mediation matter whose agreement it confirms (link CONFIRMS). */
  readonly confirms: string | null;
  /** Enforcement: the case whose judgment is enforced (link ENFORCES). */
  readonly enforces: string | null;
}

// ---------------------------------------------------------------------------
// legalaid.ndjson (法律援助法 2021, 人民调解法, 劳动争议调解仲裁法)

export type LegalAidKind = 'LEGAL_AID' | 'MEDIATION' | 'CONSULTATION' | 'LABOUR_ARBITRATION';
export type LegalAidStatus =
  | 'APPLIED'
  | 'GRANTED'
  | 'REFUSED'
  | 'LAWYER_ASSIGNED'
  | 'MEDIATING'
  | 'AGREEMENT_SIGNED'
  | 'MEDIATION_FAILED'
  | 'ARBITRATING'
  | 'AWARDED'
  | 'WITHDRAWN'
  | 'ANSWERED'
  | 'CLOSED';

export interface LawyerRecord {
  readonly name: string;
  readonly firm: string;
  /** 17-digit practising licence number. */
  readonly licenceNumber: string;
}

/** Kind LEGAL_AID: the application and its decision (arts 42-44). */
export interface LegalAidDetails {
  /** What the aid is for, e.g. 劳动争议仲裁代理. */
  readonly matter: string;
  /** appliedAt + 7 days (art 43). */
  readonly decisionDueAt: IsoDateTime;
  readonly decidedAt: IsoDateTime | null;
  readonly decision: 'GRANTED' | 'REFUSED' | null;
  /** Written reason of a refusal. */
  readonly refusalReason: string | null;
  /** Provisional aid (先行提供, art 44): lawyer assigned before the decision because a limitation deadline is near. */
  readonly provisional: boolean;
  /** Means test skipped: migrant workers' wage claims (art 42). */
  readonly meansTestWaived: boolean;
  readonly lawyer: LawyerRecord | null;
  /** decidedAt + 3 days at the latest (earlier than decidedAt when provisional). */
  readonly assignedAt: IsoDateTime | null;
}

/** Kind MEDIATION: people's mediation (人民调解) by a committee. */
export interface MediationDetails {
  /** e.g. 义堂镇张湾村人民调解委员会. */
  readonly committee: string;
  readonly mediator: string;
  readonly result: 'AGREEMENT' | 'FAILED' | null;
  /** When mediation failed. */
  readonly failedAt: IsoDateTime | null;
  readonly agreement: {
    /** The agreement takes effect when signed. */
    readonly signedAt: IsoDateTime;
    readonly terms: string;
    readonly amountYuan: number | null;
    /** signedAt + 30 days: last day to apply for judicial confirmation (人民调解法 art 33). */
    readonly confirmationDeadline: IsoDateTime;
  } | null;
  /** The court case that confirmed the agreement (link CONFIRMED_BY), or null. */
  readonly confirmedBy: string | null;
}

/** Kind LABOUR_ARBITRATION, hosted at the centre (劳动争议调解仲裁法 arts 29, 43). */
export interface ArbitrationDetails {
  /** e.g. 云梦县劳动人事争议仲裁委员会. */
  readonly commission: string;
  readonly arbitrator: string;
  /** Within 5 days of application. */
  readonly acceptedAt: IsoDateTime | null;
  /** acceptedAt + 45 days + extension (at most 15). */
  readonly awardDueAt: IsoDateTime | null;
  readonly extensionDays: number;
  readonly award: { readonly at: IsoDateTime; readonly text: string; readonly amountYuan: number | null } | null;
  /** Application withdrawn (e.g. after a settlement). */
  readonly withdrawnAt: IsoDateTime | null;
}

/**
 * A matter of the justice bureau's legal-services system (`LegalAidCase
 * implements Matter`). openedAt = appliedAt. Exactly one of legalAid,
 * mediation, arbitration, consultation is non-null, matching `kind`.
 * dueAt: LEGAL_AID appliedAt + 7 days until decided, then decidedAt + 3
 * until a lawyer is assigned, then null (representation has no limit; a
 * refusal keeps the decision deadline); MEDIATION appliedAt + 30 days
 * (labour mediation 15, art 14 of the labour law); LABOUR_ARBITRATION
 * appliedAt + 5 days until accepted, then awardDueAt; CONSULTATION null.
 */
export interface LegalAidCaseRecord extends MatterBase {
  readonly t: 'legalAidCase';
  readonly kind: LegalAidKind;
  /** Handling organization, e.g. 云梦县法律援助中心. */
  readonly organization: string;
  readonly status: LegalAidStatus;
  readonly appliedAt: IsoDateTime;
  readonly legalAid: LegalAidDetails | null;
  readonly mediation: MediationDetails | null;
  readonly arbitration: ArbitrationDetails | null;
  readonly consultation: { readonly question: string; readonly answer: string | null } | null;
}

export type PetitionsFileRecord = HeaderRecord | PetitionRecord;
export type PoliceFileRecord = HeaderRecord | PoliceIncidentRecord;
export type CourtsFileRecord = HeaderRecord | CourtCaseRecord;
export type LegalAidFileRecord = HeaderRecord | LegalAidCaseRecord;

/** Any matter record of any file. */
export type MatterRecord = DisputeRecord | PetitionRecord | PoliceIncidentRecord | CourtCaseRecord | LegalAidCaseRecord;

// ---------------------------------------------------------------------------
// manifest.json and journeys.json

export const JOURNEY_KINDS = [
  /** 110 call → centre ticket → mediation fails → legal aid → labour arbitration → first instance → appeal → enforcement. */
  'WAGE_ARREARS',
  /** Grid worker report → village mediation → judicial confirmation (民特). */
  'GRID_MEDIATION_CONFIRMATION',
  /** Petition → acceptance notice → handling → review → second review → closed (and a refused repeat). */
  'PETITION_REVIEW',
  /**
   * 一案解三结: arbitration, lawsuit and petition closed by one court-led settlement the centre
   * coordinated; it starts with a 110 call, so its protagonist has matters in all five agencies.
   */
  'ONE_SETTLEMENT_THREE_MATTERS',
  /** Police → centre ticket → traffic mediation → court. */
  'TRAFFIC_ACCIDENT',
  /** Grid → family mediation → legal aid → court. */
  'FAMILY_DISPUTE',
] as const;
export type JourneyKind = (typeof JOURNEY_KINDS)[number];

/** One cross-agency journey, for tests and demos (journeys.json is an array of these). */
export interface JourneyRecord {
  /** J000001, in generation order. */
  readonly id: string;
  readonly kind: JourneyKind;
  /** 6-digit county code. */
  readonly county: string;
  /** Raw ID numbers of the journey's main person(s), all in the grid register; the first is the protagonist. */
  readonly persons: readonly string[];
  /** Case codes in the order the matters were opened (strictly increasing openedAt). */
  readonly caseCodes: readonly string[];
  /** False when the journey was still under way at the as-of date (later matters do not exist yet). */
  readonly complete: boolean;
}

export interface WorldFileInfo {
  /** Lines in the file, header included. */
  readonly records: number;
  readonly bytes: number;
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** manifest.json. Contains nothing that depends on when or where the generator ran. */
export interface WorldManifest {
  readonly format: typeof WORLD_FORMAT_VERSION;
  readonly synthetic: true;
  readonly arguments: { readonly people: number; readonly seed: number; readonly asOf: IsoDate };
  readonly asOf: IsoDate;
  /** Matters open from `from` (inclusive) to the as-of date (exclusive). */
  readonly window: { readonly from: IsoDate; readonly to: IsoDate };
  readonly counts: {
    readonly people: number;
    readonly households: number;
    readonly cells: number;
    readonly centreLinks: number;
    readonly matters: Readonly<Record<'GRID' | 'PETITIONS' | 'POLICE' | 'COURTS' | 'LEGAL_AID', number>>;
  };
  readonly journeys: Readonly<Record<JourneyKind, number>>;
  readonly files: Readonly<Record<WorldFileName | typeof WORLD_JOURNEYS_FILE, WorldFileInfo>>;
}
