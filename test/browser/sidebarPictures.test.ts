/**
 * Issue 13 in the sidebar: the preview's plan as a stacked bar per space with the people behind it (found by
 * name), the chart of the last runs, and what a new administrator tripped over — status words instead of
 * codes, Apply off when a preview has nothing to do, Refresh, the note before a preview replaces a run's
 * results, and each count shown once.
 */
import type { Browser } from 'playwright-core';
import {
  applyFromSidebar, describeBrowser, idle, launchChromium, menu, openWorkbench, previewFromSidebar, screenshot, sidebar, sidebarIdle,
  type Session,
} from './harness';

jest.setTimeout(90_000);

const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];

describeBrowser('pictures and small things in the sidebar', () => {
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    expect(session.errors).toEqual([]);
    await session?.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the plan per space, lists and finds its people, then charts the run and says its counts once', async () => {
    session = await openWorkbench(browser);
    const { page } = session;
    await menu(page, 'Open Chat Roster');
    const bar = sidebar(page);
    await previewFromSidebar(page);

    const engineering = bar.locator('#plan > li[data-space="Engineering"]');
    expect(await engineering.locator('.stack').getAttribute('role')).toBe('img');
    expect(await engineering.locator('.stack').getAttribute('aria-label')).toMatch(/^Engineering: \d+ to add, .*\d+ roles? to change/);
    expect(await engineering.locator('.stack .seg').count()).toBeGreaterThanOrEqual(3);
    // The legend of the roster summary: the status table's words, the code as the tooltip.
    const roleChange = bar.locator('#summary .status-row[data-status="WOULD_UPDATE_ROLE"] .status-name');
    expect(await roleChange.textContent()).toBe('Roles to change');
    expect(await roleChange.getAttribute('title')).toBe('Status column: WOULD_UPDATE_ROLE');

    await engineering.locator('summary').click();
    const people = await engineering.locator('.person .person-name').allTextContents();
    expect(people).toEqual(expect.arrayContaining(['dave.brown@example.com', 'bob.jones@example.com']));
    expect(await engineering.locator('.person[data-status="WOULD_ADD"] .person-status').first().textContent()).toBe('To add');
    await screenshot(page, 'pictures-plan');

    await bar.locator('#plan-find').fill('DAVE.b');
    expect(await engineering.locator('.person .person-name').allTextContents()).toEqual(['dave.brown@example.com']);
    expect(await engineering.locator('summary').textContent()).toMatch(/^1 of \d+ match$/);
    const opened = await bar.locator('#plan details[open]').count();
    expect(opened).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'pictures-find');

    await applyFromSidebar(page);
    await sidebarIdle(page);
    await idle(page);
    const message = (await bar.locator('#message').textContent()) ?? '';
    expect(message).toMatch(/\d+ added/);
    // The finished run's counts are its sentence: no second list of the same numbers under it.
    expect(await bar.locator('#result .status-list').count()).toBe(0);

    const chartRuns = bar.locator('#run-chart .chart-run');
    expect(await chartRuns.count()).toBe(1);
    expect(await chartRuns.first().textContent()).toMatch(/: \d+ changes, \d+ errors?$/);
    expect(await bar.locator('#run-chart .chart-changes').first().evaluate((node) => (node as unknown as { style: { height: string } }).style.height)).toBe('100%');

    // The sheet now holds the run's results: the sidebar says a preview replaces them, before one is pressed.
    const note = bar.locator('#preview-note');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/^The Status column shows the last run’s results \(\d+ added.*\)\. Preview replaces them/);
    await note.scrollIntoViewIfNeeded();
    await screenshot(page, 'pictures-preview-note');
    await bar.locator('#runs-heading').scrollIntoViewIfNeeded();
    await screenshot(page, 'pictures-chart');
  });

  it('keeps Apply off after a preview with nothing to do, says why, and Refresh reads the sheet again', async () => {
    session = await openWorkbench(browser);
    const { page, workbench } = session;
    workbench.world.spreadsheet.setSheet('Roster', [HEADERS, ['carol.white@example.com', 'Engineering', 'Member', 'add', '', '', ''], ['nobody@example', 'Engineering', '', '', '', '', '']]);
    workbench.world.spreadsheet.setSheet('Spaces', [['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated']]);
    workbench.world.spreadsheet.setSheet('Rules', [['Source', 'Space', 'Role', 'Status', 'Details', 'Updated']]);
    await menu(page, 'Open Chat Roster');
    const bar = sidebar(page);
    await previewFromSidebar(page);
    expect(await bar.locator('#apply').isDisabled()).toBe(true);
    expect(await bar.locator('#apply-why').textContent()).toBe('Nothing to apply: 1 row is INVALID (see the Details column); fix it, then Preview again.');
    expect(await bar.locator('#apply').getAttribute('aria-describedby')).toBe('apply-why');
    await screenshot(page, 'pictures-nothing-to-apply');

    expect(await bar.locator('#summary .summary-total').textContent()).toBe('2 rows in 1 space');
    workbench.world.spreadsheet.setSheet('Roster', [HEADERS, ['carol.white@example.com', 'Engineering', 'Member', 'add', '', '', ''], ['dave.brown@example.com', 'Design Team', '', '', '', '', ''], ['erin.green@example.com', 'Design Team', '', '', '', '', '']]);
    await bar.locator('#refresh').click();
    await sidebarIdle(page);
    expect(await bar.locator('#summary .summary-total').textContent()).toBe('3 rows in 2 spaces');
  });
});
