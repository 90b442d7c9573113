/**
 * The emulated Google: Chat API memberships and spaces plus the Directory, behind one fetch().
 * Every face (Apps Script fakes, REST server, tests) calls fetch(); state lives in one OrgState, and each
 * Google instance starts fresh. Facts and stricter readings are listed in FIDELITY.md.
 */
import { TokenStore, type MethodId } from './auth';
import { VirtualClock } from './clock';
import {
  addOrgUnit, configure, directoryPeople, moveUser, orgUnitsOf, placeMember, setArchived, setChatAdmin, setGroupMembers, settingsOf, setUserProfile, userOf,
  type DirectoryPerson, type OrgSettings, type PlacedMembership,
} from './orgControl';
import type { MethodSpec, RequestContext } from './context';
import { getGroup, getUser, listGroups, listUsers } from './directory';
import { errorResponse, GoogleError, jsonResponse, notFound } from './errors';
import { listGroupMembers } from './groupMembers';
import { FaultInjector, type FaultSpec } from './faults';
import type { HttpRequest, HttpResponse } from './http';
import { getMember, listMembers } from './memberReads';
import { createMember, deleteMember, patchMember } from './memberWrites';
import { QueryParams } from './query';
import { chargesFor, DEFAULT_QUOTAS, QuotaMeter, type BackgroundConsumer, type Quotas } from './quota';
import { isMembershipWrite, route } from './router';
import type { OrgSeed, SeedGroupMember, UserProfile } from './seed';
import { getSpace, listSpaces, searchSpaces } from './spaces';
import { OrgState, type MemberState, type Role } from './state';

export type { OrgSeed } from './seed';
export type { DirectoryPerson, OrgSettings, PlacedMembership } from './orgControl';
export type { BackgroundConsumer, Quotas } from './quota';
export type { FaultSpec } from './faults';
export type { HttpRequest, HttpResponse } from './http';

export interface ApiCallRecord {
  /** virtual time of the call, epoch ms */
  at: number;
  /** e.g. 'chat.spaces.members.create'; 'unknown' for a URL no method matches */
  methodId: string;
  /** the caller's email, '' without a valid token */
  caller: string;
  status: number;
  /** a membership write (create, patch, delete), whatever its status */
  write: boolean;
  /** resource name: canonical once resolved (spaces/S/members/123), else as addressed */
  target: string;
}

export interface GoogleOptions {
  seed?: OrgSeed;
  /** per API call; the Apps Script fakes advance the clock by it (fetch() doesn't) */
  latencyMs?: number;
  /** epoch ms; default 2026-11-23T09:00:00Z */
  startTime?: number;
  quotas?: Partial<Quotas>;
}

export interface MemberView {
  /** email, 'group:<email>' or 'app' */
  member: string;
  role: Role;
  state: MemberState;
}

const HANDLERS: Record<MethodId, MethodSpec> = {
  'chat.spaces.members.create': createMember,
  'chat.spaces.members.get': getMember,
  'chat.spaces.members.list': listMembers,
  'chat.spaces.members.patch': patchMember,
  'chat.spaces.members.delete': deleteMember,
  'chat.spaces.get': getSpace,
  'chat.spaces.list': listSpaces,
  'chat.spaces.search': searchSpaces,
  'admin.directory.users.get': getUser,
  'admin.directory.users.list': listUsers,
  'admin.directory.groups.get': getGroup,
  'admin.directory.groups.list': listGroups,
  'admin.directory.members.list': listGroupMembers,
};

export const APP_NOT_FOUND = 'Google Chat app not found. To create a Chat app, you must turn on the Chat API and configure the app in the Google Cloud console.';

export class Google {
  readonly clock: VirtualClock;
  readonly latencyMs: number;
  readonly quotas: Quotas;
  readonly calls: ApiCallRecord[] = [];
  private readonly state = new OrgState();
  private readonly tokens = new TokenStore();
  private readonly faults = new FaultInjector();
  private readonly meter: QuotaMeter;

  constructor(options: GoogleOptions = {}) {
    this.clock = new VirtualClock(options.startTime ?? Date.UTC(2026, 10, 23, 9));
    this.latencyMs = options.latencyMs ?? 0;
    this.quotas = { ...DEFAULT_QUOTAS, ...options.quotas };
    this.meter = new QuotaMeter(this.quotas);
    if (options.seed) this.seed(options.seed);
  }

  /**
   * One API call. Order: route (404) → injected fault → token (401) → Chat app configured (404) →
   * quota (429, spent only by admitted calls) → the method's own checks and effect.
   */
  fetch(req: HttpRequest): HttpResponse {
    const found = route(req);
    const authorization = req.headers.authorization ?? req.headers.Authorization;
    const record: ApiCallRecord = {
      at: this.clock.now(), methodId: found?.methodId ?? 'unknown', caller: this.tokens.emailOf(authorization),
      status: 0, write: found ? isMembershipWrite(found.methodId) : false, target: found?.target ?? req.url,
    };
    let response: HttpResponse;
    try {
      if (!found) throw notFound(`The requested URL ${safePath(req.url)} was not found on this server (method ${req.method}).`);
      const admin = ['true', '1'].includes(found.search.get('useAdminAccess') ?? '');
      const charges = chargesFor(found.methodId, this.quotas, found.params.space, admin);
      const fault = this.faults.next(found.methodId, this.clock.now());
      if (fault) {
        // It passed the quota check and failed behind it: charged, or the quota's own 429 (FIDELITY.md).
        this.meter.admit(this.clock.now(), charges);
        throw fault;
      }
      const caller = this.tokens.authenticate(authorization, this.state);
      if (found.api === 'chat' && !this.state.appConfigured) throw notFound(APP_NOT_FOUND);
      this.meter.admit(this.clock.now(), charges);
      const spec = HANDLERS[found.methodId];
      const ctx: RequestContext = {
        state: this.state, now: this.clock.now(), caller, params: found.params, search: found.search,
        body: req.body, quotas: this.quotas, setTarget: (name) => { record.target = name; },
      };
      response = jsonResponse(200, spec.handle(ctx, new QueryParams(found.search, spec.params)));
    } catch (error) {
      if (!(error instanceof GoogleError)) throw error;
      response = errorResponse(error, found?.api === 'directory');
    }
    record.status = response.status;
    this.calls.push(record);
    return response;
  }

