/**
 * Import members… from the workbench's menu with the real sidebar: the sidebar opens at its Import
 * section, imports the members of the space typed, reports it, and the rows appear in the grid.
 */
import { describeBrowser, gridRows, menu, screenshot, sidebar, waitForColumn, suiteWorkbench } from './harness';

jest.setTimeout(60_000);

describeBrowser('Import members…', () => {
  const suite = suiteWorkbench();

  it('imports the members of a space named in the sidebar and shows the report', async () => {
    const { page } = suite.session;
    const before = (await gridRows(page)).length;
    await menu(page, 'Import members…');
    const bar = sidebar(page);
    await bar.locator('#import-spaces:focus').waitFor();
    await bar.locator('#import-spaces').fill('Engineering\nNo Such Space');
    await bar.locator('#import').click();
    await bar.locator('#import-report li').first().waitFor();
    await bar.locator('#import:enabled').waitFor();
    const summary = await bar.locator('#import-summary').textContent();
    expect(summary).toMatch(/^Imported \d+ rows? from 1 space/);
    const lines = await bar.locator('#import-report li').evaluateAll((items) => items.map((item) => [item.getAttribute('data-outcome'), item.textContent ?? '']));
    expect(lines[0]).toEqual(['ok', expect.stringMatching(/^Engineering/)]);
    expect(lines[lines.length - 1]).toEqual(['failed', expect.stringMatching(/No Such Space/)]);
    // The grid refreshes after the server call.
    await waitForColumn(page, 'Member', (cells) => cells.length + 1 > before);
    const after = await gridRows(page);
    expect(after.slice(before).every((row) => row[1] === 'spaces/AAAAengineering' && row[4] === 'UNCHANGED')).toBe(true);
    await screenshot(page, 'import');
    expect(suite.session.errors).toEqual([]);
  });
});
