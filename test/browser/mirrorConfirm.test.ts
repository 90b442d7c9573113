/**
 * Apply asks before a mirror space loses anyone, by name (issue 11): the preview's plan lists the people each
 * mirror space would lose, the confirmation lists them again (a space over its Max removal % with its own
 * unticked box), and someone who joins after the confirmation stays — the server removes no one the admin
 * wasn't shown.
 */
import { describeBrowser, idle, menu, previewFromSidebar, screenshot, sidebar, sidebarIdle, suiteWorkbench } from './harness';

jest.setTimeout(60_000);

const PARTNERS = 'spaces/AAAApartners';
const DESIGN = 'spaces/AAAAdesignteam';

describeBrowser('mirror removals in the sidebar', () => {
  const suite = suiteWorkbench({}, async (session) => {
    const { world, google } = session.workbench;
    world.spreadsheet.setSheet('Spaces', [
      ['Space', 'Mode', 'Max removal %', 'Status', 'Details', 'Updated'],
      ['Partners', 'mirror', '100', '', '', ''],
      ['Design Team', 'mirror', '20', '', '', ''],
    ]);
    google.placeMember(PARTNERS, 'kevin.taylor@example.com', { role: 'ROLE_MEMBER' });
    // The demo's rules keep /Sales/EMEA in Partners: without them, the sheets name neither Heidi nor Kevin.
    world.spreadsheet.setSheet('Rules', [['Source', 'Space', 'Role', 'Status', 'Details', 'Updated']]);
  });

  const membersOf = (space: string) => suite.session.workbench.google.membersOf(space).map((m) => m.member).sort();

  it('names whom each mirror space would lose, asks by name, and removes no one who joined after', async () => {
    const { page, workbench } = suite.session;
    await menu(page, 'Open Chat Roster');
    const bar = sidebar(page);
    await previewFromSidebar(page);
    const planned = await bar.locator('#plan-mirror .mirror-space').evaluateAll((spaces) => spaces.map((space) => space.textContent ?? ''));
    expect(planned).toEqual([
      expect.stringMatching(/^Partners: remove 2 members.*heidi\.clark@example\.com.*kevin\.taylor@example\.com/),
      expect.stringMatching(/^Design Team: 2 members of 6 \(33%\), over its Max removal % \(20\).*erin\.green@example\.com.*ivan\.petrov@example\.com \(invitation\)/),
    ]);
    await screenshot(page, 'mirror-plan');

    await bar.locator('#apply').click();
    await bar.locator('#confirm').waitFor();
    expect(await bar.locator('#confirm-question').textContent()).toMatch(/^Remove \d+ members\?$/);
    const listed = await bar.locator('#confirm-list .mirror-name').allTextContents();
    expect(listed).toEqual(['heidi.clark@example.com', 'kevin.taylor@example.com', 'erin.green@example.com', 'ivan.petrov@example.com (invitation)']);
    const box = bar.locator(`#confirm-list input[data-space="${DESIGN}"]`);
    expect(await box.isChecked()).toBe(false);
    await screenshot(page, 'mirror-confirm');

    // Someone joins Partners while the admin reads the list.
    workbench.google.placeMember(PARTNERS, 'bob.jones@example.com', { role: 'ROLE_MEMBER' });
    await bar.locator('#confirm-apply').click();
    await sidebarIdle(page);
    await idle(page);
    expect(membersOf(PARTNERS)).toEqual(['admin@example.com', 'bob.jones@example.com', 'pat.partner@gmail.com']);
    // Design Team's box was left unticked: no one left it but the roster's own remove row.
    expect(membersOf(DESIGN)).toEqual(expect.arrayContaining(['erin.green@example.com', 'ivan.petrov@example.com']));
    const spaces = workbench.world.spreadsheet.sheet('Spaces')!;
    expect(spaces[1][3]).toBe('HELD');
    expect(String(spaces[1][4])).toMatch(/^Removed 2: heidi\.clark@example\.com, kevin\.taylor@example\.com\. Not confirmed in the sidebar.*bob\.jones@example\.com/);
    expect(spaces[2][3]).toBe('HELD');
    await screenshot(page, 'mirror-applied');
    expect(suite.session.errors).toEqual([]);
  });
});
