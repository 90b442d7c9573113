/**
 * The organisation the bundle tests provision against: every kind of member and space the roster can name,
 * and the awkward cases (auto-accept off, suspended, external, a space the admin isn't in, a sole owner,
 * people and groups named by an alias).
 */
import type { OrgSeed } from '../../emulator/seed';

export const ADMIN = 'admin@example.com';

const person = (id: number, name: string, extra: Partial<OrgSeed['users'][number]> = {}) => ({
  id: String(100000 + id),
  email: `${name}@example.com`,
  ...extra,
});

const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'kim', 'liam', 'mia', 'noah', 'olga', 'pete', 'quinn', 'rosa', 'sam', 'tina'];

export function testOrg(): OrgSeed {
  return {
    domain: 'example.com',
    appUserId: '999000',
    users: [
      { id: '100000', email: ADMIN, chatAdmin: true },
      ...PEOPLE.map((name, index) =>
        person(index + 1, name, {
          autoAccept: name !== 'bob',
          suspended: name === 'dave',
          ...(name === 'tina' ? { aliases: ['t.owner@example.com'] } : {}),
        }),
      ),
      { id: '200001', email: 'pat@gmail.com', external: true },
    ],
    groups: [
      { id: 'g-eng', email: 'eng-team@example.com', aliases: ['engineering@example.com'] },
      { id: 'g-design', email: 'design@example.com' },
    ],
    spaces: [
      {
        id: 'AAAAeng', displayName: 'Engineering', spaceType: 'SPACE',
        members: [
          { email: ADMIN, role: 'ROLE_MANAGER' },
          { email: 'alice@example.com' },
          { email: 'carol@example.com', role: 'ROLE_ASSISTANT_MANAGER' },
          { email: 'ivan@example.com' },
          { email: 'olga@example.com', state: 'INVITED' },
        ],
      },
      {
        id: 'AAAAhands', displayName: 'All Hands', spaceType: 'SPACE', externalUserAllowed: true,
        members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, { email: 'alice@example.com' }, { email: 'judy@example.com', role: 'ROLE_MANAGER' }],
      },
      { id: 'AAAAsolo', displayName: 'Solo', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, { email: 'sam@example.com' }] },
      { id: 'AAAAfinance', displayName: 'Finance', spaceType: 'SPACE', members: [{ email: 'tina@example.com', role: 'ROLE_MANAGER' }] },
      { id: 'AAAAchat', spaceType: 'GROUP_CHAT', members: [{ email: ADMIN }, { email: 'alice@example.com' }] },
    ],
  };
}

/** A roster of about 50 rows: [Member, Space, Role, Action] → expected Status and a Details pattern. */
export interface RosterCase {
  cells: [string, string, string, string];
  status: string;
  details: RegExp;
}

