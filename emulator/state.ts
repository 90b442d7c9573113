/**
 * All emulated Google state in one class of maps (the Firebase Auth emulator's pattern): users, groups,
 * spaces and memberships of one organisation. Handlers read and mutate it; nothing else holds state.
 */
import { ROOT_UNIT, unitChain } from './orgUnits';
import { DEFAULT_APP_USER_ID, type GroupRole, type OrgSeed, type SeedGroupMember, type SeedMember, type SeedSpace, type SpaceType, type UserProfile } from './seed';

export type Role = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER' | 'MEMBERSHIP_ROLE_UNSPECIFIED';
export type MemberState = 'JOINED' | 'INVITED';
export type MemberKind = 'HUMAN' | 'BOT' | 'GROUP';

export interface UserRecord {
  id: string;
  email: string;
  suspended: boolean;
  autoAccept: boolean;
  chatAdmin: boolean;
  /** may read the Admin SDK Directory's admin view (seed `directoryAdmin`, default: chatAdmin) */
  directoryAdmin: boolean;
  external: boolean;
  /** Directory aliases and non-editable aliases, as seeded (lower-case lookups go through the maps below). */
  aliases: string[];
  nonEditableAliases: string[];
  orgUnitPath: string;
  archived: boolean;
  profile: UserProfile;
}

/** A direct member of a group, by id (users and groups share one id space). */
export interface GroupMemberRecord {
  type: 'USER' | 'GROUP';
  id: string;
  role: GroupRole;
}

export interface GroupRecord {
  id: string;
  email: string;
  aliases: string[];
  nonEditableAliases: string[];
  members: GroupMemberRecord[];
}

export interface MembershipRecord {
  /** the {member} segment of spaces/{space}/members/{member}: user id, app user id or group id */
  key: string;
  kind: MemberKind;
  role: Role;
  state: MemberState;
  createTime: number;
  /** creation order; gives list output a stable order and page tokens a resume point */
  seq: number;
}

export interface SpaceRecord {
  id: string;
  displayName: string;
  spaceType: SpaceType;
  externalUserAllowed: boolean;
  memberListHidden: boolean;
  createTime: number;
  seq: number;
  members: Map<string, MembershipRecord>;
}

export class OrgState {
  domain = '';
  appConfigured = true;
  appUserId = DEFAULT_APP_USER_ID;
  /** Contact sharing (OrgSeed.directorySharing): non-admins may read the directory's domain_public view. */
  directorySharing = true;
  readonly users = new Map<string, UserRecord>();
  readonly groups = new Map<string, GroupRecord>();
  readonly spaces = new Map<string, SpaceRecord>();
  /** organisational unit paths; '/' always */
  readonly orgUnits = new Set<string>([ROOT_UNIT]);
  private readonly usersByEmail = new Map<string, UserRecord>();
  private readonly groupsByEmail = new Map<string, GroupRecord>();
  /** Alias addresses (editable and not) of users and groups, lower-case. */
  private readonly usersByAlias = new Map<string, UserRecord>();
  private readonly groupsByAlias = new Map<string, GroupRecord>();
  private lastSeq = 0;

  nextSeq(): number {
    return ++this.lastSeq;
  }

  /**
   * By PRIMARY email only. The Chat handlers resolve `users/{email}` and `spaces/S/members/{email}` with
   * this: Chat doesn't document resolving a secondary alias, and the stricter reading is that it doesn't
   * (FIDELITY.md, Admin SDK Directory). The Directory's keys go through userByKey.
   */
  userByEmail(email: string): UserRecord | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  /** By primary email only (Chat's view of groups is by id anyway). */
  groupByEmail(email: string): GroupRecord | undefined {
    return this.groupsByEmail.get(email.toLowerCase());
  }

  /** A Directory userKey: "the user's primary email address, alias email address, or unique user ID". */
  userByKey(key: string): UserRecord | undefined {
    if (!key.includes('@')) return this.users.get(key);
    return this.userByEmail(key) ?? this.usersByAlias.get(key.toLowerCase());
  }

