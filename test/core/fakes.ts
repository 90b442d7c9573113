/**
 * Small fakes of the core's ports for unit tests. FakeChat keeps memberships in Maps and answers like
 * Google per reference/chat-api-memberships.md: numeric ids in list output, email aliases accepted by
 * get/create/delete, 409 on an existing membership, INVITED when auto-accept is off, role only via patch.
 */
import type { Membership, Space } from '../../src/core/model';
import type {
  ApiError, CellBlock, ChatGateway, Clock, Directory, DirectoryCoverage, DirectoryEntry, DirectoryPerson, DirectoryResult, MemberCall, MemberReply,
  PeopleDirectory, Result, RosterStore, ShortTermCache,
} from '../../src/core/ports';

const error = (code: number, status: string, message: string): MemberReply => ({ code, error: { code, status, message } });

export class FakeChat implements ChatGateway {
  readonly spaces = new Map<string, Space>();
  /** space name → member name (users/{id} or groups/{id}) → membership */
  readonly members = new Map<string, Map<string, Membership>>();
  /** Everyone Google knows: email → users/{id}. People not here get a new id when added by email. */
  readonly people = new Map<string, string>();
  readonly autoAcceptOff = new Set<string>();
  readonly hiddenMemberLists = new Set<string>();
  readonly appName = 'users/900';
  adminRejectsShowInvited = false;
  /** Largest page the fake returns (Google may return fewer than pageSize). */
  pageLimit = 1000;
  /** Replaces Google's answer to a call when it returns a reply. */
  intercept: ((call: MemberCall) => MemberReply | undefined) | null = null;
  readonly calls: MemberCall[] = [];
  sends = 0;
  private nextId = 5000;

  addSpace(name: string, displayName: string, spaceType = 'SPACE'): this {
    this.spaces.set(name, { name, displayName, spaceType });
    this.members.set(name, new Map());
    return this;
  }

  person(email: string, id: string): string {
    this.people.set(email, `users/${id}`);
    return `users/${id}`;
  }

  seat(space: string, memberName: string, role = 'ROLE_MEMBER', state = 'JOINED', type = 'HUMAN'): void {
    const id = memberName.slice(memberName.indexOf('/') + 1);
    // Google names a group's membership spaces/S/members/group-{id}, with no role (first-deploy.md §5).
    const membership: Membership = memberName.startsWith('groups/')
      ? { name: `${space}/members/group-${id}`, state, groupMember: { name: memberName } }
      : { name: `${space}/members/${id}`, state, role, member: { name: memberName, type } };
    this.members.get(space)!.set(memberName, membership);
  }

  writes(): MemberCall[] {
    return this.calls.filter((call) => call.method === 'create' || call.method === 'patch' || call.method === 'delete');
  }

  send(calls: MemberCall[]): MemberReply[] {
    this.sends++;
    return calls.map((call) => {
      this.calls.push(call);
      return this.intercept?.(call) ?? this.answer(call);
    });
  }

  /** Spaces left out of spaces.list (the caller isn't a member; admin access still gets them). */
  readonly unlisted = new Set<string>();
  listSpaces(): Result<Space[]> {
    return { ok: true, value: [...this.spaces.values()].filter((space) => !this.unlisted.has(space.name ?? '')) };
  }

  getSpace(name: string): Result<Space> {
    const space = this.spaces.get(name);
    return space ? { ok: true, value: space } : { ok: false, error: { code: 404, status: 'NOT_FOUND', message: 'Space not found.' } };
  }