const eng = 'spaces/AAAAeng';
export const ROSTER_CASES: RosterCase[] = [
  // Every member form, every space form.
  { cells: ['alice@example.com', eng, 'Member', 'add'], status: 'UNCHANGED', details: /already/i },
  { cells: ['bob@example.com', 'AAAAeng', '', ''], status: 'INVITED', details: /accept/i },
  { cells: ['erin@example.com', 'https://mail.google.com/chat/u/0/#chat/space/AAAAeng', 'Manager', 'add'], status: 'ADDED', details: /manager/i },
  { cells: ['frank@example.com', 'https://chat.google.com/room/AAAAeng', 'Owner', 'add'], status: 'ADDED', details: /owner/i },
  { cells: ['users/100007', 'Engineering', 'Member', ''], status: 'ADDED', details: /./ },
  { cells: ['group:eng-team@example.com', 'Engineering', '', 'add'], status: 'ADDED', details: /group added/i },
  { cells: ['groups/g-design', eng, '', ''], status: 'ADDED', details: /./ },
  { cells: ['app', eng, '', 'add'], status: 'ADDED', details: /chat app added/i },
  { cells: ['Grace@Example.com', 'All Hands', '', ''], status: 'ADDED', details: /./ },
  // Roles and removals against the current state.
  { cells: ['carol@example.com', eng, 'Member', 'add'], status: 'ROLE_UPDATED', details: /member/i },
  { cells: ['alice@example.com', 'spaces/AAAAhands', 'Owner', 'add'], status: 'ROLE_UPDATED', details: /owner/i },
  { cells: ['olga@example.com', eng, '', 'add'], status: 'UNCHANGED', details: /invit/i },
  { cells: ['heidi@example.com', eng, '', 'remove'], status: 'UNCHANGED', details: /not/i },
  { cells: ['ivan@example.com', eng, '', 'remove'], status: 'REMOVED', details: /removed/i },
  { cells: ['sam@example.com', 'AAAAsolo', '', 'REMOVE'], status: 'REMOVED', details: /./ },
  { cells: ['admin@example.com', 'AAAAsolo', '', 'remove'], status: 'HELD', details: /your own account.* Nothing to fix: Chat Roster holds this on purpose\.$/ },
  { cells: ['judy@example.com', 'AAAAhands', 'Member', 'add'], status: 'ROLE_UPDATED', details: /member/i },
  // Rows that are wrong in themselves.
  { cells: ['not-an-email', eng, '', ''], status: 'INVALID', details: /email/i },
  { cells: ['kim@example.com', eng, 'Boss', ''], status: 'INVALID', details: /role/i },
  { cells: ['liam@example.com', eng, '', 'delete'], status: 'INVALID', details: /action/i },
  { cells: ['group:eng-team@example.com', 'AAAAhands', 'Manager', 'add'], status: 'INVALID', details: /role/i },
  { cells: ['app', 'AAAAhands', 'Owner', ''], status: 'INVALID', details: /role/i },
  { cells: ['erin@example.com', 'https://mail.google.com/chat/u/0/#chat/space/AAAAeng', 'Manager', 'add'], status: 'INVALID', details: /same as row 4/i },
  { cells: ['mia@example.com', eng, '', ''], status: 'INVALID', details: /conflicts with row \d+/i },
  { cells: ['mia@example.com', eng, '', 'remove'], status: 'INVALID', details: /conflicts with row \d+/i },
  { cells: ['group:design@example.com', 'spaces/AAAAchat', '', ''], status: 'INVALID', details: /named space|group/i },
  { cells: ['noah@example.com', 'spaces/AAAAchat', 'Manager', ''], status: 'INVALID', details: /role|named space/i },
  { cells: ['', eng, '', ''], status: 'INVALID', details: /member/i },
  { cells: ['pete@example.com', '', '', ''], status: 'INVALID', details: /space/i },
  { cells: ['alcie@example.com', eng, '', ''], status: 'INVALID', details: /^No one in your organisation has this address — check the spelling\. Your side: fix this, then run again\.$/ },
  // Rows Google refuses or that can't be resolved. An unknown id stays ERROR: the Advanced Chat Service
  // hides the HTTP status (code 0), so a failure of Google's can't be ruled out; a name with no match is INVALID.
  { cells: ['quinn@example.com', 'spaces/AAAAnope', '', ''], status: 'INVALID', details: /use the space's URL/ },
  { cells: ['quinn@example.com', 'No Such Space', '', ''], status: 'INVALID', details: /no space/i },
  { cells: ['rosa@example.com', 'spaces/AAAAfinance', '', ''], status: 'INVALID', details: /you are not a member of it.*Ask to be added.*HTTP 403/ },
  { cells: ['dave@example.com', eng, '', ''], status: 'HELD', details: /suspend.* Your side: fix this, then run again\.$/i },
  { cells: ['group:nobody@example.com', eng, '', ''], status: 'ERROR', details: /directory|group/i },
  { cells: ['pat@gmail.com', 'AAAAhands', '', ''], status: 'ADDED', details: /./ },
  { cells: ['pat@gmail.com', eng, '', ''], status: 'ERROR', details: /outside your organisation.*HTTP 403.*\) Your side: fix this, then run again\.$/ },
  // Anyone may be named by an alias (the directory resolves it; Chat wouldn't).
  { cells: ['T.Owner@example.com', eng, '', ''], status: 'ADDED', details: /./ },
  { cells: ['group:engineering@example.com', 'All Hands', '', ''], status: 'ADDED', details: /group added/i },
];

/** Plain adds to fill the roster to about 50 rows across two spaces. */
export function fillerCases(): RosterCase[] {
  return PEOPLE.slice(0, 18).filter((name) => !['alice', 'judy', 'dave', 'bob', 'grace'].includes(name)).map((name) => ({
    cells: [`${name}@example.com`, 'All Hands', '', ''] as [string, string, string, string],
    status: 'ADDED',
    details: /./,
  }));
}
