/**
 * The control API of the REST server (/__control/…): what tests, the workbench and `npm run emulator` users
 * need to set up and observe the emulated Google from outside its process. It is never part of the emulated
 * surface: Google has no such URLs, and nothing here goes through auth, quotas, faults or the call log.
 *
 *   POST seed (an OrgSeed; empty body = the demo organisation), reset, fault (a FaultSpec), clearFaults,
 *        advance {ms}, randomSeed {seed}, token {email, scopes} → {token}, configure {appConfigured?,
 *        directorySharing?}, chatAdmin {email, on}; orgUnit {path}, moveUser {email, orgUnitPath},
 *        userProfile {email, profile: UserProfile}, archive {email, on}, groupMembers {group, members:
 *        [{email, role?}]} (the Directory, orgControl.ts); each answers {ok, now} unless noted
 *   GET  state (clock, latency, spaces with members, call and write counts), clock {now, latencyMs},
 *        calls and writes (ApiCallRecord[]), members?space=spaces/S (MemberView[])
 * A bad request is answered 400 in Google's error JSON.
 */
import type { FaultSpec } from './faults';
import type { Google } from './google';
import type { HttpMethod } from './http';
import { demoOrg, type OrgSeed, type SeedGroupMember, type UserProfile } from './seed';

export interface ControlReply {
  status: number;
  body: unknown;
}

export function controlRequest(google: Google, method: HttpMethod, pathAndQuery: string, body: string): ControlReply {
  const url = new URL(pathAndQuery, 'http://control.invalid');
  const action = url.pathname.slice('/__control/'.length);
  const input: unknown = body ? JSON.parse(body) : undefined;
  if (method === 'GET') return { status: 200, body: read(google, action, url.searchParams) };
  if (method !== 'POST') throw new Error(`unknown control ${method} ${action}`);
  const field = (name: string): unknown => (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined);
  switch (action) {
    case 'seed': google.seed(input === undefined ? demoOrg() : (input as OrgSeed)); break;
    case 'reset': google.reset(); break;
    case 'fault': google.injectFault(input as FaultSpec); break;
    case 'clearFaults': google.clearFaults(); break;
    case 'advance': google.clock.advance(Number(field('ms'))); break;
    case 'randomSeed': google.setRandomSeed(Number(field('seed'))); break;
    case 'configure': google.configure(booleans(input, ['appConfigured', 'directorySharing'])); break;
    case 'chatAdmin': google.setChatAdmin(String(field('email')), field('on') === true); break;
    case 'orgUnit': google.directory.addOrgUnit(String(field('path'))); break;
    case 'moveUser': google.directory.moveUser(String(field('email')), String(field('orgUnitPath'))); break;
    case 'userProfile': google.directory.setUserProfile(String(field('email')), profileOf(field('profile'))); break;
    case 'archive': google.directory.setArchived(String(field('email')), field('on') === true); break;
    case 'groupMembers': google.directory.setGroupMembers(String(field('group')), groupMembersOf(field('members'))); break;
    case 'token': {
      const scopes = field('scopes');
      return { status: 200, body: { token: google.issueToken(String(field('email')), Array.isArray(scopes) ? scopes.map(String) : []) } };
    }
    default: throw new Error(`unknown control action ${action}`);
  }
  return { status: 200, body: { ok: true, now: google.clock.now() } };
}

const PROFILE_KEYS = ['givenName', 'familyName', 'department', 'title', 'costCenter', 'organization', 'locality'] as const;

/** A UserProfile from JSON: only its known keys, each a string. */
function profileOf(input: unknown): UserProfile {
  if (typeof input !== 'object' || input === null) throw new Error('profile must be an object');
  const profile: UserProfile = {};
  for (const [key, value] of Object.entries(input)) {
    const known = PROFILE_KEYS.find((k) => k === key);
    if (!known || typeof value !== 'string') throw new Error(`profile.${key} is not a profile attribute given as a string`);
    profile[known] = value;
  }
  return profile;
}

function groupMembersOf(input: unknown): SeedGroupMember[] {
  if (!Array.isArray(input)) throw new Error('members must be a list of {email, role?}');
  return input.map((m: unknown) => {
    const email = typeof m === 'object' && m !== null && 'email' in m ? m.email : undefined;
    const role = typeof m === 'object' && m !== null && 'role' in m ? m.role : undefined;
    if (typeof email !== 'string') throw new Error('each member needs an email');
    if (role !== undefined && role !== 'OWNER' && role !== 'MANAGER' && role !== 'MEMBER') throw new Error(`bad role ${String(role)}`);
    return role === undefined ? { email } : { email, role };
  });
}

/** The named fields of a JSON object that are booleans; anything else is refused. */
function booleans(input: unknown, names: readonly string[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const name of names) {
    const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new Error(`${name} must be true or false`);
    out[name] = value;
  }
  return out;
}

function read(google: Google, action: string, query: URLSearchParams): unknown {
  switch (action) {
    case 'state': return {
      now: google.clock.now(),
      latencyMs: google.latencyMs,
      spaces: google.spaces().map((s) => ({ ...s, members: google.membersOf(s.name) })),
      calls: google.calls.length,
      writes: google.writes().length,
    };
    case 'clock': return { now: google.clock.now(), latencyMs: google.latencyMs };
    case 'calls': return google.calls;
    case 'writes': return google.writes();
    case 'members': return google.membersOf(query.get('space') ?? '');
    default: throw new Error(`unknown control GET ${action}`);
  }
}
