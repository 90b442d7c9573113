/**
 * Rules in the workbench, as a newcomer tries them (issue 12): the preview names whom each demo rule would
 * bring in, Apply brings them in, and a person moved into /Sales on the units card shows up in the next
 * preview with no edit to the sheet.
 */
import { applyFromSidebar, describeBrowser, idle, menu, previewFromSidebar, screenshot, sidebar, sidebarIdle, suiteWorkbench } from './harness';

jest.setTimeout(60_000);

const SALES = 'spaces/AAAAsales';
const BOB = 'bob.jones@example.com';

describeBrowser('rules in the sidebar', () => {
  const suite = suiteWorkbench();

  const ruleLists = () => sidebar(suite.session.page).locator('#plan-rules [data-rule]').evaluateAll((rules) =>
    rules.map((rule) => [rule.querySelector('.mirror-heading')?.textContent ?? '', Array.from(rule.querySelectorAll('.mirror-name'), (item: { textContent: string | null }) => item.textContent ?? '')]));

  it('previews whom each rule brings in, by name, and changes nothing in Chat', async () => {
    const { page, workbench } = suite.session;
    await menu(page, 'Open Chat Roster');
    await previewFromSidebar(page);
    const rules = await ruleLists();
    expect(rules).toContainEqual(['Rule 2, ou:/Sales → Sales: add 2 people', ['grace.lee@example.com', 'heidi.clark@example.com']]);
    expect(workbench.google.writes()).toEqual([]);
    await screenshot(page, 'rules-preview');
  });

  it('applies them, and the next preview brings in whom the units card moved into /Sales', async () => {
    const { page, workbench } = suite.session;
    await applyFromSidebar(page);
    await sidebarIdle(page);
    await idle(page);
    const sales = () => workbench.google.membersOf(SALES).map((m) => m.member);
    expect(sales()).toEqual(expect.arrayContaining(['grace.lee@example.com', 'heidi.clark@example.com']));
    expect(sales()).not.toContain('judy.wilson@example.com');

    await page.click(`[data-person="${BOB}"]`);
    await page.selectOption('#units-target', '/Sales');
    const moved = page.waitForResponse((response) => response.url().endsWith('/api/directory/move'));
    await page.click('#units-move-button');
    await moved;
    await previewFromSidebar(page);
    expect(await ruleLists()).toContainEqual(['Rule 2, ou:/Sales → Sales: add 1 person', [BOB]]);
    expect(suite.session.errors).toEqual([]);
  });
});
