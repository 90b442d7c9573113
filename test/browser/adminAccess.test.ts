/**
 * Admin access says what it means when it is switched (issue 13): on, that Chat Roster acts with your Chat
 * admin privilege on any space of the organisation, for you only, and what Google then refuses; off, which
 * spaces it can change.
 */
import { describeBrowser, menu, sidebar, sidebarIdle, suiteWorkbench } from './harness';

jest.setTimeout(60_000);

describeBrowser('admin access switch', () => {
  const suite = suiteWorkbench();

  it('explains itself when turned on and off', async () => {
    const { page } = suite.session;
    await menu(page, 'Open Chat Roster');
    await sidebarIdle(page);
    const bar = sidebar(page);
    await bar.locator('#admin-access').check();
    await bar.locator('#admin-status', { hasText: /^Admin access is on, for you only/ }).waitFor();
    expect(await bar.locator('#admin-status').textContent()).toMatch(/any space of your organisation, even ones you are not in.*outside your organisation/);
    await bar.locator('#admin-access').uncheck();
    await bar.locator('#admin-status', { hasText: 'Admin access is off: Chat Roster changes only spaces where you are a Manager or Owner.' }).waitFor();
    expect(suite.session.errors).toEqual([]);
  });
});
