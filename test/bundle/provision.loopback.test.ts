/**
 * The 50-row provisioning suite (provisionSuite.ts) with Google in another process: `npm run emulator`'s
 * REST server on a free port, every UrlFetchApp and advanced-service request a real HTTP exchange over
 * loopback (RemoteGoogle), and the suite's view of Google's state through the control API.
 */
import { Google } from '../../emulator/google';
import { DEFAULT_SCOPES } from '../../emulator/gas/world';
import { RemoteGoogle } from '../../emulator/remote/remoteGoogle';
import { startEmulatorProcess, type EmulatorProcess } from '../../emulator/remote/emulatorProcess';
import { ADMIN, testOrg } from './org';
import { describeProvision } from './provisionSuite';

let emulator: EmulatorProcess | undefined;
let remote: RemoteGoogle | undefined;

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  remote = new RemoteGoogle(emulator.url);
}, 30_000);

afterAll(async () => {
  await remote?.close();
  await emulator?.stop();
});

describeProvision({
  label: 'over loopback HTTP',
  fresh: (seed) => {
    if (!remote) throw new Error('the emulator process did not start');
    remote.restart(seed);
    return remote;
  },
});

describe('RemoteGoogle', () => {
  const live = (): RemoteGoogle => {
    if (!remote) throw new Error('the emulator process did not start');
    return remote;
  };
  const listEngineering = (google: { issueToken(email: string, scopes: string[]): string }) => ({
    method: 'GET' as const,
    url: 'https://chat.googleapis.com/v1/spaces/AAAAeng/members?showGroups=true',
    headers: { authorization: `Bearer ${google.issueToken(ADMIN, [...DEFAULT_SCOPES])}` },
  });

  it('answers a Chat request as the in-process Google does, and the server logs it', () => {
    const google = live();
    google.restart(testOrg());
    const local = new Google({ seed: testOrg(), startTime: google.clock.now() });
    const overHttp = google.fetch(listEngineering(google));
    const inProcess = local.fetch(listEngineering(local));
    expect(overHttp).toEqual(inProcess);
    expect(google.calls()).toEqual(local.calls);
  });

  it('answers 404 itself for hosts it does not emulate', () => {
    const google = live();
    google.restart(testOrg());
    const elsewhere = google.fetch({ method: 'GET', url: 'https://example.com/v1/spaces', headers: {} });
    expect([elsewhere.status, JSON.parse(elsewhere.body).error.status]).toEqual([404, 'NOT_FOUND']);
    expect(google.calls()).toEqual([]);
  });

  it('moves the server\'s clock, which another client then reads', async () => {
    const google = live();
    const before = google.clock.now();
    google.clock.advance(90_000);
    const other = new RemoteGoogle(google.baseUrl);
    try {
      expect(other.clock.now()).toBe(before + 90_000);
      expect(google.clock.now()).toBe(before + 90_000);
    } finally {
      await other.close();
    }
  });
});
