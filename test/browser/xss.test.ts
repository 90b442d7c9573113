/**
 * Everything users write is shown as text: space names, emails and roster cells carrying HTML payloads show
 * up literally in the grid, the emulated Google view and the sidebar, and none of them runs. The test fails if
 * any payload executes (window.__xss set in the page or the sidebar frame) or turns into an element.
 */
import type { Frame, Page } from 'playwright-core';
import { demoOrg, type OrgSeed } from '../../emulator/seed';
import { DEMO_ROSTER } from '../../emulator/runtime/demoRoster';
import {
  applyFromSidebar, describeBrowser, gridRows, idle, previewFromSidebar, sidebarIdle, menu, screenshot, shownMembers, sidebar, waitForColumn, suiteWorkbench,
} from './harness';

jest.setTimeout(60_000);

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const BOTH = `${SCRIPT}${IMG}`;
const PAYLOAD_EMAIL = `${IMG}@example.com`;

function xssOrg(): OrgSeed {
  const org = demoOrg();
  org.users.push({ id: '140000000000000000001', email: PAYLOAD_EMAIL });
  org.spaces.push(
    { id: 'AAAAxssimg', displayName: IMG, spaceType: 'SPACE', members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' }, { email: PAYLOAD_EMAIL }] },
    { id: 'AAAAxssscript', displayName: SCRIPT, spaceType: 'SPACE', members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' }] },
  );
  return org;
}

function xssRoster(): string[][] {
  return [
    [...DEMO_ROSTER[0], BOTH],
    ['alice.smith@example.com', IMG, '', 'add', '', '', '', SCRIPT],
    ['bob.jones@example.com', SCRIPT, '', 'add', '', '', '', IMG],
    [IMG, 'Engineering', '', 'add', '', '', '', ''],
    ['carol.white@example.com', 'Engineering', SCRIPT, IMG, '', '', '', ''],
    ['dave.brown@example.com', BOTH, '', 'add', '', '', '', ''],
  ];
}

/** Fails if a payload ran or became an element, in the page or in the sidebar frame. */
async function assertNothingRan(page: Page, withSidebar = true): Promise<void> {
  await page.waitForTimeout(300); // an <img onerror> fires once its load fails
  const frames: Frame[] = page.frames();
  if (withSidebar) expect(frames.map((frame) => frame.url())).toContainEqual(expect.stringMatching(/\/sidebar\/\d+$/));
  for (const frame of frames) {
    // A string, not a function: the tests' tsconfig has no DOM types.
    const found: object = await frame.evaluate(`({
      xss: window.__xss,
      imgs: document.querySelectorAll('img').length,
      scripts: Array.from(document.scripts).filter((script) => (script.textContent || '').includes('__xss')).length,
      handlers: document.querySelectorAll('[onerror]').length,
    })`);
    expect({ frame: frame.url(), ...found }).toEqual({ frame: frame.url(), xss: undefined, imgs: 0, scripts: 0, handlers: 0 });
  }
}

describeBrowser('escaping', () => {
  const suite = suiteWorkbench({ seed: xssOrg(), roster: xssRoster() });

  it('shows payloads as text in the grid and the emulated Google', async () => {
    const { page } = suite.session;
    const rows = await gridRows(page);
    expect(rows[0][7]).toBe(BOTH);
    expect(rows[1].slice(0, 2)).toEqual(['alice.smith@example.com', IMG]);
    expect(rows[2][1]).toBe(SCRIPT);
    expect(rows[4][2]).toBe(SCRIPT);
    const titles = await page.$$eval('.space-title', (items) => items.map((item) => item.textContent));
    expect(titles).toEqual(expect.arrayContaining([IMG, SCRIPT]));
    expect(await shownMembers(page, 'spaces/AAAAxssimg')).toContainEqual({ member: PAYLOAD_EMAIL, role: 'Member', state: 'joined' });
    // the formula bar shows the selected cell's text
    await page.click('#grid td[data-row="1"][data-column="8"]');
    expect(await page.inputValue('#formula')).toBe(BOTH);
    await assertNothingRan(page, false);
  });

  it('shows payloads as text in the sidebar, through preview and apply', async () => {
    const { page } = suite.session;
    await menu(page, 'Open Chat Roster');
    const bar = sidebar(page);
    await previewFromSidebar(page);
    await assertNothingRan(page);
    const planned = await bar.locator('#plan [data-space]').evaluateAll((items) => items.map((item) => item.getAttribute('data-space')));
    expect(planned).toEqual(expect.arrayContaining([IMG, SCRIPT]));
    const plan = (await bar.locator('#plan').textContent()) ?? '';
    expect(plan).toContain(IMG);
    expect(plan).toContain(SCRIPT);
    await waitForColumn(page, 'Status', (cells) => cells.includes('WOULD_ADD'));
    await assertNothingRan(page);

    await applyFromSidebar(page);
    const statuses = await waitForColumn(page, 'Status', (cells) => cells.every((cell) => cell !== '' && cell !== 'PENDING' && !cell.startsWith('WOULD_')));
    expect(statuses.slice(0, 3)).toEqual(['ADDED', 'ADDED', 'INVALID']);
    const details = (await gridRows(page)).map((row) => row[5] ?? '');
    expect(details.some((text) => text.includes(SCRIPT) || text.includes(IMG))).toBe(true);
    await sidebarIdle(page);
    await idle(page);
    expect(await shownMembers(page, 'spaces/AAAAxssimg')).toContainEqual({ member: 'alice.smith@example.com', role: 'Member', state: 'joined' });
    await screenshot(page, 'xss');
    await assertNothingRan(page);
    expect(suite.session.errors).toEqual([]);
  });
});
