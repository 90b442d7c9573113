/**
 * The workbench's own controls (issue 13): Reset demo, pasting tab-separated rows into the grid, a sheet far
 * longer than 1,000 rows, acting as a plain member instead of the administrator, Escape closing the menu,
 * and virtual time shown in the spreadsheet's named time zone.
 */
import type { Page } from 'playwright-core';
import {
  describeBrowser, idle, gridColumn, gridRows, menu, openTab, screenshot, sidebar, sidebarIdle, typeIntoCell, suiteWorkbench,
} from './harness';

jest.setTimeout(60_000);

const BOB = 'bob.jones@example.com';

/** Pastes text at the selected cell as the browser would on Ctrl+V (a paste event carrying text/plain). */
async function pasteText(page: Page, text: string): Promise<void> {
  const written = page.waitForResponse((response) => response.url().endsWith('/api/sheet/paste'));
  const refreshed = page.waitForResponse((response) => response.url().includes('/api/sheet?name='));
  // A string, not a function: the tests' tsconfig has no DOM types.
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.getElementById('grid-scroll').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  expect((await written).status()).toBe(200);
  await refreshed;
}

describeBrowser('workbench controls', () => {
  const suite = suiteWorkbench();

  it('shows virtual time in the spreadsheet\'s time zone, named, with UTC in the tooltip', async () => {
    const { page, workbench } = suite.session;
    const zone = workbench.world.spreadsheet.timeZone;
    expect(zone).toBe('America/New_York');
    const text = (await page.textContent('#clock')) ?? '';
    expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(America\/New_York\)$/);
    const title = (await page.getAttribute('#clock', 'title')) ?? '';
    expect(title).toBe(`${new Date(workbench.google.clock.now()).toISOString().replace('T', ' ').slice(0, 19)} UTC`);
    // The same instant, read in the zone (New York is 4 or 5 hours behind UTC).
    const local = Date.parse(`${text.slice(0, 19).replace(' ', 'T')}Z`);
    expect([4, 5]).toContain((workbench.google.clock.now() - local) / 3600_000);
    expect(await page.textContent('.google-head')).toContain('Virtual time');
  });

  it('Escape closes the Extensions menu and its submenu and gives focus back to Extensions', async () => {
    const { page } = suite.session;
    await page.click('#menu-extensions-button');
    await page.click('[data-menu="Chat Roster"]');
    await page.getByRole('menuitem', { name: 'Check setup', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#menu-extensions-popup')).toBe(true);
    expect(await page.getAttribute('#menu-extensions-button', 'aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement.id')).toBe('menu-extensions-button');
    // Opened again, the submenu starts closed (Escape closed it too).
    await page.click('#menu-extensions-button');
    expect(await page.isHidden('.submenu')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#menu-extensions-popup')).toBe(true);
  });

  it('pastes tab-separated rows at the selected cell in one write, ragged rows and trailing newline included', async () => {
    const { page, workbench } = suite.session;
    await openTab(page, 'Sheet1');
    await page.click('#grid td[data-row="2"][data-column="2"]');
    const rows = [['Member', 'Space', 'Role'], ['erin@example.com', 'Sales', 'Member'], ['frank@example.com', 'Sales'], ['"quoted"\tcell', 'Partners', 'Manager']];
    const tsv = 'Member\tSpace\tRole\r\nerin@example.com\tSales\tMember\nfrank@example.com\tSales\n"""quoted""\tcell"\tPartners\tManager\n';
    const writesBefore = workbench.google.calls.length;
    await pasteText(page, tsv);
    // The grid may have been refreshing for the tab already: wait for what the paste shows, not a response.
    await page.locator('#grid td[data-row="5"][data-column="2"]', { hasText: '"quoted"\tcell' }).waitFor();
    const shown = await gridRows(page);
    expect(shown.slice(1, 5).map((row) => row.slice(1, 4))).toEqual(rows.map((row) => [...row, '', ''].slice(0, 3)));
    expect(shown[0].every((cell) => cell === '')).toBe(true);
    expect(workbench.world.spreadsheet.sheet('Sheet1')![3]).toEqual(['', 'frank@example.com', 'Sales', '']);
    expect(workbench.google.calls.length).toBe(writesBefore); // a user's paste, not an API call

    // A paste past the last row grows the sheet.
    const data = workbench.world.spreadsheet.sheetData('Sheet1')!;
    const bottom = data.maxRows;
    workbench.workbench.editCell('Sheet1', bottom, 1, 'last'); // so the grid reaches the last row
    await openTab(page, 'Roster');
    await openTab(page, 'Sheet1');
    await page.evaluate(`(() => { const s = document.getElementById('grid-scroll'); s.scrollTop = s.scrollHeight; })()`);
    await page.click(`#grid td[data-row="${bottom}"][data-column="1"]`);
    await pasteText(page, 'a\tb\tc\nd\te\tf\ng\th\ti\n');
    expect(data.maxRows).toBe(bottom + 2);
    expect(workbench.world.spreadsheet.sheet('Sheet1')!.slice(-3).map((row) => row.slice(0, 3))).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']]);
    await page.locator(`#grid td[data-row="${bottom + 2}"][data-column="3"]`).waitFor();
    expect(await page.textContent(`#grid td[data-row="${bottom + 2}"][data-column="3"]`)).toBe('i');
    await screenshot(page, 'workbench-paste');
  });

  it('renders a 5,000-row sheet without drawing every row, and scrolls to its last row', async () => {
    const { page, workbench } = suite.session;
    const rows = [['Member', 'Space', 'Role']];
    for (let i = 1; i < 5000; i++) rows.push([`person${i}@example.com`, `Space ${i % 7}`, i % 10 === 0 ? 'Manager' : 'Member']);
    workbench.world.spreadsheet.setSheet('Big', rows);
    // Any refresh shows the new tab: switching tabs refreshes.
    await openTab(page, 'Rules');
    await openTab(page, 'Big');
    await page.locator('#grid td[data-row="2"][data-column="1"]').waitFor();
    // Only the rows near the view are drawn (how long that takes is for the page's own data-render-ms, not a test).
    const drawnRows = Number(await page.evaluate('document.body.dataset.renderedRows'));
    expect(drawnRows).toBeLessThan(300);
    expect(await page.textContent('#grid td[data-row="2"][data-column="1"]')).toBe('person1@example.com');

    await page.evaluate(`(() => { const s = document.getElementById('grid-scroll'); s.scrollTop = s.scrollHeight; })()`);
    const last = page.locator('#grid td[data-row="5000"][data-column="1"]');
    await last.waitFor();
    expect(await last.textContent()).toBe('person4999@example.com');
    expect(await last.isVisible()).toBe(true);
    await page.click('#grid td[data-row="5000"][data-column="1"]');
    expect(await page.textContent('#name-box')).toBe('A5000');
    await screenshot(page, 'workbench-5000-rows');
  });

  it('acts as a plain member: the header, the menu and the sidebar run as them', async () => {
    const { page, workbench } = suite.session;
    expect(await page.textContent('#user')).toBe('admin@example.com');
    await menu(page, 'Open Chat Roster');
    await sidebarIdle(page);
    expect(await sidebar(page).locator('#user').textContent()).toBe('Runs as admin@example.com');
    const options = await page.$$eval('#acting-user option', (items) => items.map((item) => item.textContent ?? ''));
    expect(options[0]).toBe('Switch user…');
    expect(options).toContain(BOB);

    const sidebarRun = page.waitForResponse((response) => response.url().endsWith('/api/run/showSidebar'));
    await page.selectOption('#acting-user', BOB);
    await page.locator('#user', { hasText: BOB }).waitFor();
    expect(workbench.workbench.user).toBe(BOB);
    await sidebarRun; // the open sidebar is opened again, by Bob
    await sidebar(page).locator('#user', { hasText: BOB }).waitFor();
    await sidebarIdle(page);
    expect(await sidebar(page).locator('#user').textContent()).toBe(`Runs as ${BOB}`);
    expect(await page.getAttribute('#user', 'title')).toContain('not a Chat administrator');
    expect(await page.inputValue('#acting-user')).toBe('');
    await screenshot(page, 'workbench-acting-bob');
  });

  it('Reset demo puts back the seeded start after changes', async () => {
    const { page, workbench } = suite.session;
    await openTab(page, 'Roster');
    const roster = await gridRows(page);
    await typeIntoCell(page, 2, 1, 'somebody.else@example.com');
    // Applied as the administrator: the Updated stamps are in the zone the header names, a few virtual minutes before it.
    workbench.workbench.actAs('admin@example.com');
    workbench.workbench.run('provisionRoster', [], 'menu');
    await openTab(page, 'Rules');
    await openTab(page, 'Roster');
    const stamps = (await gridColumn(page, 'Updated')).filter((cell) => cell !== '').sort();
    expect(stamps.length).toBeGreaterThan(0);
    const clock = (await page.textContent('#clock')) ?? '';
    expect(clock.endsWith(' (America/New_York)')).toBe(true);
    // Stamps name their zone, the header's ('yyyy-MM-dd HH:mm:ss America/New_York').
    const stamp = /^(\d{4}-\d\d-\d\d) (\d{1,2}):(\d\d:\d\d) America\/New_York$/.exec(stamps[stamps.length - 1]);
    expect(stamp).not.toBeNull();
    const stampMs = Date.parse(`${stamp![1]}T${stamp![2].padStart(2, '0')}:${stamp![3]}Z`);
    const behind = Date.parse(`${clock.slice(0, 19).replace(' ', 'T')}Z`) - stampMs;
    expect(behind).toBeGreaterThanOrEqual(0);
    expect(behind).toBeLessThan(30 * 60_000);
    expect(workbench.google.writes().length).toBeGreaterThan(0);
    await page.click('#advance-hour');
    await idle(page);
    workbench.workbench.injectFault('*', 500, 1);
    workbench.world.documentProperties.setProperty('changed', 'yes');
    await page.selectOption('#acting-user', BOB);
    await page.locator('#user', { hasText: BOB }).waitFor();
    const before = workbench.google.clock.now();

    const reset = page.waitForResponse((response) => response.url().endsWith('/api/reset'));
    await page.click('#reset-demo');
    expect((await reset).status()).toBe(200);
    await page.locator('#user', { hasText: 'admin@example.com' }).waitFor();
    await page.waitForFunction(`document.querySelectorAll('#fault-list li').length === 0`);
    expect(await gridRows(page)).toEqual(roster);
    expect(await page.getAttribute('[role="tab"][aria-selected="true"]', 'aria-selected')).toBe('true');
    expect(await page.textContent('[role="tab"][aria-selected="true"]')).toBe('Roster');
    expect(await page.$$eval('[role="tab"]', (tabs) => tabs.map((tab) => tab.textContent))).toEqual(['Sheet1', 'Roster', 'Rules']);
    expect(workbench.google.clock.now()).toBeLessThan(before);
    expect(workbench.google.writes()).toEqual([]);
    expect(workbench.world.documentProperties.getProperty('changed')).toBeNull();
    expect(await page.textContent('#counters')).toBe('0 API calls, 0 membership writes');
    expect(await page.$$eval('#activity li', (items) => items.length)).toBe(0);
    expect(await page.isHidden('#sidebar-panel')).toBe(true);
    expect(await page.textContent('#toast')).toContain('Demo reset');
    await screenshot(page, 'workbench-reset');
    expect(suite.session.errors).toEqual([]);
  });
});
