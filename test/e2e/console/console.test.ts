// Issue 8, "Tests must show": the case handler's console in a real browser
// (Debian's Chromium, headless, driven by playwright-core) against the real
// subgraph and gateway processes. Screenshots go to test-artifacts/console/.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../gateway/security/demoUsers.ts';
import { expectedPersonView, type ExpectedPersonView } from '../support/expectedPersonView.ts';
import { eventually } from '../support/waitFor.ts';
import { launchChromium, openPage, type WatchedPage } from './chromium.ts';
import { startConsoleStack, tokenFor, type ConsoleStack } from './consoleStack.ts';
import {
  agencyTabCounts,
  AGENCIES,
  ask,
  attr,
  expectedTabCounts,
  findPersonBy,
  findPersonByIdNumber,
  fillPurpose,
  runTicketCycle,
  signInWithDemoUser,
  signInWithToken,
  timelineRows,
  type Purpose,
} from './consoleFlow.ts';

const HANDLER = DEMO_USERS.find((u) => u.key === 'handler')!;
const POLICE = DEMO_USERS.find((u) => u.key === 'police')!;
const FLOW_TIMEOUT = 240_000;

describe('the case handler console (/console) in Chromium', () => {
  let stack: ConsoleStack;
  let browser: Browser;
  let person: { idNumber: string; name: string; view: ExpectedPersonView };
  let policeToken: string;
  let handlerToken: string;
  /** Tickets the flows took in for the person (they join the timeline). */
  const tickets: string[] = [];
  const pages: WatchedPage[] = [];

  const open = async () => {
    const w = await openPage(browser, stack.base);
    pages.push(w);
    return w;
  };
  const PERSON_TIMELINE = `query ($id: String!) { personByIdNumber(idNumber: $id) { id name timeline(first: 100) { totalCount nodes { caseCode agency summary { openedAt overdue } related { caseCode } } } } }`;

  beforeAll(async () => {
    stack = await startConsoleStack();
    browser = await launchChromium();
    policeToken = await tokenFor(POLICE);
    handlerToken = await tokenFor(HANDLER);
    // A journey person of Yunmeng county (the demo handler's jurisdiction) with matters in all five agencies.
    const candidates = stack.world.journeys
      .filter((j) => j.county === '420923')
      .flatMap((j) => j.persons)
      .map((idNumber) => ({ idNumber, view: expectedPersonView(stack.world, idNumber) }));
    const found = candidates.find(({ view }) => [view.disputes, view.petitions, view.policeIncidents, view.courtCases, view.legalAidCases].every((s) => s.length > 0));
    expect(found, 'the seeded world has a Yunmeng journey person with matters in all five agencies').toBeDefined();
    // The registry is fed by the agencies' relays: wait until it holds the whole timeline.
    const answer = await eventually(async () => {
      const r = await ask(stack.graphql, handlerToken, { kind: 'REASON', text: '测试前核对数据' }, PERSON_TIMELINE, { id: found!.idNumber });
      return r.data?.personByIdNumber?.timeline.totalCount === found!.view.timeline.length ? r.data.personByIdNumber : undefined;
    }, 'the registry to hold the person\'s whole timeline', 60_000);
    person = { idNumber: found!.idNumber, name: answer.name, view: found!.view };
  }, 240_000);

  afterAll(async () => {
    for (const w of pages) await w.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  it('serves the console from the gateway under a same-origin CSP', async () => {
    const response = await fetch(`${stack.base}/console/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|unsafe/);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script>(?!<\/script>)|https?:\/\//);
    for (const asset of html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+)"/g)) {
      const served = await fetch(`${stack.base}${asset[1]}`);
      expect(served.status, asset[1]).toBe(200);
    }
  });

  it(
    'a police officer (token pasted at sign-in): a journey person, the whole timeline across five agencies with the police fields shown, full ID number on request, a linked matter; the centre\'s ticket cycle refused',
    async () => {
      const w = await open();
      const { page } = w;
      const purpose: Purpose = { kind: 'REASON', text: '民警核查警情关联人员' };
      await signInWithToken(w, stack.base, policeToken, POLICE.name);
      await findPersonByIdNumber(w, stack.base, person.idNumber, purpose, 'police-02-search');

      // The timeline: every matter the agencies hold, newest first, with the registry's overdue flags.
      const expected = person.view;
      const rows = await timelineRows(page, expected.timeline.length + tickets.length);
      expect(rows.map((r) => r.caseCode).sort()).toEqual([...expected.timeline, ...tickets].sort());
      expect(new Set(rows.map((r) => r.agency))).toEqual(new Set(AGENCIES));
      expect(await attr(page.getByTestId('timeline-total'), 'data-agencies')).toBe('5');
      const opened = rows.map((r) => r.opened);
      expect(opened).toEqual([...opened].sort().reverse());
      const api = await ask(stack.graphql, policeToken, purpose, PERSON_TIMELINE, { id: person.idNumber });
      const overdue = new Map<string, boolean>(api.data!.personByIdNumber.timeline.nodes.map((n: any) => [n.caseCode, n.summary.overdue]));
      for (const r of rows) expect({ [r.caseCode]: r.deadline === 'overdue' }).toEqual({ [r.caseCode]: overdue.get(r.caseCode) });

      // Each agency's own records, and the police-only fields a police officer may read.
      expect(await agencyTabCounts(page)).toEqual(expectedTabCounts(expected, tickets.length));
      await page.getByTestId('agency-tab-POLICE').click();
      const narratives = page.getByTestId('police-narrative');
      expect(await narratives.count()).toBe(expected.policeIncidents.length);
      for (const n of await narratives.all()) {
        expect(await n.getByTestId('withheld').count()).toBe(0);
        expect(((await n.textContent()) ?? '').length).toBeGreaterThan(1);
      }
      // Masked as the rights say: the full ID number on request (person:id_number), the full phone not (no person:phone).
      await page.getByTestId('unmask').click();
      await expect.poll(() => page.getByTestId('id-number-full').textContent()).toContain(person.idNumber);
      await expect.poll(() => page.getByTestId('phone-masked').textContent()).toContain('无权查看');
      // The links between matters, drawn as a graph.
      await expect.poll(() => page.getByTestId('graph-edge').count()).toBeGreaterThan(0);
      // Risk alerts are the centre's (riskAlerts: agency GRID or supervisor): withheld, not an error page.
      await expect.poll(() => page.getByTestId('risk-alerts-withheld').count()).toBe(1);
      expect(await page.getByTestId('risk-alerts').getByTestId('failure').count()).toBe(0);
      await w.screenshot('police-03-person');

      // Open a linked matter: its related matters are the registry's links, both ways.
      const linked = expected.timeline.find((c) => c.includes('-FY-') && (expected.related.get(c) ?? []).length > 0) ?? expected.timeline.find((c) => (expected.related.get(c) ?? []).length > 0)!;
      await page.locator(`[data-testid=timeline-row][data-case-code="${linked}"] a`).click();
      await expect.poll(() => page.getByTestId('matter-code').textContent()).toBe(linked);
      const related = page.getByTestId('related-row');
      await expect.poll(() => related.count()).toBe(expected.related.get(linked)!.length);
      const relatedCodes = [];
      for (const r of await related.all()) relatedCodes.push(await attr(r, 'data-case-code'));
      expect(relatedCodes.sort()).toEqual(expected.related.get(linked));
      await page.getByTestId('matter-detail').locator('.record-card').waitFor();
      await w.screenshot('police-04-matter');
      // ... and follow a link on to the next matter.
      const next = relatedCodes[0]!;
      await page.locator(`[data-testid=related-row][data-case-code="${next}"] a`).click();
      await expect.poll(() => page.getByTestId('matter-code').textContent()).toBe(next);
      await page.getByTestId('matter-title').waitFor();
      await expect.poll(() => attr(page.getByTestId('matter-detail'), 'data-agency')).not.toBe('');
      await w.screenshot('police-05-linked-matter');

      // The ticket cycle is the centre's (dispute mutations need agency GRID): intake is refused, in Chinese.
      await page.goBack();
      await page.goBack();
      await page.getByTestId('intake-for-person').click();
      const form = page.getByTestId('intake-form');
      await form.getByTestId('intake-title').fill(`${person.name}邻里纠纷（民警转交）`);
      await form.getByTestId('intake-description').fill('民警现场了解情况后建议到综治中心调解。');
      await form.getByTestId('intake-submit').click();
      await expect.poll(() => attr(form.getByTestId('failure'), 'data-code')).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
      expect(await form.getByTestId('failure').locator('p').textContent()).toContain('您无权办理此项业务');
      await w.screenshot('police-06-intake-refused');

      expect(w.outside, 'requests outside the gateway').toEqual([]);
      expect(w.problems).toEqual([]);
    },
    FLOW_TIMEOUT,
  );

  it(
    'a user without police rights (demo user picked at sign-in): the same flow with the police fields withheld',
    async () => {
      const w = await open();
      const { page } = w;
      const purpose: Purpose = { kind: 'CASE', caseCode: person.view.disputes[0]! };
      await signInWithDemoUser(w, stack.base, 'handler', HANDLER.name);
      await findPersonByIdNumber(w, stack.base, person.idNumber, purpose, 'handler-02-search');
      const rows = await timelineRows(page, person.view.timeline.length + tickets.length);
      expect(new Set(rows.map((r) => r.agency))).toEqual(new Set(AGENCIES));
      expect(await agencyTabCounts(page)).toEqual(expectedTabCounts(person.view, tickets.length));

      // Police-only fields: 「无权查看」 in place of the value, the rest of the incident shown.
      await page.getByTestId('agency-tab-POLICE').click();
      const narratives = page.getByTestId('police-narrative');
      expect(await narratives.count()).toBe(person.view.policeIncidents.length);
      for (const n of await narratives.all()) expect(await n.textContent()).toBe('无权查看');
      for (const s of await page.getByTestId('police-suspects').all()) expect(await s.textContent()).toBe('无权查看');
      expect(await page.getByTestId('agency-panel-POLICE').locator('.record-card header strong').count()).toBe(person.view.policeIncidents.length);
      // Special-population tags need a scope the window clerk does not hold.
      expect(await page.getByTestId('special-population').textContent()).toBe('无权查看');
      await w.screenshot('handler-03-person-police-withheld');

      // The other searches find the same person, masked: by the phone's last four digits (shown masked above), by name.
      const phoneSuffix = ((await page.getByTestId('phone-masked').textContent()) ?? '').trim().slice(-4);
      expect(phoneSuffix).toMatch(/^\d{4}$/);
      await findPersonBy(w, stack.base, 'PHONE', phoneSuffix, person);
      await findPersonBy(w, stack.base, 'NAME', person.name, person);
      await w.screenshot('handler-05-search-by-name');
      await page.getByTestId('person-result').filter({ hasText: person.name }).first().getByTestId('open-person').click();
      await page.getByTestId('core-record').waitFor();

      // A police matter's own page withholds the same fields.
      const incident = person.view.policeIncidents[0]!;
      await page.locator(`[data-testid=timeline-row][data-case-code="${incident}"] a`).click();
      await expect.poll(() => page.getByTestId('matter-code').textContent()).toBe(incident);
      await page.getByTestId('matter-detail').locator('.record-card').waitFor();
      expect(await page.getByTestId('matter-detail').getByTestId('police-narrative').textContent()).toBe('无权查看');
      expect(await page.getByTestId('related-row').count()).toBe(person.view.related.get(incident)!.length);
      await w.screenshot('handler-04-police-matter-withheld');

      // The window clerk's own work: a dispute through the cycle.
      await page.goBack();
      await page.getByTestId('core-record').waitFor();
      const cycle = await runTicketCycle(w, person, 'handler');
      tickets.push(cycle.caseCode);
      // The same idempotency key and request give the same ticket, not a second one.
      const replay = await ask(
        stack.graphql,
        handlerToken,
        { kind: 'CASE', caseCode: cycle.caseCode },
        `mutation ($k: String!, $i: DisputeIntakeInput!) { intakeDispute(idempotencyKey: $k, input: $i) { caseCode } }`,
        { k: cycle.idempotencyKey, i: cycle.input },
      );
      expect(replay.errors).toBeUndefined();
      expect(replay.data?.intakeDispute.caseCode).toBe(cycle.caseCode);
      // The ticket is on the person's timeline now, newest first, and its escalation raised a risk alert for them.
      await page.locator(`a[href^="#/person/"]`, { hasText: person.name }).first().click();
      const after = await timelineRows(page, person.view.timeline.length + tickets.length);
      expect(after[0]!.caseCode).toBe(cycle.caseCode);
      await expect.poll(() => page.locator('[data-testid=risk-alert][data-kind=ESCALATION]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await w.screenshot('handler-08-person-after-cycle');

      // Overdue tickets of a unit, as the gateway counts them.
      const overduePurpose: Purpose = { kind: 'REASON', text: '督办本单位超期工单' };
      const overdue = await ask(stack.graphql, handlerToken, overduePurpose, `{ disputes(filter: { overdueOnly: true, division: "420923" }, first: 100) { totalCount nodes { assignedUnit } } }`);
      const unit = overdue.data!.disputes.nodes.find((n: any) => n.assignedUnit)?.assignedUnit as string | undefined;
      await page.goto(`${stack.base}/console/#/tickets`);
      const section = page.getByTestId('overdue-tickets');
      await section.getByTestId('unit-input').fill(unit ?? '');
      await fillPurpose(section, overduePurpose);
      await section.getByTestId('overdue-submit').click();
      // The same filter the page sends: overdue only, the unit when there is one.
      const expectedRows = (await ask(stack.graphql, handlerToken, overduePurpose, `query ($f: DisputeFilter) { disputes(filter: $f, first: 100) { totalCount } }`, { f: { overdueOnly: true, ...(unit ? { assignedUnit: unit } : {}) } })).data!.disputes.totalCount;
      if (expectedRows > 0) {
        await expect.poll(() => section.getByTestId('overdue-row').count()).toBe(Math.min(100, expectedRows));
      } else {
        await expect.poll(() => section.textContent()).toContain('没有超期未办结的工单');
      }
      await w.screenshot('handler-09-overdue-of-unit');

      // The centre dashboard: the gateway's statistics for the county, as charts.
      await page.goto(`${stack.base}/console/#/dashboard`);
      await page.getByTestId('dashboard').waitFor();
      const from = await page.getByTestId('dashboard-from').inputValue();
      const to = await page.getByTestId('dashboard-to').inputValue();
      const stats = await ask(stack.graphql, handlerToken, overduePurpose, `query ($d: ID!, $f: Date!, $t: Date!) { centerStats(division: $d, from: $f, to: $t) { accepted overdueNow byCategory { category } } }`, { d: '420923', f: from, t: to });
      await expect.poll(() => page.getByTestId('kpi-accepted').textContent()).toBe(String(stats.data!.centerStats.accepted));
      expect(await page.getByTestId('kpi-overdue').textContent()).toBe(String(stats.data!.centerStats.overdueNow));
      for (const chart of ['chart-rates', 'chart-tiers', 'chart-categories']) await page.getByTestId(chart).waitFor();
      expect(await page.getByTestId('chart-categories').locator('[data-category]').count()).toBe(stats.data!.centerStats.byCategory.length);
      await w.screenshot('handler-10-dashboard');

      expect(w.outside, 'requests outside the gateway').toEqual([]);
      expect(w.problems).toEqual([]);
    },
    FLOW_TIMEOUT,
  );

  it(
    'with the police subgraph stopped, the person view shows the rest and marks police unavailable',
    async () => {
      await stack.system.stop('police');
      const w = await open();
      const { page } = w;
      await signInWithDemoUser(w, stack.base, 'handler', HANDLER.name);
      await findPersonByIdNumber(w, stack.base, person.idNumber, { kind: 'REASON', text: '公安系统维护期间核实信息' }, 'police-down-02-search');
      // The timeline comes from the centre's registry: all of it, police matters included.
      const rows = await timelineRows(page, person.view.timeline.length + tickets.length);
      expect(rows.filter((r) => r.agency === 'POLICE').map((r) => r.caseCode).sort()).toEqual(person.view.policeIncidents);
      const counts = await agencyTabCounts(page);
      expect(counts).toEqual({ ...expectedTabCounts(person.view, tickets.length), POLICE: 'unavailable' });
      await page.getByTestId('agency-tab-POLICE').click();
      await expect.poll(() => page.getByTestId('agency-panel-POLICE').textContent()).toContain('暂不可用');
      expect(await page.getByTestId('agency-panel-POLICE').getByTestId('unavailable').getAttribute('data-agency')).toBe('POLICE');
      await page.getByTestId('agency-tab-COURTS').click();
      expect(await page.getByTestId('agency-panel-COURTS').getByTestId('agency-record').count()).toBe(person.view.courtCases.length);
      await page.getByTestId('agency-tab-POLICE').click();
      await w.screenshot('police-down-03-person');

      // A police matter: the centre's summary and links, its police record unavailable.
      const incident = person.view.policeIncidents[0]!;
      await page.locator(`[data-testid=timeline-row][data-case-code="${incident}"] a`).click();
      await page.getByTestId('matter-title').waitFor();
      await expect.poll(() => page.getByTestId('matter-detail').textContent()).toContain('暂不可用');
      expect(await page.getByTestId('related-row').count()).toBe(person.view.related.get(incident)!.length);
      await w.screenshot('police-down-04-police-matter');

      expect(w.outside).toEqual([]);
      expect(w.problems).toEqual([]);
    },
    FLOW_TIMEOUT,
  );
});
