/** Test helpers: a tiny client over Google.fetch, shaped like the REST calls the add-on makes. */
import { Google } from '../../emulator/google';
import { demoOrg, type OrgSeed } from '../../emulator/seed';

export const scope = (name: string): string => `https://www.googleapis.com/auth/${name}`;
export const USER_SCOPES = ['chat.memberships', 'chat.memberships.app', 'chat.spaces.readonly'].map(scope);
export const ADMIN_SCOPES = ['chat.admin.memberships', 'chat.admin.spaces.readonly', 'admin.directory.user.readonly', 'admin.directory.group.readonly'].map(scope);

export type Query = Record<string, string | number | boolean | undefined>;

export interface Reply {
  status: number;
  // Responses are JSON of many shapes; tests read fields they expect and assert on them.
  json: Record<string, unknown> & { error?: { code: number; status: string; message: string } };
  headers: Record<string, string>;
}

export interface MembershipJson {
  name: string;
  state: string;
  role: string;
  member?: { name: string; type: string; displayName?: string };
  groupMember?: { name: string };
}

export function qs(query: Query = {}): string {
  const parts = Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export const enc = (name: string): string => name.split('/').map(encodeURIComponent).join('/');

export function client(g: Google, token: string | undefined, base = 'https://chat.googleapis.com/v1/') {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, query?: Query, body?: unknown): Reply => {
    const res = g.fetch({
      method, url: base + path + qs(query),
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: res.body ? JSON.parse(res.body) : {}, headers: res.headers };
  };
  return {
    call,
    list: (space: string, query?: Query) => call('GET', `${enc(space)}/members`, query),
    get: (name: string, query?: Query) => call('GET', enc(name), query),
    create: (space: string, membership: unknown, query?: Query) => call('POST', `${enc(space)}/members`, query, membership),
    addHuman: (space: string, who: string, query?: Query) => call('POST', `${enc(space)}/members`, query, { member: { name: `users/${who}`, type: 'HUMAN' } }),
    patch: (name: string, role: string, query: Query = { updateMask: 'role' }) => call('PATCH', enc(name), query, { name, role }),
    del: (name: string, query?: Query) => call('DELETE', enc(name), query),
  };
}

export function memberships(reply: Reply): MembershipJson[] {
  return (reply.json.memberships as MembershipJson[] | undefined) ?? [];
}

/** The demo organisation, the admin's client with user scopes, and a few handy ids. */
export function demo(options: { seed?: OrgSeed } = {}) {
  const g = new Google({ seed: options.seed ?? demoOrg() });
  const admin = client(g, g.issueToken('admin@example.com', [...USER_SCOPES, ...ADMIN_SCOPES]));
  const id = (email: string): string => {
    const found = g.userIdOf(email);
    if (!found) throw new Error(`no user ${email}`);
    return found;
  };
  return { g, admin, id };
}

/** An organisation of `count` users all in one space managed by owner@big.test. */
export function bigOrg(count: number): OrgSeed {
  const users = [{ id: '1', email: 'owner@big.test' }];
  for (let i = 0; i < count; i++) users.push({ id: String(1000 + i), email: `u${i}@big.test` });
  return {
    domain: 'big.test', users, groups: [],
    spaces: [{ id: 'BIG', displayName: 'Big', spaceType: 'SPACE', members: users.map((u, i) => ({ email: u.email, ...(i === 0 ? { role: 'ROLE_MANAGER' as const } : {}) })) }],
  };
}
