import type { Principal } from './Principal.ts';

/**
 * DEVELOPMENT ONLY: the demo users of `npm run token -- <user>` (README
 * "Security"). Scopes follow least privilege: each role holds only the
 * scopes its statutory duty needs (PIPL art 6, 34); everyone else sees the
 * masked values. Scope names: subgraphs/shared/schema/scopes.ts.
 */
export interface DemoUser {
  /** What `npm run token -- <key>` takes. */
  readonly key: string;
  /** JWT `sub`. */
  readonly sub: string;
  readonly name: string;
  /** GRID, PETITIONS, POLICE, COURTS, LEGAL_AID, or '' for none. */
  readonly agency: string;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  /** Division codes: county 420923 云梦县, town 420923100 城关镇, city 420900 孝感市. */
  readonly jurisdiction: readonly string[];
  /** One line for the README and the token script's list. */
  readonly description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: 'handler',
    sub: 'zhou.jie',
    name: '周洁',
    agency: 'GRID',
    roles: ['case_handler'],
    // Calls parties back about their ticket; identity is checked at the window against the card itself.
    scopes: ['person:phone'],
    jurisdiction: ['420923'],
    description: 'case handler at the Yunmeng county centre (综治中心窗口)',
  },
  {
    key: 'gridworker',
    sub: 'li.juan',
    name: '李娟',
    agency: 'GRID',
    roles: ['grid_worker'],
    // Visits households and follows up special populations in her town.
    scopes: ['person:phone', 'person:special_population'],
    jurisdiction: ['420923100'],
    description: 'grid worker in 城关镇 (town 420923100)',
  },
  {
    key: 'petitions',
    sub: 'zhang.wei',
    name: '张伟',
    agency: 'PETITIONS',
    roles: ['petitions_officer'],
    // Handles accusations; must know the accuser to reply, and must not leak them (信访工作条例 art 30).
    scopes: ['petitions:accuser'],
    jurisdiction: ['420923'],
    description: 'officer of the county petitions bureau (信访局)',
  },
  {
    key: 'police',
    sub: 'liu.qiang',
    name: '刘强',
    agency: 'POLICE',
    roles: ['police_officer'],
    // Police-only records, and identity checks (the police issue resident ID cards).
    scopes: ['police:restricted', 'person:id_number'],
    jurisdiction: ['420923'],
    description: 'officer of the county public security bureau (公安局)',
  },
  {
    key: 'courts',
    sub: 'chen.jing',
    name: '陈静',
    agency: 'COURTS',
    roles: ['court_clerk'],
    // Identifies litigation participants for filing, service and enforcement.
    scopes: ['person:id_number'],
    jurisdiction: ['420923'],
    description: 'clerk of the county people\'s court (人民法院)',
  },
  {
    key: 'legalaid',
    sub: 'yang.fan',
    name: '杨帆',
    agency: 'LEGAL_AID',
    roles: ['legal_aid_officer'],
    // Decides legal-aid applications: the means test needs the applicant's finances.
    scopes: ['legalaid:finance'],
    jurisdiction: ['420923'],
    description: 'officer of the county legal aid centre (司法局法律援助中心)',
  },
  {
    key: 'supervisor',
    sub: 'huang.jianguo',
    name: '黄建国',
    agency: 'GRID',
    roles: ['supervisor'],
    // Oversees caseloads and deadlines across the city: masked values only.
    scopes: [],
    jurisdiction: ['420900'],
    description: 'supervisor at the Xiaogan city centre (孝感市), all its counties',
  },
  {
    key: 'auditor',
    sub: 'zhao.min',
    name: '赵敏',
    agency: '',
    roles: ['auditor'],
    // Reviews who read whom (the audit log); no person scopes, no agency.
    scopes: [],
    jurisdiction: ['420923'],
    description: 'auditor of access to personal information (no person scopes)',
  },
];

/** A demo user as the Principal authentication would make of their token (tests sign contexts for it). */
export function demoPrincipal(keyOrSub: string, expiresAt = Math.floor(Date.now() / 1000) + 8 * 3600): Principal {
  const user = demoUser(keyOrSub);
  if (!user) throw new Error(`no demo user "${keyOrSub}"; there are ${DEMO_USERS.map((u) => u.key).join(', ')}`);
  return {
    userId: user.sub,
    name: user.name,
    agency: user.agency,
    roles: [...user.roles],
    scopes: [...user.scopes],
    jurisdiction: [...user.jurisdiction],
    expiresAt,
  };
}

/** The demo user with this key (or `sub`), if any. */
export function demoUser(keyOrSub: string): DemoUser | undefined {
  return DEMO_USERS.find((u) => u.key === keyOrSub || u.sub === keyOrSub);
}
