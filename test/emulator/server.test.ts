import { Google } from '../../emulator/google';
import { startRestServer, type RestServer } from '../../emulator/server';
import { USER_SCOPES } from './helpers';

describe('REST server on loopback', () => {
  const google = new Google();
  let server: RestServer;
  beforeAll(async () => { server = await startRestServer(google); });
  afterAll(async () => { await server.close(); });

  const control = async (action: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${server.url}/__control/${action}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  it('serves the Chat API and the Directory with Google\'s wire format, and a separate control API', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await control('seed');
    const { token } = await control('token', { email: 'admin@example.com', scopes: USER_SCOPES }) as { token: string };
    const auth = { authorization: `Bearer ${token}` };

    const created = await fetch(`${server.url}/v1/spaces/AAAAengineering/members`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ member: { name: 'users/kevin.taylor@example.com', type: 'HUMAN' } }),
    });
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ name: `spaces/AAAAengineering/members/${google.userIdOf('kevin.taylor@example.com')}`, state: 'JOINED' });

    const got = await fetch(`${server.url}/v1/spaces/AAAAengineering/members/kevin.taylor%40example.com`, { headers: auth });
    expect(got.status).toBe(200);

    const denied = await fetch(`${server.url}/admin/directory/v1/users/alice.smith%40example.com`, { headers: auth });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('content-type')).toMatch(/application\/json/);

    await control('fault', { methodId: 'chat.spaces.members.list', code: 429, times: 1, retryAfterSeconds: 3 });
    const limited = await fetch(`${server.url}/v1/spaces/AAAAengineering/members?pageSize=1000`, { headers: auth });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect(((await limited.json()) as { error: { status: string } }).error.status).toBe('RESOURCE_EXHAUSTED');

    const before = google.clock.now();
    await control('advance', { ms: 60_000 });
    expect(google.clock.now()).toBe(before + 60_000);

    const state = (await (await fetch(`${server.url}/__control/state`)).json()) as { spaces: Array<{ name: string; members: Array<{ member: string }> }>; calls: number };
    expect(state.spaces.find((s) => s.name === 'spaces/AAAAengineering')?.members.map((m) => m.member)).toContain('kevin.taylor@example.com');
    expect(state.calls).toBe(4);

    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
    expect((await fetch(`${server.url}/__control/nonsense`, { method: 'POST' })).status).toBe(400);
    await control('reset');
    expect(google.spaces()).toEqual([]);
  });

  it('lets tests read the clock, the call log, the writes and a space\'s members through GET /__control/…', async () => {
    await control('reset');
    await control('seed');
    const { token } = await control('token', { email: 'admin@example.com', scopes: USER_SCOPES }) as { token: string };
    const read = async (what: string): Promise<unknown> => {
      const res = await fetch(`${server.url}/__control/${what}`);
      expect(res.status).toBe(200);
      return res.json();
    };
    const removed = await fetch(`${server.url}/v1/spaces/AAAAleadership/members/kevin.taylor%40example.com`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(removed.status).toBe(200);
    expect(await read('clock')).toEqual({ now: google.clock.now(), latencyMs: 0 });
    expect(await read('calls')).toEqual([expect.objectContaining({ methodId: 'chat.spaces.members.delete', caller: 'admin@example.com', status: 200, write: true })]);
    expect(await read('writes')).toHaveLength(1);
    expect(await read('members?space=spaces/AAAAleadership')).toEqual([{ member: 'admin@example.com', role: 'ROLE_MANAGER', state: 'JOINED' }]);
    expect((await fetch(`${server.url}/__control/members?space=spaces/NOSUCH`)).status).toBe(400);
  });

  it('lets tests break the setup through POST /__control/configure and /chatAdmin, as the Cloud and Admin consoles would', async () => {
    await control('reset');
    await control('seed');
    const { token } = await control('token', { email: 'admin@example.com', scopes: USER_SCOPES }) as { token: string };
    const spaces = () => fetch(`${server.url}/v1/spaces`, { headers: { authorization: `Bearer ${token}` } });
    await control('configure', { appConfigured: false });
    const refused = await spaces();
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Google Chat app not found/);
    await control('configure', { appConfigured: true });
    expect((await spaces()).status).toBe(200);
    await control('chatAdmin', { email: 'admin@example.com', on: false });
    expect(google.isChatAdmin('admin@example.com')).toBe(false);
    expect((await fetch(`${server.url}/__control/configure`, { method: 'POST', body: JSON.stringify({ appConfigured: 'no' }) })).status).toBe(400);
  });
});
