// The steps of the console's end-to-end flows, driven in Chromium through
// the page's own controls (data-testid attributes), checked against the
// world files and the gateway's answers.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExpectedPersonView } from '../support/expectedPersonView.ts';
import { postGraphQL } from '../support/graphql.ts';
import type { WatchedPage } from './chromium.ts';

export const AGENCIES = ['GRID', 'PETITIONS', 'POLICE', 'COURTS', 'LEGAL_AID'] as const;

export type Purpose = { kind: 'REASON'; text: string } | { kind: 'CASE'; caseCode: string };

export function purposeHeader(purpose: Purpose): string {
  return purpose.kind === 'CASE' ? purpose.caseCode : `reason:${encodeURIComponent(purpose.text)}`;
}

/** The gateway's answer for the same user and purpose, to compare the page with. */
export async function ask(graphql: string, token: string, purpose: Purpose, query: string, variables: Record<string, unknown> = {}) {
  const result = await postGraphQL(graphql, query, { variables, headers: { authorization: `Bearer ${token}`, 'x-access-purpose': purposeHeader(purpose) } });
  expect(result.status, JSON.stringify(result.errors)).toBe(200);
  return result;
}

export async function attr(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(name)) ?? '';
}

export async function signInWithDemoUser(w: WatchedPage, base: string, key: string, name: string): Promise<void> {
  await w.page.goto(`${base}/console/`);
  await w.page.getByTestId(`demo-user-${key}`).waitFor();
  await w.screenshot(`${key}-01-sign-in`);
  await w.page.getByTestId(`demo-user-${key}`).click();
  await expect.poll(() => w.page.getByTestId('current-user').textContent()).toContain(name);
}

export async function signInWithToken(w: WatchedPage, base: string, token: string, name: string): Promise<void> {
  await w.page.goto(`${base}/console/`);
  await w.page.getByTestId('token-input').fill(token);
  await w.screenshot('token-01-sign-in');
  await w.page.getByTestId('token-submit').click();
  await expect.poll(() => w.page.getByTestId('current-user').textContent()).toContain(name);
}

export async function fillPurpose(scope: Page | Locator, purpose: Purpose): Promise<void> {
  if (purpose.kind === 'CASE') {
    await scope.getByTestId('purpose-kind-case').first().check();
    await scope.getByTestId('purpose-case-code').first().fill(purpose.caseCode);
  } else {
    await scope.getByTestId('purpose-kind-reason').first().check();
    await scope.getByTestId('purpose-reason').first().fill(purpose.text);
  }
}

/**
 * Person search by ID number, the check character verified as it is typed
 * (GB 11643 MOD 11-2): partial, wrong check character, then the number.
 */
export async function findPersonByIdNumber(w: WatchedPage, base: string, idNumber: string, purpose: Purpose, shot: string): Promise<void> {
  const { page } = w;
  await page.goto(`${base}/console/#/search`);
  const input = page.getByTestId('id-number-input');
  const check = page.getByTestId('id-number-check');
  await input.fill(idNumber.slice(0, 10));
  await expect.poll(() => attr(check, 'data-state')).toBe('typing');
  expect(await check.textContent()).toContain('10/18');
  const wrong = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');
  await input.fill(wrong);
  await expect.poll(() => attr(check, 'data-state')).toBe('invalid');
  expect(await check.textContent()).toContain('校验位');
  expect(await page.getByTestId('search-submit').isDisabled()).toBe(true);
  await input.fill(idNumber);
  await expect.poll(() => attr(check, 'data-state')).toBe('valid');
  expect(await check.textContent()).toContain('校验通过');
  await fillPurpose(page.getByTestId('search-form'), purpose);
  await page.getByTestId('search-submit').click();
  await page.getByTestId('person-result').first().waitFor();
  expect(await page.getByTestId('person-result').count()).toBe(1);
  // Masked, as the gateway serves it: first 6 and last 4 characters.
  expect(await page.getByTestId('search-results').textContent()).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
  await w.screenshot(shot);
  await page.getByTestId('open-person').click();
  await page.getByTestId('core-record').waitFor();
}

/** Person search by name, or by the last four digits of the phone number: the person is among the (masked) results. */
export async function findPersonBy(w: WatchedPage, base: string, mode: 'NAME' | 'PHONE', value: string, person: { name: string; idNumber: string }): Promise<void> {
  const { page } = w;
  // A fresh search page: no earlier results on it.
  await page.goto(`${base}/console/#/matter`);
  await page.goto(`${base}/console/#/search`);
  await page.getByTestId(`search-mode-${mode}`).click();
  await page.getByTestId(mode === 'NAME' ? 'name-input' : 'phone-input').fill(value);
  await page.getByTestId('search-submit').click();
  const masked = `${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`;
  const row = page.getByTestId('person-result').filter({ hasText: masked });
  await expect.poll(() => row.count()).toBe(1);
  expect(await row.textContent()).toContain(person.name);
  for (const r of await page.getByTestId('person-result').all()) expect(await r.textContent()).not.toMatch(/\d{17}[\dX]|1\d{10}/);
}

