/**
 * Live progress in the sidebar (issue 13): while the first of two executions runs (its answer held back
 * about 10 s at 30× speed), the sidebar's bar and its "rows done" move, from what the execution publishes
 * and the sidebar polls (getProgress) — not "Starting…" until the execution returns.
 */
import { ADDS, bulkOrg, bulkRoster } from './bulk';
import { applyFromSidebar, describeBrowser, idle, menu, screenshot, sidebar, sidebarIdle, suiteWorkbench } from './harness';

jest.setTimeout(90_000);

describeBrowser('live progress', () => {
  const suite = suiteWorkbench({ seed: bulkOrg(), roster: bulkRoster(), speed: 30 });

  it('shows rows done growing during an execution, and says the run carries on if the sidebar closes', async () => {
    const { page } = suite.session;
    await menu(page, 'Open Chat Roster');
    const bar = sidebar(page);
    await applyFromSidebar(page);
    await page.waitForSelector('body[data-running~="provisionRoster"]');
    const text = bar.locator('#progress-text');
    // The first poll comes 3 s into the execution, long before its answer.
    await bar.locator('#progress-text', { hasText: /^[\d,]+ of 2,000 rows done$/ }).waitFor({ timeout: 8_000 });
    const first = Number((await text.textContent())!.split(' ')[0].replace(/,/g, ''));
    await page.waitForTimeout(3_500);
    const second = Number((await text.textContent())!.split(' ')[0].replace(/,/g, ''));
    // Both while the first execution's answer was still on its way.
    expect(await page.evaluate('document.body.dataset.running')).toContain('provisionRoster');
    expect(await page.$$eval('#activity li[data-name="provisionRoster"]', (items) => items.length)).toBe(1);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(await bar.locator('#progress-eta').textContent()).toMatch(/left$/);
    await screenshot(page, 'live-progress');

    await bar.locator('#message', { hasText: /close this sidebar: Chat Roster carries on by itself within the hour/ }).waitFor({ timeout: 30_000 });
    await bar.locator('#progress-text', { hasText: `${ADDS.toLocaleString('en-US')} of ${ADDS.toLocaleString('en-US')} rows done` }).waitFor({ timeout: 60_000 });
    await sidebarIdle(page);
    await idle(page);
    expect(suite.session.errors).toEqual([]);
  });
});
