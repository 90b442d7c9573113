/**
 * checkSetup() through the built bundle against an emulated Google set up wrong in each way an
 * administrator can meet on a first deploy: each misconfiguration is reported on its own line, with its fix.
 */
import { resolve } from 'node:path';
import { DEFAULT_SCOPES } from '../../emulator/gas/scopes';
import { AppsScriptWorld } from '../../emulator/gas/world';
import { Google } from '../../emulator/google';
import type { SetupCheck, SetupReport } from '../../src/shared/setup';
import { ADMIN, testOrg } from './org';
import { execute } from './workload';

const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];
const AUTH = 'https://www.googleapis.com/auth/';
/** Judy is a Manager of All Hands but no administrator. */
const MANAGER = 'judy@example.com';

function worldOf(org = testOrg(), roster: string[][] = [['alice@example.com', 'spaces/AAAAhands']]) {
  const google = new Google({ seed: org });
  const world = new AppsScriptWorld(google, { distDir: resolve('dist') });
  world.spreadsheet.setSheet('Roster', [HEADERS, ...roster.map((cells) => [...cells, '', '', '', '', ''].slice(0, HEADERS.length))]);
  return { google, world };
}

function check(world: AppsScriptWorld, user = ADMIN): SetupReport {
  const result = execute<SetupReport>(world, 'checkSetup', [], { user });
  if (result.error) throw new Error(`checkSetup threw: ${result.error}`);
  return result.value!;
}

const line = (report: SetupReport, name: string): SetupCheck => {
  const found = report.checks.find((c) => c.name === name);
  if (!found) throw new Error(`no line "${name}" in ${JSON.stringify(report.checks.map((c) => c.name))}`);
  return found;
};

describe('checkSetup', () => {
  it('reports a sound setup as ready, one line per check, and changes nothing', () => {
    const { google, world } = worldOf();
    const report = check(world);
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('Everything is ready: preview the roster, then apply it.');
    expect(report.checks.map((c) => [c.name, c.outcome])).toEqual([
      ['Permissions', 'ok'], ['Google Chat API and Chat app', 'ok'], ['Directory access', 'ok'], ['Admin access', 'ok'], ['Spaces in the roster', 'ok'],
    ]);
    expect(google.writes()).toEqual([]);
  });

  it('recognises an unconfigured Chat app and says how to configure it', () => {
    const { world } = worldOf({ ...testOrg(), appConfigured: false });
    const report = check(world);
    expect(report.ok).toBe(false);
    expect(line(report, 'Google Chat API and Chat app')).toMatchObject({
      outcome: 'failed', detail: expect.stringMatching(/no Chat app configured.*HTTP 404 NOT_FOUND: Google Chat app not found/), fix: expect.stringMatching(/Configuration/),
    });
    // said once: the space reads, which would all fail the same way, are not made
    expect(report.checks.filter((c) => c.outcome === 'failed')).toHaveLength(1);
    expect(line(report, 'Spaces in the roster').outcome).toBe('skipped');
  });

  it('names the permissions not granted and skips what needs them', () => {
    const { world } = worldOf();
    world.setGrantedScopes(ADMIN, DEFAULT_SCOPES.filter((scope) => scope !== `${AUTH}chat.memberships`));
    const report = check(world);
    expect(line(report, 'Permissions')).toMatchObject({ outcome: 'failed', detail: 'Not granted: chat.memberships.', fix: expect.stringMatching(/consent screen/) });
    expect(line(report, 'Google Chat API and Chat app').outcome).toBe('skipped');
    expect(line(report, 'Spaces in the roster').outcome).toBe('skipped');
  });

  it('tells the three kinds of Directory access apart: administrator, the public view, none', () => {
    expect(line(check(worldOf().world), 'Directory access').outcome).toBe('ok');
    const shared = line(check(worldOf().world, MANAGER), 'Directory access');
    expect(shared.outcome).toBe('warning');
    const unshared = line(check(worldOf({ ...testOrg(), directorySharing: false }).world, MANAGER), 'Directory access');
    expect(unshared.outcome).toBe('warning');
    expect(unshared.detail).not.toBe(shared.detail);
    expect(unshared.fix).toMatch(/directory sharing/);
  });

  it('with admin access on, checks the admin privilege', () => {
    const { world } = worldOf();
    expect(execute(world, 'setAdminAccess', [true], { user: MANAGER }).error).toBeUndefined();
    const report = check(world, MANAGER);
    expect(line(report, 'Admin access')).toMatchObject({ outcome: 'failed', fix: expect.stringMatching(/super administrator/) });
    expect(execute(world, 'setAdminAccess', [true], { user: ADMIN }).error).toBeUndefined();
    expect(line(check(world), 'Admin access')).toMatchObject({ outcome: 'ok', detail: expect.stringMatching(/^On/) });
  });

  it('reads each space the roster names, and says which it cannot', () => {
    const { world } = worldOf(testOrg(), [
      ['alice@example.com', 'spaces/AAAAhands'], ['bob@example.com', 'All Hands'], ['carol@example.com', 'Finance'], ['dave@example.com', 'spaces/AAAAgone'],
    ]);
    const report = check(world);
    expect(report.checks.filter((c) => c.outcome === 'failed').map((c) => c.name)).toEqual(['Spaces in the roster', 'Space "Finance"', 'Space "spaces/AAAAgone"']);
    expect(line(report, 'Spaces in the roster').detail).toBe('2 of 3 spaces could not be read.');
  });
});
