/**
 * The shape of an emulated organisation, and the demo organisation the workbench and demo start from.
 * A seed describes state, not requests: it may contain anything the API could have produced
 * (invited members, managers, the app), and the API rules apply only to calls made afterwards.
 */
export type SeedRole = 'ROLE_MEMBER' | 'ROLE_ASSISTANT_MANAGER' | 'ROLE_MANAGER';
export type SeedState = 'JOINED' | 'INVITED';
export type SpaceType = 'SPACE' | 'GROUP_CHAT' | 'DIRECT_MESSAGE';

export interface SeedUser {
  /** numeric string: the People API / Directory id Chat shows as users/{id} */
  id: string;
  email: string;
  suspended?: boolean;
  /** default true; false → members.create invites instead of adding */
  autoAccept?: boolean;
  /** holds the "manage chat and spaces conversations" admin privilege (needed for useAdminAccess and the Directory) */
  chatAdmin?: boolean;
  /**
   * reads the Admin SDK Directory as an administrator; default: chatAdmin. The two are separate admin
   * privileges in Workspace (a Chat admin role need not include Users › Read), so false with chatAdmin
   * true is a Chat admin the Directory refuses.
   */
  directoryAdmin?: boolean;
  /** outside the organisation: not in the Directory, addable only by email to spaces allowing external users */
  external?: boolean;
  /** alias email addresses (Directory `aliases`): users.get accepts them as userKey; Chat doesn't resolve them */
  aliases?: string[];
  /** addresses Google derives, e.g. on a domain alias (Directory `nonEditableAliases`); same rules as aliases */
  nonEditableAliases?: string[];
  /** organisational unit, default '/'; must be one of OrgSeed.orgUnits (or '/') */
  orgUnitPath?: string;
  /** Archived User licence: kept in the directory, unable to sign in (Directory `archived`) */
  archived?: boolean;
  /** name and searchable attributes (UserProfile); names derive from the email when absent */
  profile?: UserProfile;
}

/** The User resource's searchable attributes the emulator keeps (organizations[0], addresses[0], name). */
export interface UserProfile {
  givenName?: string;
  familyName?: string;
  /** organizations[0].department */
  department?: string;
  /** organizations[0].title */
  title?: string;
  /** organizations[0].costCenter */
  costCenter?: string;
  /** organizations[0].name */
  organization?: string;
  /** addresses[0].locality */
  locality?: string;
}

export type GroupRole = 'OWNER' | 'MANAGER' | 'MEMBER';

/** A direct member of a group: a user's or a group's primary email (Member resource `email`, `role`). */
export interface SeedGroupMember {
  email: string;
  /** default MEMBER */
  role?: GroupRole;
}

export interface SeedGroup {
  /** Cloud Identity group id, assumed equal to the Directory group id */
  id: string;
  email: string;
  /** alias email addresses (Directory `aliases`): groups.get accepts them as groupKey */
  aliases?: string[];
  nonEditableAliases?: string[];
  /** direct members, users and groups (nested groups: members.list flattens them on request) */
  members?: SeedGroupMember[];
}

export interface SeedMember {
  email?: string;
  groupEmail?: string;
  /** the add-on's Chat app */
  app?: boolean;
  role?: SeedRole;
  state?: SeedState;
}

export interface SeedSpace {
  /** the part after spaces/, e.g. 'AAAAengineering' */
  id: string;
  displayName?: string;
  spaceType: SpaceType;
  externalUserAllowed?: boolean;
  /** managers restricted who sees the member list: non-admin list/get → 403 */
  memberListHidden?: boolean;
  members: SeedMember[];
}

export interface OrgSeed {
  domain: string;
  /** default true; false → every Chat call 404 "Google Chat app not found…" (chat-api-memberships.md §10) */
  appConfigured?: boolean;
  /** numeric id the Chat app appears under in list output (type BOT) */
  appUserId?: string;
  /**
   * Admin console › Directory › Directory settings › Sharing settings › Contact sharing. Default true, as in
   * Workspace ("When Directory is turned on (the default setting)", support.google.com/a/answer/60218).
   * false → a non-administrator's `viewType=domain_public` reads are refused (403); administrators unaffected.
   */
  directorySharing?: boolean;
  /** organisational units below '/', e.g. '/Sales/EMEA' (its parents are created with it); '/' always exists */
  orgUnits?: string[];
  users: SeedUser[];
  groups: SeedGroup[];
  spaces: SeedSpace[];
}

export const DEFAULT_APP_USER_ID = '109876543210987654321';

const ENGINEERING = { orgUnitPath: '/Engineering', profile: { department: 'Engineering', organization: 'Example Inc', locality: 'London' } };
const SALES = (locality: string, title = 'Account Executive'): Partial<SeedUser> =>
  ({ orgUnitPath: locality === 'London' ? '/Sales' : '/Sales/EMEA', profile: { department: 'Sales', title, organization: 'Example Inc', locality } });