  /** A bearer token for that user with those granted scopes (full URLs, https://www.googleapis.com/auth/…). */
  issueToken(email: string, scopes: string[]): string {
    return this.tokens.issue(email, scopes);
  }

  /** Replaces the organisation (users, groups, spaces, memberships); calls, faults, quota windows and tokens stay. */
  seed(org: OrgSeed): void {
    this.state.load(org, this.clock.now());
  }

  /** Empty organisation, no calls, faults or spent quota; the clock and issued tokens are unchanged. */
  reset(): void {
    this.state.clear();
    this.calls.length = 0;
    this.faults.clear();
    this.meter.clear();
  }

  // Control, like seed and reset (orgControl.ts): the consoles' switches, changed while the organisation runs.

  /** The Chat app and directory sharing switches as they are now. */
  settings(): OrgSettings {
    return settingsOf(this.state);
  }

  /** Flips the switches given (Cloud console: the Chat app; Admin console: directory sharing). */
  configure(settings: Partial<OrgSettings>): void {
    configure(this.state, settings);
  }

  /** Whether the user holds the "Manage chat and spaces conversations" admin privilege; throws for no such user. */
  isChatAdmin(email: string): boolean {
    return userOf(this.state, email).chatAdmin;
  }

  setChatAdmin(email: string, on: boolean): void {
    setChatAdmin(this.state, email, on);
  }

  /** Puts a person in a space, changes their membership, or takes them out (null), bypassing the API's rules. */
  placeMember(spaceName: string, email: string, membership: PlacedMembership): void {
    placeMember(this.state, spaceName, email, membership, this.clock.now());
  }

  /** Deletes a space as a manager would in Chat (spaces.delete itself isn't emulated): every later call about it is 404. */
  deleteSpace(spaceName: string): void {
    const id = spaceName.startsWith('spaces/') ? spaceName.slice('spaces/'.length) : spaceName;
    if (!this.state.spaces.delete(id)) throw new Error(`deleteSpace: unknown space ${spaceName}`);
  }

  /**
   * The Directory as the Admin console shows and changes it (orgControl.ts); each change throws for what
   * doesn't exist. The reads are for views of the organisation (the workbench), not the emulated API.
   */
  get directory() {
    const state = this.state;
    return {
      addOrgUnit: (path: string): void => addOrgUnit(state, path),
      moveUser: (email: string, orgUnitPath: string): void => moveUser(state, email, orgUnitPath),
      setUserProfile: (email: string, profile: UserProfile): void => setUserProfile(state, email, profile),
      setArchived: (email: string, on: boolean): void => setArchived(state, email, on),
      setGroupMembers: (groupEmail: string, members: SeedGroupMember[]): void => setGroupMembers(state, groupEmail, members),
      units: (): string[] => orgUnitsOf(state),
      people: (): DirectoryPerson[] => directoryPeople(state),
    };
  }

  /** Default: fires on every matching call until clearFaults(); `times` and `probability` narrow it. */
  injectFault(f: FaultSpec): void {
    this.faults.add(f);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Another user of the same Cloud project spends `perMinute` membership writes a minute from now on
   * (quota.ts BackgroundConsumer); its calls aren't in `calls`. reset() stops it.
   */
  shareWriteBudget(perMinute: number): BackgroundConsumer {
    return this.meter.addConsumer('membership_writes', perMinute, this.clock.now());
  }

  setRandomSeed(seed: number): void {
    this.faults.setSeed(seed);
  }

  /** Successful membership writes (create, patch, delete with a 2xx status). */
  writes(): ApiCallRecord[] {
    return this.calls.filter((c) => c.write && c.status >= 200 && c.status < 300);
  }

  spaces(): { name: string; displayName: string; spaceType: string }[] {
    return [...this.state.spaces.values()].sort((a, b) => a.seq - b.seq)
      .map((s) => ({ name: `spaces/${s.id}`, displayName: s.displayName, spaceType: s.spaceType }));
  }

  /** Members of a space by email (accepts 'spaces/ID' or 'ID'); throws for an unknown space. */
  membersOf(spaceName: string): MemberView[] {
    const id = spaceName.startsWith('spaces/') ? spaceName.slice('spaces/'.length) : spaceName;
    const space = this.state.spaces.get(id);
    if (!space) throw new Error(`membersOf: unknown space ${spaceName}`);
    return [...space.members.values()].sort((a, b) => a.seq - b.seq).map((m) => ({
      member: m.kind === 'BOT' ? 'app'
        : m.kind === 'GROUP' ? `group:${this.state.groups.get(m.key)?.email ?? m.key}`
          : this.state.users.get(m.key)?.email ?? m.key,
      role: m.role,
      state: m.state,
    }));
  }

  userIdOf(email: string): string | undefined {
    return this.state.userByEmail(email)?.id;
  }

  /** Extra helper: the Cloud Identity / Directory id of a group (Chat's groups/{id}). */
  groupIdOf(email: string): string | undefined {
    return this.state.groupByEmail(email)?.id;
  }

  /** Extra helper: the numeric id the Chat app appears under (users/{id}, type BOT). */
  get appUserId(): string {
    return this.state.appUserId;
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
