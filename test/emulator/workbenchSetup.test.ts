/**
 * The workbench Setup panel's model (emulator/workbench/setup.ts): what POST /api/setup accepts, and each
 * change landing on the one emulated fact it names — a space left is rejoined as it was.
 */
import { AppsScriptWorld } from '../../emulator/gas/world';
import { Google } from '../../emulator/google';
import { demoOrg } from '../../emulator/seed';
import { LEAVABLE_SPACE, parseSetupChange, SetupControls } from '../../emulator/workbench/setup';

const USER = 'admin@example.com';

function controls() {
  const google = new Google({ seed: demoOrg() });
  const world = new AppsScriptWorld(google);
  return { google, world, setup: new SetupControls(google, world, USER) };
}

describe('workbench Setup panel', () => {
  it('shows the demo as sound', () => {
    const { setup, world } = controls();
    const view = setup.view();
    expect(view).toMatchObject({ appConfigured: true, directorySharing: true, chatAdmin: true, space: { name: LEAVABLE_SPACE, displayName: 'Leadership', member: true } });
    expect(view.scopes.map((grant) => grant.scope)).toEqual(world.consent.requested);
    expect(view.scopes.every((grant) => grant.granted)).toBe(true);
  });

  it('changes only the facts named, and puts the user back in the space as they were', () => {
    const { google, world, setup } = controls();
    const [first, second] = world.consent.requested;
    setup.change({ appConfigured: false, grantedScopes: [first] });
    expect(google.settings()).toEqual({ appConfigured: false, directorySharing: true });
    expect(world.consent.effective(USER)).toEqual([first]);
    expect(setup.view().scopes.filter((grant) => grant.granted).map((grant) => grant.scope)).toEqual([first]);
    expect(setup.view().scopes.find((grant) => grant.scope === second)?.granted).toBe(false);
    setup.change({ chatAdmin: false, directorySharing: false, inSpace: false });
    expect(google.isChatAdmin(USER)).toBe(false);
    expect(setup.view().space?.member).toBe(false);
    setup.change({ inSpace: true, grantedScopes: null });
    expect(google.membersOf(LEAVABLE_SPACE)).toContainEqual({ member: USER, role: 'ROLE_MANAGER', state: 'JOINED' });
    expect(world.consent.effective(USER)).toEqual(world.consent.requested);
  });

  it('refuses what the panel never sends', () => {
    const requested = ['https://www.googleapis.com/auth/chat.memberships'];
    expect(parseSetupChange({ appConfigured: false, grantedScopes: requested }, requested)).toEqual({ appConfigured: false, grantedScopes: requested });
    expect(parseSetupChange({ grantedScopes: null }, requested)).toEqual({ grantedScopes: null });
    expect(() => parseSetupChange({ appConfigured: 'no' }, requested)).toThrow('appConfigured must be true or false.');
    expect(() => parseSetupChange({ quota: 1 }, requested)).toThrow('Unknown setting quota.');
    expect(() => parseSetupChange({ grantedScopes: ['https://evil.example/scope'] }, requested)).toThrow(/manifest's scopes/);
    expect(() => parseSetupChange([], requested)).toThrow('Send an object.');
  });

  it('refuses to leave a space the organisation lacks, changing nothing', () => {
    const seed = demoOrg();
    seed.spaces = seed.spaces.filter((space) => `spaces/${space.id}` !== LEAVABLE_SPACE);
    const google = new Google({ seed });
    const setup = new SetupControls(google, new AppsScriptWorld(google), USER);
    expect(setup.view().space).toBeNull();
    expect(() => setup.change({ appConfigured: false, inSpace: false })).toThrow(/no spaces\/AAAAleadership/);
    expect(google.settings().appConfigured).toBe(true);
  });
});