const DEMO_USERS: Array<[local: string, extra?: Partial<SeedUser>]> = [
  ['admin', { chatAdmin: true }],
  ['alice.smith', { aliases: ['alice@example.com'], ...ENGINEERING }], ['bob.jones', ENGINEERING], ['carol.white', ENGINEERING],
  ['dave.brown', SALES('London', 'Sales Director')], ['erin.green'], ['frank.miller'],
  ['grace.lee', SALES('Paris')], ['heidi.clark', SALES('Berlin')],
  ['ivan.petrov', { autoAccept: false }],
  ['judy.wilson', { suspended: true, ...SALES('Paris') }],
  ['kevin.taylor', { archived: false }],
];

/**
 * Demo organisation "example.com": 12 users (admin@example.com runs the add-on and is a Chat admin;
 * ivan.petrov has auto-accept off; judy.wilson is suspended; alice.smith also receives mail as alice@,
 * engineering@ as eng@), one external gmail user, three groups (all-staff@ holds engineering@ and design@
 * nested), organisational units /Engineering (alice, bob, carol), /Sales (dave), /Sales/EMEA (grace and
 * heidi, judy suspended there) with departments, titles and cities, the others at '/',
 * seven named spaces (Partners allows external users; Sales holds dave.brown, the rest of /Sales comes by the
 * demo's rules; admin manages all but Marketing, where they are a plain member), one group chat and one direct message.
 */
export function demoOrg(): OrgSeed {
  const users: SeedUser[] = DEMO_USERS.map(([local, extra], index) => ({
    id: String(110000000000000000001n + BigInt(index)),
    email: `${local}@example.com`,
    ...extra,
  }));
  users.push({ id: '120000000000000000001', email: 'pat.partner@gmail.com', external: true });
  const manager = { email: 'admin@example.com', role: 'ROLE_MANAGER' } as const;
  const member = (local: string, more: Partial<SeedMember> = {}): SeedMember => ({ email: `${local}@example.com`, ...more });
  return {
    domain: 'example.com',
    appUserId: DEFAULT_APP_USER_ID,
    orgUnits: ['/Engineering', '/Sales/EMEA'],
    users,
    groups: [
      {
        id: '03engineering01', email: 'engineering@example.com', aliases: ['eng@example.com'],
        members: [{ email: 'alice.smith@example.com', role: 'OWNER' }, { email: 'bob.jones@example.com' }, { email: 'carol.white@example.com' }],
      },
      { id: '03design000002', email: 'design@example.com', members: [{ email: 'erin.green@example.com' }, { email: 'frank.miller@example.com' }] },
      {
        id: '03allstaff0003', email: 'all-staff@example.com',
        members: [{ email: 'engineering@example.com' }, { email: 'design@example.com' }, { email: 'dave.brown@example.com', role: 'MANAGER' },
          { email: 'grace.lee@example.com' }, { email: 'judy.wilson@example.com' }, { email: 'bob.jones@example.com' }],
      },
    ],
    spaces: [
      {
        id: 'AAAAengineering', displayName: 'Engineering', spaceType: 'SPACE',
        members: [manager, member('alice.smith', { role: 'ROLE_ASSISTANT_MANAGER' }), member('bob.jones'), member('carol.white'),
          { groupEmail: 'engineering@example.com' }, { app: true }],
      },
      {
        id: 'AAAAdesignteam', displayName: 'Design Team', spaceType: 'SPACE',
        members: [manager, member('erin.green'), member('frank.miller'), member('ivan.petrov', { state: 'INVITED' })],
      },
      {
        id: 'AAAAallhands', displayName: 'All Hands', spaceType: 'SPACE',
        members: [manager, member('dave.brown'), member('grace.lee'), { groupEmail: 'all-staff@example.com' }],
      },
      {
        id: 'AAAApartners', displayName: 'Partners', spaceType: 'SPACE', externalUserAllowed: true,
        members: [manager, member('heidi.clark'), { email: 'pat.partner@gmail.com' }],
      },
      {
        id: 'AAAAleadership', displayName: 'Leadership', spaceType: 'SPACE',
        members: [manager, member('kevin.taylor', { role: 'ROLE_MANAGER' })],
      },
      {
        // You're a plain member here: checkSetup reads it fine, and the roster's add is refused (403) on Apply.
        id: 'AAAAmarketing', displayName: 'Marketing', spaceType: 'SPACE',
        members: [member('grace.lee', { role: 'ROLE_MANAGER' }), { email: 'admin@example.com' }, member('dave.brown')],
      },
      {
        // The demo's Rules sheet enrols /Sales and below here (DEMO_RULES); dave.brown is in already.
        id: 'AAAAsales', displayName: 'Sales', spaceType: 'SPACE',
        members: [manager, member('dave.brown')],
      },
      {
        id: 'AAAAgroupchat', spaceType: 'GROUP_CHAT',
        members: [{ email: 'admin@example.com' }, member('alice.smith'), member('bob.jones')],
      },
      {
        id: 'AAAAdirectmsg', spaceType: 'DIRECT_MESSAGE',
        members: [{ email: 'admin@example.com' }, member('bob.jones')],
      },
    ],
  };
}
