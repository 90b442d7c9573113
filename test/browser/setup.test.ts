/**
 * The workbench's Setup panel with the real menu and sidebar: break one thing checkSetup() checks, run
 * Extensions › Chat Roster › Check setup, and read the line that says so and its fix; repair it and the
 * next check says OK. The untouched demo is a sound setup.
 */
import type { Page } from 'playwright-core';
import { describeBrowser, menu, screenshot, sidebar, suiteWorkbench } from './harness';

jest.setTimeout(60_000);

const CHAT = 'Google Chat API and Chat app';
const MEMBERSHIPS = 'https://www.googleapis.com/auth/chat.memberships';

interface ShownCheck {
  outcome: string;
  name: string;
  detail: string;
  fix: string;
}

/** Check setup from the menu; resolves with the lines of the report once the new sidebar shows it. */
async function checkSetupFromMenu(page: Page): Promise<ShownCheck[]> {
  const before = await page.getAttribute('#sidebar-frame', 'src');
  await menu(page, 'Check setup');
  // A string, not a function: the tests' tsconfig has no DOM types.
  await page.waitForFunction(`document.getElementById('sidebar-frame').getAttribute('src') !== ${JSON.stringify(before)}`);
  const report = sidebar(page).locator('#check-report li');
  await report.first().waitFor();
  await sidebar(page).locator('#check-setup:enabled').waitFor();
  return report.evaluateAll((items) => items.map((item) => ({
    outcome: item.getAttribute('data-outcome') ?? '',
    name: item.querySelector('.check-name')?.textContent ?? '',
    detail: item.querySelector('.check-detail')?.textContent ?? '',
    fix: item.querySelector('.check-fix')?.textContent ?? '',
  })));
}

function line(checks: ShownCheck[], name: string): ShownCheck {
  const found = checks.find((check) => check.name === name);
  if (!found) throw new Error(`no line "${name}" in ${JSON.stringify(checks.map((check) => check.name))}`);
  return found;
}

/** Clicks a control of the Setup panel and waits until the server has the change and the page shows it. */
async function setupClick(page: Page, selector: string): Promise<void> {
  const changed = page.waitForResponse((response) => response.url().endsWith('/api/setup'));
  await page.click(selector);
  await changed;
  await page.waitForSelector('#setup-panel:not([data-busy])');
}

describeBrowser('Setup panel and Check setup', () => {
  const suite = suiteWorkbench();

  // Each case starts from a sound setup, even when the one before failed half-way.
  afterEach(async () => {
    await setupClick(suite.session.page, '#setup-repair');
  });

  it('the untouched demo is a sound setup: every check OK', async () => {
    const { page } = suite.session;
    expect(await page.textContent('#setup-status')).toBe('Sound: Check setup should report every check OK.');
    const checks = await checkSetupFromMenu(page);
    expect(checks.map((check) => [check.name, check.outcome])).toEqual([
      ['Permissions', 'ok'], [CHAT, 'ok'], ['Directory access', 'ok'], ['Admin access', 'ok'], ['Spaces in the roster', 'ok'],
    ]);
    expect(await sidebar(page).locator('#check-summary').textContent()).toBe('Everything is ready: preview the roster, then apply it.');
    await screenshot(page, 'setup-sound');
  });

  it('Chat app off: the Chat line fails with the Cloud console fix; back on, the next check says OK', async () => {
    const { page } = suite.session;
    await setupClick(page, '#setup-app-configured');
    expect(suite.session.workbench.google.settings().appConfigured).toBe(false);
    expect(await page.textContent('#setup-status')).toBe('Broken on purpose: no Chat app.');
    const off = line(await checkSetupFromMenu(page), CHAT);
    expect(off).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/no Chat app configured.*HTTP 404/) });
    expect(off.fix).toMatch(/^In the Google Cloud console .*Google Chat API › Configuration/);
    await screenshot(page, 'setup-chat-app-off');

    await setupClick(page, '#setup-app-configured');
    expect(line(await checkSetupFromMenu(page), CHAT)).toMatchObject({ outcome: 'ok', detail: 'Google Chat answered.', fix: '' });
  });

  it('a withheld scope: Permissions names it with the consent fix, and what needs it is not checked', async () => {
    const { page } = suite.session;
    await page.click('#setup-scopes summary');
    await setupClick(page, `#setup-scopes input[data-scope="${MEMBERSHIPS}"]`);
    expect(await page.textContent('#setup-scopes summary')).toBe('Scopes granted: 11 of 12');
    const checks = await checkSetupFromMenu(page);
    expect(line(checks, 'Permissions')).toMatchObject({ outcome: 'failed', detail: 'Not granted: chat.memberships.', fix: expect.stringMatching(/consent screen/) });
    expect(line(checks, CHAT).outcome).toBe('skipped');
    expect(line(checks, 'Spaces in the roster').outcome).toBe('skipped');
    await screenshot(page, 'setup-scope-withheld');

    await setupClick(page, '#setup-scopes-all');
    expect(await page.textContent('#setup-scopes summary')).toBe('Scopes granted: 12 of 12');
  });

  it('out of Leadership and without the admin privilege: the space read fails, Directory falls back to the public view', async () => {
    const { page } = suite.session;
    await setupClick(page, '#setup-in-space');
    await setupClick(page, '#setup-chat-admin');
    expect(await page.locator('.space[data-space="spaces/AAAAleadership"] tr[data-member="admin@example.com"]').count()).toBe(0);
    const checks = await checkSetupFromMenu(page);
    expect(line(checks, 'Space "Leadership"')).toMatchObject({ outcome: 'failed', detail: expect.stringMatching(/make sure you are a member/) });
    expect(line(checks, 'Directory access').outcome).toBe('warning');
    await screenshot(page, 'setup-space-and-admin');

    await setupClick(page, '#setup-repair');
    expect(await page.textContent('#setup-status')).toBe('Sound: Check setup should report every check OK.');
    expect((await checkSetupFromMenu(page)).every((check) => check.outcome === 'ok')).toBe(true);
    expect(await page.locator('.space[data-space="spaces/AAAAleadership"] tr[data-member="admin@example.com"] .role').textContent()).toBe('Owner');
    expect(suite.session.errors).toEqual([]);
  });
});
