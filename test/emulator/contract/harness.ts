/**
 * Contract tests: Google's own Chat client (@googleapis/chat, unmodified) against the emulator's REST server.
 * Everything goes over HTTP: the organisation is seeded and tokens are issued through the control API, and
 * tests assert only on what the client returns, as an application using it would see it.
 */
import { auth, chat, type chat_v1 } from '@googleapis/chat';
import { Google } from '../../../emulator/google';
import { startRestServer, type RestServer } from '../../../emulator/server';

export const scope = (name: string): string => `https://www.googleapis.com/auth/${name}`;
export const USER_SCOPES = ['chat.memberships', 'chat.memberships.app', 'chat.spaces.readonly'].map(scope);
export const ADMIN_SCOPES = ['chat.admin.memberships', 'chat.admin.spaces.readonly'].map(scope);
export const ENG = 'spaces/AAAAengineering';
export const DESIGN = 'spaces/AAAAdesignteam';

/** What a refused call surfaces: the GaxiosError's HTTP status and the JSON body Google sent. */
export interface Refusal {
  status: number;
  body: { error?: { code?: number; status?: string; message?: string; details?: unknown[] } };
}

interface ClientError {
  response?: { status: number; data: Refusal['body'] };
}

export interface Contract {
  /** a Chat client whose requests carry `token` as the bearer; none at all when undefined */
  client(token?: string): chat_v1.Chat;
  /** a token for `email` with `scopes`, issued by the emulator's control API */
  token(email: string, scopes?: string[]): Promise<string>;
  /** a client for `email` with the user scopes (and the admin scopes, when asked) */
  as(email: string, options?: { admin?: boolean }): Promise<chat_v1.Chat>;
}

/** Starts an empty emulated Google behind the REST server; each test then starts from the demo organisation. */
export function contract(): Contract {
  let server: RestServer | undefined;
  const url = (): string => {
    if (!server) throw new Error('contract(): the server is not running');
    return server.url;
  };
  const control = async (action: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${url()}/__control/${action}`, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (res.status !== 200) throw new Error(`control ${action}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  beforeAll(async () => { server = await startRestServer(new Google()); });
  afterAll(async () => { await server?.close(); });
  beforeEach(async () => {
    await control('reset');
    await control('seed');
  });

  const client = (token?: string): chat_v1.Chat => {
    // Token-only auth: an OAuth2 client holding just an access token (no refresh token, so no refresh attempt).
    const oauth = new auth.OAuth2();
    if (token !== undefined) oauth.setCredentials({ access_token: token });
    return chat({
      version: 'v1', rootUrl: `${url()}/`, ...(token === undefined ? {} : { auth: oauth }),
      // gaxios would import('node-fetch') dynamically, which jest's CommonJS runtime can't; Node's own fetch
      // is the same transport gaxios picks outside jest. noProxy keeps a proxy from the environment out.
      fetchImplementation: fetch, noProxy: ['127.0.0.1'],
    });
  };
  const token = async (email: string, scopes: string[] = USER_SCOPES): Promise<string> => String((await control('token', { email, scopes })).token);
  return {
    client,
    token,
    as: async (email, options = {}) => client(await token(email, options.admin ? [...USER_SCOPES, ...ADMIN_SCOPES] : USER_SCOPES)),
  };
}

/** Awaits a call the server must refuse and returns what the client surfaced; fails if the call succeeded. */
export async function refusal(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    const response = (error as ClientError).response;
    if (response) return { status: response.status, body: response.data };
    throw error;
  }
  throw new Error('expected the server to refuse the call, but it succeeded');
}

/** [HTTP status, google.rpc status] of a refusal, for compact assertions. */
export async function refused(call: Promise<unknown>): Promise<[number, string | undefined]> {
  const { status, body } = await refusal(call);
  return [status, body.error?.status];
}

/** A person's canonical users/{id}, learnt the way an application would: members.get by email alias. */
export async function userNameOf(api: chat_v1.Chat, space: string, email: string): Promise<string> {
  const { data } = await api.spaces.members.get({ name: `${space}/members/${email}` });
  return data.member?.name ?? '';
}

/** The groups/{id} of the first group in a space, from members.list with showGroups. */
export async function groupNameIn(api: chat_v1.Chat, space: string): Promise<string> {
  const { data } = await api.spaces.members.list({ parent: space, showGroups: true });
  return data.memberships?.find((m) => m.groupMember)?.groupMember?.name ?? '';
}