  /** A Directory groupKey: the group's email address, group alias, or unique group ID. */
  groupByKey(key: string): GroupRecord | undefined {
    if (!key.includes('@')) return this.groups.get(key);
    return this.groupByEmail(key) ?? this.groupsByAlias.get(key.toLowerCase());
  }

  /** Creates the unit and any missing parent; throws on a malformed path. */
  addOrgUnit(path: string): void {
    for (const unit of unitChain(path)) this.orgUnits.add(unit);
  }

  /**
   * Replaces a group's direct members (users or groups, by primary email). Throws for an unknown address,
   * an outsider, the group itself, or a cycle ("The API returns an error for cycles in group memberships",
   * Member resource `role`).
   */
  setGroupMembers(group: GroupRecord, members: readonly SeedGroupMember[]): void {
    const records = members.map((m): GroupMemberRecord => {
      const user = this.userByEmail(m.email);
      const nested = user ? undefined : this.groupByEmail(m.email);
      if (user && !this.isInternal(user)) throw new Error(`group ${group.email}: outsiders aren't modelled as members (${m.email})`);
      if (!user && !nested) throw new Error(`group ${group.email}: unknown member ${m.email}`);
      return { type: user ? 'USER' : 'GROUP', id: (user ?? nested)?.id ?? '', role: m.role ?? 'MEMBER' };
    });
    if (new Set(records.map((r) => r.id)).size !== records.length) throw new Error(`group ${group.email}: a member is listed twice`);
    const before = group.members;
    group.members = records;
    if (this.reaches(group, group.id, new Set())) {
      group.members = before;
      throw new Error(`group ${group.email}: membership cycle`);
    }
  }

  private reaches(from: GroupRecord, target: string, seen: Set<string>): boolean {
    for (const m of from.members) {
      if (m.type !== 'GROUP' || seen.has(m.id)) continue;
      if (m.id === target) return true;
      seen.add(m.id);
      const nested = this.groups.get(m.id);
      if (nested && this.reaches(nested, target, seen)) return true;
    }
    return false;
  }

  /** Email domains compare case-insensitively; a user flagged external is outside even with a matching domain. */
  isInternal(user: UserRecord): boolean {
    return !user.external && user.email.toLowerCase().endsWith(`@${this.domain.toLowerCase()}`);
  }

  /** Replaces everything with the seed; throws on a seed that references unknown people or repeats ids. */
  load(org: OrgSeed, now: number): void {
    this.clear();
    this.domain = org.domain;
    this.appConfigured = org.appConfigured ?? true;
    this.appUserId = org.appUserId ?? DEFAULT_APP_USER_ID;
    this.directorySharing = org.directorySharing ?? true;
    for (const unit of org.orgUnits ?? []) this.addOrgUnit(unit);
    for (const u of org.users) {
      if (!/^\d+$/.test(u.id)) throw new Error(`seed: user id must be numeric: ${u.id}`);
      if (this.users.has(u.id) || this.userByEmail(u.email)) throw new Error(`seed: duplicate user ${u.id} ${u.email}`);
      const record: UserRecord = {
        id: u.id, email: u.email, suspended: u.suspended ?? false, autoAccept: u.autoAccept ?? true,
        chatAdmin: u.chatAdmin ?? false, directoryAdmin: u.directoryAdmin ?? u.chatAdmin ?? false, external: u.external ?? false,
        aliases: [...(u.aliases ?? [])], nonEditableAliases: [...(u.nonEditableAliases ?? [])],
        orgUnitPath: u.orgUnitPath ?? ROOT_UNIT, archived: u.archived ?? false, profile: { ...u.profile },
      };
      if (!this.orgUnits.has(record.orgUnitPath)) throw new Error(`seed: ${u.email} is in unknown unit ${record.orgUnitPath}`);
      this.users.set(u.id, record);
      this.usersByEmail.set(u.email.toLowerCase(), record);
    }
    for (const g of org.groups) {
      // Group ids share the {member} segment with user ids, so they must not collide.
      if (this.groups.has(g.id) || this.users.has(g.id) || g.id === this.appUserId) throw new Error(`seed: duplicate id ${g.id}`);
      const record: GroupRecord = {
        id: g.id, email: g.email, aliases: [...(g.aliases ?? [])], nonEditableAliases: [...(g.nonEditableAliases ?? [])], members: [],
      };
      this.groups.set(g.id, record);
      this.groupsByEmail.set(g.email.toLowerCase(), record);
    }
    // An alias is an address of its own: no other user, group or alias may hold it (Workspace refuses it).
    for (const user of this.users.values()) for (const alias of [...user.aliases, ...user.nonEditableAliases]) this.addAlias(alias, this.usersByAlias, user);
    for (const group of this.groups.values()) for (const alias of [...group.aliases, ...group.nonEditableAliases]) this.addAlias(alias, this.groupsByAlias, group);
    for (const g of org.groups) if (g.members) this.setGroupMembers(this.groupByEmail(g.email) as GroupRecord, g.members);
    for (const s of org.spaces) this.loadSpace(s, now);
  }

