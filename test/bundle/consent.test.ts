/**
 * Granular consent through the built bundle: an administrator who granted only some of the manifest's
 * scopes gets a sentence naming the missing permission and what it is for, not an Apps Script exception;
 * the admin scopes matter only once admin access is on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { Google } from '../../emulator/google';
import { SCOPES } from '../../src/gas/consent';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, execute, makeWorkload, rosterGrid, sheetRows } from './workload';

const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8')) as { oauthScopes: string[] };
const AUTH = 'https://www.googleapis.com/auth/';
const workload = makeWorkload({ spaces: 1, usersPerSpace: 3 });

/** A world whose administrator granted every manifest scope but `withheld`. */
function worldWithout(...withheld: string[]) {
  const google = new Google({ seed: workload.seed });
  const granted = manifest.oauthScopes.filter((scope) => !withheld.some((name) => scope === AUTH + name));
  const world = new AppsScriptWorld(google, { scopes: granted, distDir: resolve('dist') });
  world.spreadsheet.setSheet('Roster', rosterGrid(workload.rows));
  return { google, world };
}

describe('granular consent', () => {
  it('knows what every scope of the manifest is for, and asks for no other', () => {
    expect(Object.values(SCOPES).map((use) => use.scope).sort()).toEqual([...manifest.oauthScopes].sort());
  });

  it('a run without chat.memberships says which permission is missing and changes nothing', () => {
    const { google, world } = worldWithout('chat.memberships');
    const result = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
    expect(result.error).toBeUndefined();
    expect(result.value?.message).toBe(
      'Chat Roster needs your permission to read and change the members of your spaces (chat.memberships). Open Extensions › Chat Roster again and allow it on Google\'s consent screen.',
    );
    expect(google.calls).toEqual([]);
    expect(sheetRows(world).every((row) => row.status === '')).toBe(true);
  });

  it('names every missing permission at once', () => {
    const { world } = worldWithout('userinfo.email', 'script.external_request');
    const result = execute<RunReport>(world, 'previewRoster', [], { user: ADMIN });
    expect(result.value?.message).toMatch(/^Chat Roster needs your permission to know which account runs it .*\(userinfo\.email\); and to send membership changes to Google Chat \(script\.external_request\)\. .*allow them/);
  });

  it('the sidebar and the nightly sync switch say so too', () => {
    const { world } = worldWithout('script.container.ui', 'script.scriptapp');
    expect(execute(world, 'showSidebar', [], { user: ADMIN }).error).toMatch(/permission to show its menu and sidebar \(script\.container\.ui\)/);
    expect(execute(world, 'installNightlySync', [2], { user: ADMIN }).error).toMatch(/permission to install the hourly trigger of the nightly sync \(script\.scriptapp\)/);
    expect(world.triggers).toHaveLength(0);
  });

  it('asks for the admin scopes only when admin access is turned on', () => {
    const { world } = worldWithout('chat.admin.memberships', 'chat.admin.spaces.readonly');
    const preview = execute<RunReport>(world, 'previewRoster', [], { user: ADMIN });
    expect(preview.value?.pending).toBe(0);
    expect(preview.value?.rows).toBe(workload.rows.length);
    const turnOn = execute(world, 'setAdminAccess', [true], { user: ADMIN });
    expect(turnOn.error).toMatch(/permission to manage members of any space of your organisation \(admin access\) \(chat\.admin\.memberships\); and to find any space of your organisation \(admin access\) \(chat\.admin\.spaces\.readonly\)/);
  });
});