  /** Whether the caller holds the Chat admin privilege (useAdminAccess answers 403 without it). */
  adminPrivilege = true;
  verifyAdminAccess(): Result<true> {
    this.adminChecks++;
    return this.adminPrivilege ? { ok: true, value: true } : { ok: false, error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller is not an administrator.' } };
  }
  adminChecks = 0;

  findSpacesByDisplayName(displayName: string): Result<Space[]> {
    return { ok: true, value: [...this.spaces.values()].filter((space) => space.displayName === displayName) };
  }

  /** users/{email}, users/{id}, users/app, groups/{id}, group-{id} (a name segment) → the canonical member name. */
  private canonical(segment: string, create: boolean): string | null {
    if (segment === 'app' || segment === 'users/app') return this.appName;
    if (segment.startsWith('groups/')) return segment;
    if (segment.startsWith('group-')) return `groups/${segment.slice('group-'.length)}`;
    const id = segment.startsWith('users/') ? segment.slice(6) : segment;
    if (/^\d+$/.test(id)) return `users/${id}`;
    const known = this.people.get(id.toLowerCase());
    if (known || !create) return known ?? null;
    return this.person(id.toLowerCase(), String(this.nextId++));
  }

  private located(name: string): { space: Map<string, Membership>; member: string | null } | null {
    const match = /^(spaces\/[^/]+)\/members\/(.+)$/.exec(name);
    const space = match ? this.members.get(match[1]) : undefined;
    return match && space ? { space, member: this.canonical(match[2], false) } : null;
  }

  private answer(call: MemberCall): MemberReply {
    switch (call.method) {
      case 'list': {
        const space = this.members.get(call.parent);
        if (!space) return error(404, 'NOT_FOUND', 'Space not found.');
        if (this.hiddenMemberLists.has(call.parent)) return error(403, 'PERMISSION_DENIED', 'The member list is hidden.');
        if (call.useAdminAccess && call.filter !== 'member.type != "BOT"') return error(400, 'INVALID_ARGUMENT', 'filter required');
        if (call.useAdminAccess && call.showInvited && this.adminRejectsShowInvited) return error(400, 'INVALID_ARGUMENT', 'showInvited');
        const all = [...space.values()].filter((m) =>
          (call.showInvited || m.state !== 'INVITED') && (call.showGroups || !m.groupMember) &&
          (!call.filter || m.member?.type !== 'BOT'));
        const start = call.pageToken ? Number(call.pageToken.slice(4)) : 0;
        const size = Math.min(call.pageSize, this.pageLimit);
        const page = all.slice(start, start + size);
        const reply: MemberReply = { code: 200 };
        if (page.length > 0) reply.memberships = page.map((m) => ({ ...m }));
        if (start + size < all.length) reply.nextPageToken = `page${start + size}`;
        return reply;
      }
      case 'get': {
        const at = this.located(call.name);
        if (!at) return error(404, 'NOT_FOUND', 'Space not found.');
        const membership = at.member ? at.space.get(at.member) : undefined;
        return membership ? { code: 200, membership: { ...membership } } : error(404, 'NOT_FOUND', 'Membership not found.');
      }
      case 'create': {
        const space = this.members.get(call.parent);
        if (!space) return error(404, 'NOT_FOUND', 'Space not found.');
        if (call.membership.role) return error(400, 'INVALID_ARGUMENT', 'role can only be set by UpdateMembership');
        const given = call.membership.groupMember?.name ?? call.membership.member?.name ?? '';
        const member = this.canonical(given, true);
        if (!member) return error(400, 'INVALID_ARGUMENT', 'Missing or malformed user resource name.');
        if (space.has(member)) return error(409, 'ALREADY_EXISTS', 'Membership already exists.');
        const state = this.autoAcceptOff.has(member) ? 'INVITED' : 'JOINED';
        const type = member === this.appName ? 'BOT' : 'HUMAN';
        this.seat(call.parent, member, 'ROLE_MEMBER', state, type);
        return { code: 200, membership: { ...space.get(member)! } };
      }
      case 'patch': {
        const at = this.located(call.name);
        const membership = at?.member ? at.space.get(at.member) : undefined;
        if (!membership) return error(404, 'NOT_FOUND', 'Membership not found.');
        membership.role = call.role;
        return { code: 200, membership: { ...membership } };
      }
      case 'delete': {
        const at = this.located(call.name);
        const membership = at?.member ? at.space.get(at.member) : undefined;
        if (!at || !at.member || !membership) return error(404, 'NOT_FOUND', 'Membership not found.');
        at.space.delete(at.member);
        return { code: 200, membership };
      }
    }
  }
}

export class FakeDirectory implements Directory {
  readonly entries = new Map<string, DirectoryEntry>();
  failure: ApiError | null = null;
  /** What its answers cover (who is NOT in the organisation); none by default, as without directory access. */
  coverage: DirectoryCoverage | undefined;
  readonly lookups: string[][] = [];

  lookup(emails: string[]): DirectoryResult {
    this.lookups.push(emails);
    if (this.failure) return { ok: false, error: this.failure };
    const found = new Map<string, DirectoryEntry>();
    for (const email of emails) {
      const entry = this.entries.get(email);
      if (entry) found.set(email, entry);
    }
    return this.coverage ? { ok: true, value: found, coverage: this.coverage } : { ok: true, value: found };
  }
}

/**
 * A cache in memory that refuses values over 100 KB, as CacheService does. Doesn't model expiry or the
 * 1,000-item cap (the emulator's CacheService does); `drop` empties it as Google may at any time.
 */
export class FakeCache implements ShortTermCache {
  readonly values = new Map<string, string>();
  readonly ttls: number[] = [];
  calls = 0;

  getAll(keys: string[]): Record<string, string> {
    this.calls++;
    return Object.fromEntries(keys.filter((key) => this.values.has(key)).map((key) => [key, this.values.get(key)!]));
  }

