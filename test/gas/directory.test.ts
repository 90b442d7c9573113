/**
 * probeDirectoryAccess (src/gas/directory.ts), called as checkSetup() will call it, and what a lookup says it
 * covers: inside an execution of the emulated Apps Script, whose AdminDirectory and Session globals it reads.
 */
import { Google } from '../../emulator/google';
import { demoOrg } from '../../emulator/seed';
import { AdminDirectoryLookup, probeDirectoryAccess } from '../../src/gas/directory';
import { inDirectoryExecution } from './directoryExecution';

function googleWith(options: { directorySharing?: boolean }): Google {
  const seed = demoOrg();
  if (options.directorySharing !== undefined) seed.directorySharing = options.directorySharing;
  return new Google({ seed });
}

/** `run` inside an execution of `user`, with the directory globals set. */
function inExecution<T>(user: string, options: { directorySharing?: boolean; scopes?: string[] }, run: () => T): T {
  return inDirectoryExecution(googleWith(options), user, run, options);
}

function probeAs(user: string, options: { directorySharing?: boolean; scopes?: string[] } = {}) {
  const google = googleWith(options);
  return inDirectoryExecution(google, user, () => {
    const callsBefore = google.calls.length;
    const access = probeDirectoryAccess();
    return { access, calls: google.calls.slice(callsBefore) };
  }, options);
}

describe('probeDirectoryAccess', () => {
  it('admin: one cheap call', () => {
    const { access, calls } = probeAs('admin@example.com');
    expect(access.mode).toBe('admin');
    expect(access.detail).toMatch(/administrator.*aliases/);
    expect(calls.map((call) => [call.methodId, call.status])).toEqual([['admin.directory.users.list', 200]]);
  });

  it('domain_public: not an admin, but the organisation shares its directory', () => {
    const { access, calls } = probeAs('bob.jones@example.com');
    expect(access.mode).toBe('domain_public');
    expect(access.detail).toMatch(/not a directory administrator.*groups\/\{id\}/);
    expect(calls.map((call) => call.status)).toEqual([403, 200]);
  });

  it('none: sharing off, or the directory scope not granted; the detail says what follows and what Google said', () => {
    const off = probeAs('bob.jones@example.com', { directorySharing: false });
    expect(off.access.mode).toBe('none');
    expect(off.access.detail).toMatch(/Sharing settings.*each space.*Not Authorized to access this resource\/api/);
    expect(off.calls.map((call) => call.status)).toEqual([403, 403]);

    const chatOnly = ['chat.memberships', 'chat.spaces.readonly'].map((name) => `https://www.googleapis.com/auth/${name}`);
    const noScope = probeAs('admin@example.com', { scopes: chatOnly });
    expect(noScope.access.mode).toBe('none');
    expect(noScope.access.detail).toMatch(/insufficient authentication scopes/);
  });

  it('none, without calling Google, when the advanced service is missing', () => {
    expect(probeDirectoryAccess()).toEqual({ mode: 'none', detail: expect.stringMatching(/^The Admin SDK Directory service is not enabled/) });
  });
});

describe('AdminDirectoryLookup: what its answer covers (who is NOT in the organisation)', () => {
  const lookupAs = (user: string, emails: string[], directorySharing?: boolean) =>
    inExecution(user, { directorySharing }, () => new AdminDirectoryLookup(user).lookup(emails));

  it('admin: the caller’s domain, and every domain it found someone of', () => {
    const result = lookupAs('admin@example.com', ['bob.jones@example.com', 'nobody@example.com', 'pat@gmail.com']);
    expect(result.ok && result.coverage).toEqual({ view: 'admin', domains: ['example.com'] });
    expect(result.ok && [...result.value.keys()]).toEqual(['bob.jones@example.com']);
  });

  it('domain_public: the caller’s domain, when every unseen address of it was asked about', () => {
    const result = lookupAs('bob.jones@example.com', ['admin@example.com', 'nobody@example.com']);
    expect(result.ok && result.coverage).toEqual({ view: 'domain_public', domains: ['example.com'] });
  });

  it('domain_public: nothing, when more addresses went unseen than it asks about one by one', () => {
    const ghosts = Array.from({ length: 51 }, (_, i) => `ghost${i}@example.com`);
    const result = lookupAs('bob.jones@example.com', ghosts);
    expect(result.ok && result.coverage).toEqual({ view: 'domain_public', domains: [] });
  });

  it('no directory access: no answer, so no coverage (the core probes in Chat)', () => {
    expect(lookupAs('bob.jones@example.com', ['nobody@example.com'], false).ok).toBe(false);
  });
});

