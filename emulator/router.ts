/**
 * Maps an HTTP request to an API method id and its path parameters, for the two emulated hosts:
 * https://chat.googleapis.com/v1/… and https://admin.googleapis.com/admin/directory/v1/….
 */
import type { MethodId } from './auth';
import type { PathParams } from './context';
import type { HttpRequest } from './http';

export const CHAT_BASE = 'https://chat.googleapis.com';
export const ADMIN_BASE = 'https://admin.googleapis.com';

export interface Route {
  api: 'chat' | 'directory';
  methodId: MethodId;
  params: PathParams;
  /** resource name for the call log, as addressed by the request */
  target: string;
  search: URLSearchParams;
}

/** Path segments, URL-decoded one by one (an email alias arrives as alice%40example.com). */
function segments(path: string): string[] | undefined {
  try {
    return path.split('/').filter((s) => s !== '').map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

export function route(req: HttpRequest): Route | undefined {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return undefined;
  }
  const parts = segments(url.pathname);
  if (!parts) return undefined;
  const host = url.host.toLowerCase();
  if (host === 'chat.googleapis.com' && parts[0] === 'v1') {
    const found = chatRoute(req.method, parts.slice(1));
    return found && { api: 'chat', search: url.searchParams, ...found };
  }
  if (host === 'admin.googleapis.com' && parts[0] === 'admin' && parts[1] === 'directory' && parts[2] === 'v1') {
    const found = directoryRoute(req.method, parts.slice(3));
    return found && { api: 'directory', search: url.searchParams, ...found };
  }
  return undefined;
}

type Found = Pick<Route, 'methodId' | 'params' | 'target'>;

function chatRoute(method: string, p: string[]): Found | undefined {
  if (p.length === 1 && method === 'GET') {
    if (p[0] === 'spaces') return { methodId: 'chat.spaces.list', params: {}, target: 'spaces' };
    if (p[0] === 'spaces:search') return { methodId: 'chat.spaces.search', params: {}, target: 'spaces' };
    return undefined;
  }
  if (p[0] !== 'spaces' || p[1] === undefined || p[1].includes(':')) return undefined;
  const space = p[1];
  const spaceName = `spaces/${space}`;
  if (p.length === 2 && method === 'GET') return { methodId: 'chat.spaces.get', params: { space }, target: spaceName };
  if (p[2] !== 'members') return undefined;
  if (p.length === 3) {
    if (method === 'GET') return { methodId: 'chat.spaces.members.list', params: { space }, target: spaceName };
    if (method === 'POST') return { methodId: 'chat.spaces.members.create', params: { space }, target: spaceName };
    return undefined;
  }
  if (p.length !== 4 || p[3] === undefined) return undefined;
  const member = p[3];
  const target = `${spaceName}/members/${member}`;
  switch (method) {
    case 'GET': return { methodId: 'chat.spaces.members.get', params: { space, member }, target };
    case 'PATCH': return { methodId: 'chat.spaces.members.patch', params: { space, member }, target };
    case 'DELETE': return { methodId: 'chat.spaces.members.delete', params: { space, member }, target };
    default: return undefined;
  }
}

function directoryRoute(method: string, p: string[]): Found | undefined {
  if (method === 'GET' && p.length === 3 && p[0] === 'groups' && p[1] !== undefined && p[2] === 'members') {
    return { methodId: 'admin.directory.members.list', params: { key: p[1] }, target: `groups/${p[1]}/members` };
  }
  if (method !== 'GET' || p.length < 1 || p.length > 2) return undefined;
  const collection = p[0];
  const key = p[1];
  if (collection === 'users') {
    return key === undefined
      ? { methodId: 'admin.directory.users.list', params: {}, target: 'users' }
      : { methodId: 'admin.directory.users.get', params: { key }, target: `users/${key}` };
  }
  if (collection === 'groups') {
    return key === undefined
      ? { methodId: 'admin.directory.groups.list', params: {}, target: 'groups' }
      : { methodId: 'admin.directory.groups.get', params: { key }, target: `groups/${key}` };
  }
  return undefined;
}

/** Membership writes, for the call log's `write` flag and the writes() helper. */
export function isMembershipWrite(methodId: string): boolean {
  return methodId === 'chat.spaces.members.create' || methodId === 'chat.spaces.members.patch' || methodId === 'chat.spaces.members.delete';
}
