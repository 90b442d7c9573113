/**
 * Rosters too big for one execution: 2,000 adds to one space need two (about 1,700 writes fit in one at
 * Google's 300-a-minute budget), driven by the sidebar; and Stop in the middle, then Resume.
 */
import type { Browser } from 'playwright-core';
import { ADDS, SPACE, bulkOrg, bulkRoster, email } from './bulk';
import {
  counts, describeBrowser, gridRows, launchChromium, openTab, openWorkbench, screenshot, shownMembers, sidebar,
  waitForColumn, idle, running, applyFromSidebar, sidebarIdle, type Session,
} from './harness';

jest.setTimeout(90_000);

describeBrowser('long runs', () => {
  let browser: Browser;
  let session: Session | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('applies a roster that needs two executions: every row ADDED, every member in the space', async () => {
    session = await openWorkbench(browser, { seed: bulkOrg(), roster: bulkRoster(), speed: 0 });
    const { page } = session;
    await page.click('#menu-extensions-button');
    await page.click('[data-menu="Chat Roster"]');
    await page.getByRole('menuitem', { name: 'Open Chat Roster', exact: true }).click();
    await applyFromSidebar(page);
    await waitForColumn(page, 'Status', (cells) => cells.length === ADDS && cells.every((cell) => cell === 'ADDED'), 60_000);
    await sidebarIdle(page);
    await idle(page);

    // two provisionRoster executions in the activity list, and the run log says so
    const executions = await page.$$eval('#activity li[data-name="provisionRoster"]', (items) => items.length);
    expect(executions).toBeGreaterThanOrEqual(2);
    const members = await shownMembers(page, SPACE);
    expect(members).toHaveLength(ADDS + 1);
    expect(members).toContainEqual({ member: email(ADDS - 1), role: 'Member', state: 'joined' });
    expect(await page.textContent(`.space[data-space="${SPACE}"] .space-name`)).toContain(`${ADDS + 1} members`);
    await screenshot(page, 'long-run-done');
    await openTab(page, 'Chat Roster Log');
    const log = await gridRows(page);
    const column = log[0].findIndex((header) => /^executions$/i.test(header));
    expect(column).toBeGreaterThanOrEqual(0);
    expect(Number(log[log.length - 1][column])).toBeGreaterThanOrEqual(2);
    expect(session.errors).toEqual([]);
  });

  it('stops mid-run (rows stay PENDING) and resumes to the end', async () => {
    // 60×: the first execution's answer takes about 6 s, time enough to press Stop while it runs.
    session = await openWorkbench(browser, { seed: bulkOrg(), roster: bulkRoster(), speed: 60 });
    const { page } = session;
    await page.click('#menu-extensions-button');
    await page.click('[data-menu="Chat Roster"]');
    await page.getByRole('menuitem', { name: 'Open Chat Roster', exact: true }).click();
    const bar = sidebar(page);
    await applyFromSidebar(page);
    await page.waitForSelector('body[data-running~="provisionRoster"]');
    await bar.locator('#stop').click();
    // the execution under way finishes its share; the sidebar then starts no other
    const stopped = await waitForColumn(page, 'Status', (cells) => cells.includes('ADDED') && cells.includes('PENDING'), 30_000);
    await sidebarIdle(page);
    await idle(page);
    await page.waitForTimeout(1500); // no further execution starts by itself
    expect(await running(page)).toBe('');
    const afterStop = counts((await waitForColumn(page, 'Status', (cells) => cells.includes('PENDING'))));
    expect(afterStop).toEqual(counts(stopped));
    expect(afterStop.PENDING).toBeGreaterThan(0);
    expect(afterStop.ADDED + afterStop.PENDING).toBe(ADDS);
    expect(await shownMembers(page, SPACE)).toHaveLength(afterStop.ADDED + 1);
    await screenshot(page, 'long-run-stopped');

    await bar.locator('#resume').click();
    await waitForColumn(page, 'Status', (cells) => cells.every((cell) => cell === 'ADDED'), 30_000);
    await sidebarIdle(page);
    await idle(page);
    expect(await shownMembers(page, SPACE)).toHaveLength(ADDS + 1);
    expect(session.workbench.google.writes()).toHaveLength(ADDS); // nothing applied twice
    await screenshot(page, 'long-run-resumed');
    expect(session.errors).toEqual([]);
  });
});