  putAll(values: Record<string, string>, ttlSeconds: number): void {
    this.calls++;
    if (Object.values(values).some((value) => Buffer.byteLength(value, 'utf8') > 100 * 1024)) throw new Error('Argument too large: value');
    for (const [key, value] of Object.entries(values)) this.values.set(key, value);
    this.ttls.push(ttlSeconds);
  }

  drop(): void {
    this.values.clear();
  }
}

/** A sheet in memory: writes land in the grid, so a second run reads what the first wrote. */
export class FakeStore implements RosterStore {
  readonly writes: CellBlock[][] = [];
  flushes = 0;
  constructor(public grid: unknown[][] | null) {}

  read(): unknown[][] | null {
    return this.grid ? this.grid.map((row) => [...row]) : null;
  }

  write(blocks: CellBlock[]): void {
    this.writes.push(blocks);
    const grid = this.grid!;
    for (const block of blocks) {
      block.values.forEach((values, r) => values.forEach((value, c) => {
        const row = (grid[block.row - 1 + r] ??= []);
        while (row.length < block.column - 1 + c) row.push('');
        // The apostrophe that keeps text plain is not part of the value Sheets stores.
        row[block.column - 1 + c] = value.startsWith("'") ? value.slice(1) : value;
      }));
    }
    const width = Math.max(...grid.map((row) => row.length));
    for (const row of grid) while (row.length < width) row.push('');
  }

  flush(): void {
    this.flushes++;
  }

  column(header: string): unknown[] {
    const index = this.grid![0].indexOf(header);
    return this.grid!.slice(1).map((row) => row[index]);
  }
}

/** A virtual clock: sleeping moves it on, nothing waits for real. */
export class TestClock implements Clock {
  constructor(public time = 1_000) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): void {
    this.time += ms;
  }
  stamp(ms: number): string {
    return `T${ms}`;
  }
}

/** Every send of `chat` takes `ms` on `clock`, as one fetchAll round trip does. */
export function roundTrips(chat: FakeChat, clock: TestClock, ms = 300): void {
  const send = chat.send.bind(chat);
  chat.send = (calls) => {
    clock.sleep(ms);
    return send(calls);
  };
}

/** A Roster grid: the standard headers, then the given Member / Space / Role / Action rows. */
export function rosterGrid(rows: string[][]): unknown[][] {
  return [['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'],
    ...rows.map((row) => [row[0] ?? '', row[1] ?? '', row[2] ?? '', row[3] ?? '', '', '', ''])];
}

/**
 * An organisation's people for the rules (PeopleDirectory). Its user search understands `orgUnitPath='/X'`
 * loosely, as a prefix in any case (so '/Sales' also returns '/SalesOps': the core must settle units itself), '' for
 * everyone, and any other query through `searches`. Every question is counted in `asks`.
 */
export class FakePeopleDirectory implements PeopleDirectory {
  readonly people: DirectoryPerson[] = [];
  readonly groups = new Map<string, DirectoryPerson[]>();
  readonly searches = new Map<string, DirectoryPerson[]>();
  /** Answers these questions ('search:<query>' or 'group:<email>') with the error instead. */
  readonly failures = new Map<string, ApiError>();
  readonly asks: string[] = [];

  person(email: string, id: string, orgUnitPath: string, flags: { suspended?: boolean; archived?: boolean } = {}): DirectoryPerson {
    const person: DirectoryPerson = { name: `users/${id}`, email, orgUnitPath, suspended: flags.suspended ?? false, archived: flags.archived };
    this.people.push(person);
    return person;
  }

  searchUsers(query: string): Result<DirectoryPerson[]> {
    this.asks.push(`search:${query}`);
    const failure = this.failures.get(`search:${query}`);
    if (failure) return { ok: false, error: failure };
    const unit = /^orgUnitPath='(.*)'$/.exec(query);
    if (unit) return { ok: true, value: this.people.filter((person) => (person.orgUnitPath ?? '').toLowerCase().startsWith(unit[1].toLowerCase())) };
    if (query === '') return { ok: true, value: [...this.people] };
    return { ok: true, value: [...(this.searches.get(query) ?? [])] };
  }

  groupPeople(groupEmail: string): Result<DirectoryPerson[]> {
    this.asks.push(`group:${groupEmail}`);
    const failure = this.failures.get(`group:${groupEmail}`);
    if (failure) return { ok: false, error: failure };
    const members = this.groups.get(groupEmail);
    return members
      ? { ok: true, value: members.map(({ orgUnitPath: _unit, archived: _archived, ...person }) => person) }
      : { ok: false, error: { code: 404, status: 'NOT_FOUND', message: 'Resource Not Found: groupKey' } };
  }
}
