/** Chat and AdminDirectory advanced services: REST requests built from the arguments, localized errors without a status. */
import { AppsScriptWorld, DEFAULT_SCOPES, typed } from '../../../emulator/gas/world';
import { StubGoogle } from './stubGoogle';

const USER = 'admin@example.com';

function setup(locale: 'en' | 'es' = 'en') {
  const google = new StubGoogle();
  const execution = new AppsScriptWorld(google).startExecution({ user: USER, locale });
  return { google, execution, ...typed(execution) };
}

function thrownBy(run: () => unknown): Error & Record<string, unknown> {
  try {
    run();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('did not throw');
}

describe('Chat advanced service', () => {
  it('builds the REST request: body, path, query and the user token; one latency per call', () => {
    const { google, execution, Chat } = setup();
    const start = google.clock.now();
    const reply = Chat.Spaces.Members.create({ member: { name: 'users/a@example.com', type: 'HUMAN' } }, 'spaces/AAA', { useAdminAccess: true }) as Record<string, unknown>;
    Chat.Spaces.Members.patch({ role: 'ROLE_MANAGER' }, 'spaces/AAA/members/123', { updateMask: 'role' });
    Chat.Spaces.Members.remove('spaces/AAA/members/bob@example.com');
    Chat.Spaces.Members.list('spaces/AAA', { pageSize: 1000, showInvited: true, pageToken: undefined });
    const [create, patch, remove, list] = google.requests.map((r) => r.request);
    expect(create).toMatchObject({ method: 'POST', url: 'https://chat.googleapis.com/v1/spaces/AAA/members?useAdminAccess=true' });
    expect(create.headers['content-type']).toBe('application/json');
    expect(google.tokens).toEqual([{ token: 'token-1', email: USER, scopes: [...DEFAULT_SCOPES] }]);
    expect(google.requests.every((r) => r.request.headers.authorization === 'Bearer token-1')).toBe(true);
    expect(JSON.parse(create.body!)).toEqual({ member: { name: 'users/a@example.com', type: 'HUMAN' } });
    expect(patch).toMatchObject({ method: 'PATCH', url: 'https://chat.googleapis.com/v1/spaces/AAA/members/123?updateMask=role' });
    expect(remove).toMatchObject({ method: 'DELETE', url: 'https://chat.googleapis.com/v1/spaces/AAA/members/bob@example.com' });
    expect(list.url).toBe('https://chat.googleapis.com/v1/spaces/AAA/members?pageSize=1000&showInvited=true');
    expect(reply.method).toBe('POST');
    expect(google.clock.now() - start).toBe(4 * 300);
    expect(execution.counters.advancedCalls).toBe(4);
    expect(execution.counters.urlFetchCalls).toBe(0);
  });

  it('throws a GoogleJsonResponseException in English with the API message and no status code', () => {
    const { Chat } = setup('en');
    const error = thrownBy(() => Chat.Spaces.Members.get('spaces/AAA/members/missing'));
    expect(error.name).toBe('GoogleJsonResponseException');
    expect(error.message).toBe('API call to chat.spaces.members.get failed with error: Membership not found.');
    expect(String(error)).toBe('GoogleJsonResponseException: API call to chat.spaces.members.get failed with error: Membership not found.');
    for (const key of ['code', 'status', 'statusCode', 'details', 'response']) expect(error).not.toHaveProperty(key);
  });

  it('localizes the message for a Spanish-locale user', () => {
    const { Chat } = setup('es');
    const error = thrownBy(() => Chat.Spaces.Members.remove('spaces/AAA/members/missing'));
    expect(error.message).toBe('No se ha podido llamar a la API chat.spaces.members.delete; error: Membership not found.');
  });
});

describe('AdminDirectory advanced service', () => {
  it('gets and lists users and groups from the Directory API, and localizes its errors too', () => {
    const { google, AdminDirectory } = setup('es');
    AdminDirectory.Users.get('ann@example.com', { projection: 'basic' });
    AdminDirectory.Users.list({ customer: 'my_customer', maxResults: 500 });
    AdminDirectory.Groups.get('eng@example.com');
    AdminDirectory.Groups.list({ customer: 'my_customer' });
    expect(google.requests.map((r) => r.request.url)).toEqual([
      'https://admin.googleapis.com/admin/directory/v1/users/ann%40example.com?projection=basic',
      'https://admin.googleapis.com/admin/directory/v1/users?customer=my_customer&maxResults=500',
      'https://admin.googleapis.com/admin/directory/v1/groups/eng%40example.com',
      'https://admin.googleapis.com/admin/directory/v1/groups?customer=my_customer',
    ]);
    expect(thrownBy(() => AdminDirectory.Groups.get('missing')).message).toBe('No se ha podido llamar a la API directory.groups.get; error: Membership not found.');
  });
});

describe('advanced calls and the end of an execution', () => {
  it('count toward killAtCall together with UrlFetchApp requests', () => {
    const google = new StubGoogle();
    const { Chat, UrlFetchApp } = typed(new AppsScriptWorld(google).startExecution({ user: USER, killAtCall: 2 }));
    Chat.Spaces.get('spaces/A');
    UrlFetchApp.fetch('https://chat.googleapis.com/v1/spaces/B');
    expect(() => Chat.Spaces.get('spaces/C')).toThrow('Exceeded maximum execution time');
    expect(google.requests.map((r) => r.request.url)).toEqual(['https://chat.googleapis.com/v1/spaces/A', 'https://chat.googleapis.com/v1/spaces/B']);
  });
});

