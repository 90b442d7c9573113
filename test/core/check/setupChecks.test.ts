/**
 * checkSetup's report as an administrator reads it: one line per check, the fix for each failure, decided
 * on HTTP statuses; and one read of each space the roster names.
 */
import { readRosterSpaces, setupReport, type SetupFacts, type SpaceCell } from '../../../src/core/check/setupChecks';
import { FakeChat } from '../fakes';

const AUTH = 'https://www.googleapis.com/auth/';
const ready: SetupFacts = {
  missing: { required: [], nightly: [], directory: [], adminAccess: [] },
  consentFix: (gaps) => `Allow ${gaps.map((gap) => gap.purpose).join(' and ')}.`,
  adminAccess: false,
  chatApi: { ok: true, value: true },
  directory: { mode: 'admin', detail: 'Administrator view: people and groups are looked up in bulk.' },
  adminPrivilege: null,
  spaces: [{ label: 'spaces/AAAA', ok: true }],
  rosterProblem: '',
};
const outcomes = (facts: SetupFacts) => Object.fromEntries(setupReport(facts).checks.map((check) => [check.name, check.outcome]));
const check = (facts: SetupFacts, name: string) => setupReport(facts).checks.find((c) => c.name === name)!;

describe('setupReport', () => {
  it('says everything is ready when every check passes', () => {
    const report = setupReport(ready);
    expect(report.ok).toBe(true);
    expect(report.summary).toBe('Everything is ready: preview the roster, then apply it.');
    expect(outcomes(ready)).toEqual({
      Permissions: 'ok', 'Google Chat API and Chat app': 'ok', 'Directory access': 'ok', 'Admin access': 'ok', 'Spaces in the roster': 'ok',
    });
  });

  it('names a missing permission and asks for it', () => {
    const facts = { ...ready, missing: { ...ready.missing, required: [{ scope: `${AUTH}chat.memberships`, purpose: 'change members' }] } };
    const line = check(facts, 'Permissions');
    expect(line).toEqual({ name: 'Permissions', outcome: 'failed', detail: 'Not granted: chat.memberships.', fix: 'Allow change members.' });
    expect(setupReport(facts).ok).toBe(false);
  });

  it('recognises Google\'s "Chat app not found" answer (404) and says how to configure the app', () => {
    const facts: SetupFacts = { ...ready, chatApi: { ok: false, error: { code: 404, status: 'NOT_FOUND', message: 'Google Chat app not found.' } } };
    const line = check(facts, 'Google Chat API and Chat app');
    expect(line.outcome).toBe('failed');
    expect(line.detail).toMatch(/no Chat app configured/);
    expect(line.fix).toMatch(/Google Chat API › Configuration/);
  });

  it('when Google Chat refuses the project, says it once: the admin and space reads are not checked', () => {
    const facts: SetupFacts = {
      ...ready, adminAccess: true, chatApi: { ok: false, error: { code: 404, status: 'NOT_FOUND', message: 'Google Chat app not found.' } }, spaces: null,
    };
    expect(setupReport(facts).checks.filter((c) => c.outcome === 'failed').map((c) => c.name)).toEqual(['Google Chat API and Chat app']);
    expect(check(facts, 'Spaces in the roster')).toMatchObject({ outcome: 'skipped', detail: 'Not checked until Google Chat answers (see above).' });
    expect(check(facts, 'Admin access')).toMatchObject({ outcome: 'skipped', detail: 'On, but not checked until Google Chat answers (see above).' });
  });

  it('tells an outage from a misconfiguration', () => {
    const facts: SetupFacts = { ...ready, chatApi: { ok: false, error: { code: 503, status: 'UNAVAILABLE', message: 'down' } } };
    expect(check(facts, 'Google Chat API and Chat app').detail).toMatch(/on Google's side/);
  });

  it('reports Directory access by its mode: the public view and none are warnings with a way forward', () => {
    expect(check({ ...ready, directory: { mode: 'domain_public', detail: 'Public view.' } }, 'Directory access').outcome).toBe('warning');
    const none = check({ ...ready, directory: { mode: 'none', detail: 'No access.' } }, 'Directory access');
    expect(none.outcome).toBe('warning');
    expect(none.fix).toMatch(/directory sharing/);
    expect(setupReport({ ...ready, directory: { mode: 'none', detail: 'No access.' } }).ok).toBe(true);
  });

  it('checks the admin privilege only when admin access is on', () => {
    expect(check(ready, 'Admin access').detail).toMatch(/^Off/);
    const refused: SetupFacts = { ...ready, adminAccess: true, adminPrivilege: { ok: false, error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } } };
    expect(check(refused, 'Admin access')).toMatchObject({ outcome: 'failed', fix: expect.stringMatching(/super administrator/) });
    const missingScopes: SetupFacts = { ...ready, adminAccess: true, missing: { ...ready.missing, adminAccess: [{ scope: `${AUTH}chat.admin.memberships`, purpose: 'admin' }] } };
    expect(check(missingScopes, 'Permissions').outcome).toBe('failed');
    expect(check({ ...missingScopes, adminAccess: false }, 'Permissions').outcome).toBe('ok');
  });

  it('lists every space that could not be read, with its fix', () => {
    const facts: SetupFacts = {
      ...ready,
      spaces: [
        { label: 'spaces/A', ok: true },
        { label: 'spaces/B', ok: false, error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' }, details: 'Could not read its members.' },
        { label: '"Gone"', ok: false, details: 'No space named "Gone" that you can see.' },
      ],
    };
    const report = setupReport(facts);
    expect(report.checks.slice(-3).map((c) => [c.name, c.outcome])).toEqual([['Spaces in the roster', 'failed'], ['Space spaces/B', 'failed'], ['Space "Gone"', 'failed']]);
    expect(report.checks.find((c) => c.name === 'Space spaces/B')!.fix).toMatch(/turn on admin access/);
    expect(report.checks.find((c) => c.name === 'Space "Gone"')!.fix).toMatch(/^Check the Space cell .* you are a member of that space/);
  });
});

describe('readRosterSpaces', () => {
  it('reads each distinct space once (however rows name it) and reports those it cannot read', () => {
    const chat = new FakeChat().addSpace('spaces/A', 'Alpha').addSpace('spaces/B', 'Beta');
    chat.hiddenMemberLists.add('spaces/B');
    const cells: SpaceCell[] = [
      { cell: 'spaces/A', ref: { kind: 'name', name: 'spaces/A' } }, { cell: 'Alpha', ref: { kind: 'displayName', displayName: 'Alpha' } },
      { cell: 'A', ref: { kind: 'name', name: 'spaces/A' } }, { cell: 'spaces/B', ref: { kind: 'name', name: 'spaces/B' } },
      { cell: 'Nowhere', ref: { kind: 'displayName', displayName: 'Nowhere' } },
    ];
    const reads = readRosterSpaces(chat, cells, false);
    expect(reads.map((read) => [read.label, read.ok])).toEqual([['"Nowhere"', false], ['"spaces/A"', true], ['"spaces/B"', false]]);
    expect(chat.calls.filter((call) => call.method === 'list')).toHaveLength(2);
  });
});