  private addAlias<T>(alias: string, into: Map<string, T>, owner: T): void {
    const key = alias.toLowerCase();
    if (!key.includes('@') || this.usersByEmail.has(key) || this.groupsByEmail.has(key) || this.usersByAlias.has(key) || this.groupsByAlias.has(key)) {
      throw new Error(`seed: alias ${alias} is not a free email address`);
    }
    into.set(key, owner);
  }

  clear(): void {
    this.domain = '';
    this.appConfigured = true;
    this.appUserId = DEFAULT_APP_USER_ID;
    this.directorySharing = true;
    this.users.clear();
    this.groups.clear();
    this.spaces.clear();
    this.orgUnits.clear();
    this.orgUnits.add(ROOT_UNIT);
    this.usersByEmail.clear();
    this.groupsByEmail.clear();
    this.usersByAlias.clear();
    this.groupsByAlias.clear();
  }

  private loadSpace(s: SeedSpace, now: number): void {
    if (this.spaces.has(s.id)) throw new Error(`seed: duplicate space ${s.id}`);
    const space: SpaceRecord = {
      id: s.id, displayName: s.displayName ?? '', spaceType: s.spaceType,
      externalUserAllowed: s.externalUserAllowed ?? false, memberListHidden: s.memberListHidden ?? false,
      createTime: now, seq: this.nextSeq(), members: new Map(),
    };
    this.spaces.set(s.id, space);
    for (const m of s.members) {
      const record = this.seedMembership(m, now, s.id);
      if (space.members.has(record.key)) throw new Error(`seed: duplicate member ${record.key} in ${s.id}`);
      space.members.set(record.key, record);
    }
  }

  private seedMembership(m: SeedMember, now: number, spaceId: string): MembershipRecord {
    const base = { state: m.state ?? 'JOINED', createTime: now, seq: this.nextSeq() };
    if (m.app) return { ...base, key: this.appUserId, kind: 'BOT', role: 'ROLE_MEMBER' };
    if (m.groupEmail !== undefined) {
      const group = this.groupByEmail(m.groupEmail);
      if (!group) throw new Error(`seed: unknown group ${m.groupEmail} in ${spaceId}`);
      return { ...base, key: group.id, kind: 'GROUP', role: 'MEMBERSHIP_ROLE_UNSPECIFIED' };
    }
    const user = m.email === undefined ? undefined : this.userByEmail(m.email);
    if (!user) throw new Error(`seed: unknown user ${m.email ?? '(no email)'} in ${spaceId}`);
    return { ...base, key: user.id, kind: 'HUMAN', role: m.role ?? 'ROLE_MEMBER' };
  }
}
