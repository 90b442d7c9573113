/**
 * The workbench's units panel: the demo Directory's organisational units with their people, and moving a
 * person to another unit through the page — the emulated Directory changes and the panel shows it. The demo
 * spreadsheet has a Rules sheet whose rules name those units.
 */
import type { Page } from 'playwright-core';
import { describeBrowser, gridRows, openTab, screenshot, suiteWorkbench } from './harness';

jest.setTimeout(60_000);

const BOB = 'bob.jones@example.com';

/** Each unit the panel lists, with the addresses of the people it shows in it. */
function shownUnits(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('#unit-list > li[data-unit]', (items) => Object.fromEntries(items.map((item) => [
    item.getAttribute('data-unit') ?? '',
    Array.from(item.querySelectorAll('[data-person]'), (person: { getAttribute(name: string): string | null }) => person.getAttribute('data-person') ?? ''),
  ])));
}

describeBrowser('units panel', () => {
  const suite = suiteWorkbench();

  it('the demo spreadsheet has a Rules sheet naming the demo units', async () => {
    const { page } = suite.session;
    await openTab(page, 'Rules');
    const rows = await gridRows(page);
    expect(rows[0]).toEqual(['Source', 'Space', 'Role', 'Status', 'Details', 'Updated']);
    expect(rows.slice(1).map((row) => row.slice(0, 3))).toContainEqual(['ou:/Sales', 'Sales', 'Member']);
  });

  it('shows each unit, parents before children, with the people directly in it', async () => {
    const units = await shownUnits(suite.session.page);
    expect(Object.keys(units)).toEqual(['/', '/Engineering', '/Sales', '/Sales/EMEA']);
    expect(units['/Engineering']).toEqual(['alice.smith@example.com', BOB, 'carol.white@example.com']);
    expect(units['/Sales']).toEqual(['dave.brown@example.com']);
    expect(units['/Sales/EMEA']).toEqual(['grace.lee@example.com', 'heidi.clark@example.com', 'judy.wilson@example.com']);
    expect(units['/']).toContain('admin@example.com');
    // Outsiders aren't in the Directory; the suspended are, marked.
    expect(Object.values(units).flat()).not.toContain('pat.partner@gmail.com');
    expect(await suite.session.page.getAttribute('[data-person="judy.wilson@example.com"]', 'title')).toBe('judy.wilson@example.com (suspended)');
  });

  it('moves a person to another unit: the Directory changes and the panel shows it', async () => {
    const { page, workbench } = suite.session;
    // Clicking a person picks them; their own unit is no move.
    await page.click(`[data-person="${BOB}"]`);
    expect(await page.inputValue('#units-person')).toBe(BOB);
    await page.selectOption('#units-target', '/Engineering');
    expect(await page.isDisabled('#units-move-button')).toBe(true);

    await page.selectOption('#units-target', '/Sales');
    const moved = page.waitForResponse((response) => response.url().endsWith('/api/directory/move'));
    await page.click('#units-move-button');
    expect((await moved).status()).toBe(200);
    await page.locator(`#unit-list li[data-unit="/Sales"] [data-person="${BOB}"]`).waitFor();

    expect(workbench.google.directory.people().find((person) => person.email === BOB)?.orgUnitPath).toBe('/Sales');
    const units = await shownUnits(page);
    expect(units['/Sales']).toEqual([BOB, 'dave.brown@example.com']);
    expect(units['/Engineering']).toEqual(['alice.smith@example.com', 'carol.white@example.com']);
    expect(await page.isDisabled('#units-move-button')).toBe(true);
    await screenshot(page, 'units');
    expect(suite.session.errors).toEqual([]);
  });
});