/** Waits until the timeline shows `count` matters, then returns each row's case code and agency, in page order. */
export async function timelineRows(page: Page, count: number): Promise<{ caseCode: string; agency: string; opened: string; deadline: string }[]> {
  await expect.poll(() => attr(page.getByTestId('timeline-total'), 'data-total'), { timeout: 20_000 }).toBe(String(count));
  const rows = page.getByTestId('timeline-row');
  await expect.poll(() => rows.count()).toBe(count);
  const out = [];
  for (const row of await rows.all()) {
    out.push({
      caseCode: await attr(row, 'data-case-code'),
      agency: await attr(row, 'data-agency'),
      opened: ((await row.locator('td').first().textContent()) ?? '').trim(),
      deadline: await attr(row.locator('[data-deadline]'), 'data-deadline'),
    });
  }
  return out;
}

/** The tab counts of the five agencies, once all have answered. */
export async function agencyTabCounts(page: Page): Promise<Record<string, string>> {
  const counts: Record<string, string> = {};
  for (const agency of AGENCIES) {
    const tab = page.getByTestId(`agency-tab-${agency}`);
    await expect.poll(() => attr(tab, 'data-state'), { timeout: 20_000 }).not.toBe('loading');
    counts[agency] = (await attr(tab, 'data-state')) === 'ready' ? await attr(tab, 'data-count') : await attr(tab, 'data-state');
  }
  return counts;
}

export function expectedTabCounts(view: ExpectedPersonView, extraTickets: number): Record<string, string> {
  return {
    GRID: String(view.disputes.length + extraTickets),
    PETITIONS: String(view.petitions.length),
    POLICE: String(view.policeIncidents.length),
    COURTS: String(view.courtCases.length),
    LEGAL_AID: String(view.legalAidCases.length),
  };
}

export interface CycleResult {
  caseCode: string;
  idempotencyKey: string;
  input: Record<string, unknown>;
}

/**
 * 窗口受理 for the person on screen, then the whole cycle: dispatch,
 * supervise, escalate (village → town), dispatch again, accept, resolve,
 * evaluate (满意), verify.
 */
export async function runTicketCycle(w: WatchedPage, person: { name: string; idNumber: string }, prefix: string): Promise<CycleResult> {
  const { page } = w;
  await page.getByTestId('intake-for-person').click();
  const form = page.getByTestId('intake-form');
  await form.waitFor();
  // The person found by their card comes over with name and number.
  expect(await form.getByTestId('intake-party-name').inputValue()).toBe(person.name);
  expect(await form.getByTestId('intake-party-id').inputValue()).toBe(person.idNumber);
  const title = `${person.name}与邻居通道堵塞纠纷（窗口受理）`;
  const description = '当事人反映邻居在共用通道堆放杂物，多次协商未果，请求调解。';
  await form.getByTestId('intake-title').fill(title);
  await form.getByTestId('intake-description').fill(description);
  const division = await form.getByTestId('intake-division').inputValue();
  const idempotencyKey = ((await form.getByTestId('intake-key').textContent()) ?? '').trim();
  expect(idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await w.screenshot(`${prefix}-06-intake`);
  await form.getByTestId('intake-submit').click();

  const ticket = page.getByTestId('ticket');
  await expect.poll(() => attr(ticket, 'data-status')).toBe('REGISTERED');
  const caseCode = ((await page.getByTestId('ticket-code').textContent()) ?? '').trim();
  expect(caseCode).toMatch(/^420923-ZZ-\d{4}-\d{6}$/);

  const step = async (action: string, fill: (() => Promise<unknown>) | undefined, status: string) => {
    await fill?.();
    await page.getByTestId(`${action}-submit`).click();
    await expect.poll(() => attr(ticket, 'data-status')).toBe(status);
  };
  await step('dispatch', () => page.getByTestId('dispatch-unit').fill('城关镇北门社区人民调解委员会'), 'DISPATCHED');
  await step('supervise', () => page.getByTestId('supervise-note').fill('请于三日内上门调解并反馈'), 'DISPATCHED');
  await expect.poll(() => page.locator('[data-step=SUPERVISE]').count()).toBe(1);
  await step('escalate', () => page.getByTestId('escalate-reason').fill('涉及多户居民，村级调解难以化解'), 'REGISTERED');
  expect(await attr(ticket, 'data-tier')).toBe('TOWN');
  await step('dispatch', () => page.getByTestId('dispatch-unit').fill('城关镇人民调解委员会'), 'DISPATCHED');
  await step('accept', undefined, 'ACCEPTED');
  await step('resolve', () => page.getByTestId('resolve-resolution').fill('双方达成调解协议，三日内清理通道'), 'RESOLVED');
  await step('evaluate', () => page.getByTestId('evaluate-satisfaction').selectOption('SATISFIED'), 'EVALUATED');
  expect(await page.getByTestId('ticket-satisfaction').textContent()).toBe('满意');
  await step('verify', undefined, 'VERIFIED');
  const steps: string[] = [];
  for (const li of await page.locator('[data-testid=steps] li').all()) steps.push(await attr(li, 'data-step'));
  expect(steps).toEqual(['INTAKE', 'DISPATCH', 'SUPERVISE', 'ESCALATE', 'DISPATCH', 'ACCEPT', 'RESOLVE', 'EVALUATE', 'VERIFY']);
  await w.screenshot(`${prefix}-07-ticket-verified`);
  return {
    caseCode,
    idempotencyKey,
    input: {
      channel: 'WALK_IN',
      category: 'NEIGHBOUR',
      severity: 'ORDINARY',
      tier: 'VILLAGE',
      division,
      title,
      description,
      parties: [{ role: 'APPLICANT', name: person.name, idNumber: person.idNumber }],
    },
  };
}
