/**
 * importMemberships through the built bundle against a seeded organisation: the rows it appends, what it
 * says about spaces it can't read, members already on the roster, people the Directory doesn't know, and
 * the point of it all: applying the roster right after the import makes no membership write.
 */
import { DEFAULT_SCOPES } from '../../emulator/gas/scopes';
import { Google, type HttpRequest, type HttpResponse } from '../../emulator/google';
import { AppsScriptWorld } from '../../emulator/gas/world';
import type { ImportReport } from '../../src/shared/importReport';
import type { RunReport } from '../../src/shared/report';
import { ADMIN, testOrg } from './org';
import { HEADERS, run } from './provisionSuite';

/**
 * testOrg, with the Chat app, a group and a person from outside (pat@gmail.com, unknown to the Directory) in
 * All Hands, and a space whose member list its managers hide from members like the administrator.
 */
function seed() {
  const org = testOrg();
  const hands = org.spaces.find((space) => space.id === 'AAAAhands')!;
  hands.members.push({ app: true }, { groupEmail: 'eng-team@example.com' }, { email: 'pat@gmail.com' });
  org.spaces.push({
    id: 'AAAAboard', displayName: 'Board', spaceType: 'SPACE', memberListHidden: true,
    members: [{ email: 'tina@example.com', role: 'ROLE_MANAGER' }, { email: ADMIN }],
  });
  return org;
}

function worldWith(roster: string[][]) {
  const google = new Google({ seed: seed() });
  const world = new AppsScriptWorld(google);
  world.spreadsheet.setSheet('Roster', [HEADERS, ...roster.map((cells) => [...cells, '', '', '', '', '', ''].slice(0, HEADERS.length))]);
  return { google, world };
}

const rosterRows = (world: AppsScriptWorld<Google>) => world.spreadsheet.sheet('Roster')!.slice(1);

describe('importMemberships', () => {
  const already = [
    ['alice@example.com', 'All Hands', '', ''],        // alice in All Hands, by the space's name
    ['users/100003', 'AAAAeng', 'Manager', ''],        // carol in Engineering, by id
  ];
  let google: Google;
  let world: AppsScriptWorld<Google>;
  let report: ImportReport;

  beforeAll(() => {
    ({ google, world } = worldWith(already));
    report = run<ImportReport>(world, 'importMemberships', [['Engineering', 'https://chat.google.com/room/AAAAhands', 'Board', 'spaces/AAAAgone']]).value!;
  });

  it('appends each member once, as the Roster writes them, with status UNCHANGED and when it was imported', () => {
    const added = rosterRows(world).slice(already.length).map((row) => [row[0], row[1], row[2], row[3], row[4]]);
    expect(added).toEqual([
      [ADMIN, 'spaces/AAAAeng', 'Owner', '', 'UNCHANGED'],
      ['alice@example.com', 'spaces/AAAAeng', 'Member', '', 'UNCHANGED'],
      ['ivan@example.com', 'spaces/AAAAeng', 'Member', '', 'UNCHANGED'],
      ['olga@example.com', 'spaces/AAAAeng', 'Member', '', 'UNCHANGED'],
      [ADMIN, 'spaces/AAAAhands', 'Owner', '', 'UNCHANGED'],
      ['judy@example.com', 'spaces/AAAAhands', 'Owner', '', 'UNCHANGED'],
      ['users/200001', 'spaces/AAAAhands', 'Member', '', 'UNCHANGED'],
      ['group:eng-team@example.com', 'spaces/AAAAhands', '', '', 'UNCHANGED'],
      ['app', 'spaces/AAAAhands', '', '', 'UNCHANGED'],
    ]);
    const details = (member: string) => rosterRows(world).find((row) => row[0] === member && row[1] === 'spaces/AAAAeng')?.[5];
    expect(details('alice@example.com')).toMatch(/^Imported from "Engineering" on \d{4}-\d\d-\d\d\.$/);
    expect(details('olga@example.com')).toMatch(/Invited/);
    expect(rosterRows(world).slice(already.length).every((row) => row[6] !== '')).toBe(true);
  });

  it('writes a person the Directory does not know as users/{id}, and says so', () => {
    const pat = rosterRows(world).find((row) => row[0] === 'users/200001')!;
    expect(pat[5]).toMatch(/directory doesn't know this person/);
  });

  it('reports rows per space, members already on the roster, and the spaces it could not read', () => {
    expect(report).toMatchObject({
      added: 9, alreadyOnRoster: 2,
      spaces: [
        { space: 'Engineering', added: 4, alreadyOnRoster: 1, otherApps: 0 },
        { space: 'All Hands', added: 5, alreadyOnRoster: 1, otherApps: 0 },
      ],
    });
    expect(report.problems).toEqual([
      expect.stringMatching(/^"spaces\/AAAAgone": No space with the id or name "AAAAgone"/),
      expect.stringMatching(/^Google Chat won't show you the members of "Board".*HTTP 403/),
    ]);
    expect(report.message).toMatch(/^Imported 9 rows from 2 spaces/);
  });

  it('makes no membership write, then applying the roster makes none either: every row is UNCHANGED', () => {
    expect(google.writes()).toEqual([]);
    const applied = run<RunReport>(world, 'provisionRoster').value!;
    expect(google.writes()).toEqual([]);
    expect(applied.counts).toEqual({ UNCHANGED: 11 });
  });

  it('does not repeat anything when run again', () => {
    const before = rosterRows(world).length;
    const again = run<ImportReport>(world, 'importMemberships', [['AAAAeng', 'All Hands']]).value!;
    expect(again).toMatchObject({ added: 0, alreadyOnRoster: 11 });
    expect(rosterRows(world)).toHaveLength(before);
  });

  it('with no space named, imports every named space the account is in', () => {
    const { world: fresh } = worldWith([]);
    const all = run<ImportReport>(fresh, 'importMemberships', [[]]).value!;
    expect(all.spaces.map((space) => space.space)).toEqual(['Engineering', 'All Hands', 'Solo']);
    expect(all.problems).toEqual([expect.stringMatching(/members of "Board"/)]);
  });

  it('with admin access on and no space named, imports every named space of the organisation', () => {
    const { google: org, world: fresh } = worldWith([]);
    expect(run<boolean>(fresh, 'setAdminAccess', [true]).value).toBe(true);
    const all = run<ImportReport>(fresh, 'importMemberships', [[]]).value!;
    expect(all.spaces.map((space) => space.space).sort()).toEqual(['All Hands', 'Board', 'Engineering', 'Finance', 'Solo']);
    expect(rosterRows(fresh).filter((row) => row[1] === 'spaces/AAAAfinance').map((row) => [row[0], row[2]])).toEqual([['tina@example.com', 'Owner']]);
    const applied = run<RunReport>(fresh, 'provisionRoster').value!;
    expect(org.writes()).toEqual([]);
    expect(Object.keys(applied.counts)).toEqual(['UNCHANGED']);
  });

  it('without the membership permission, says which one is missing and writes nothing', () => {
    const { world: fresh } = worldWith([]);
    fresh.setGrantedScopes(ADMIN, DEFAULT_SCOPES.filter((scope) => !scope.endsWith('/chat.memberships')));
    const refused = run<ImportReport>(fresh, 'importMemberships', [['Engineering']]).value!;
    expect(refused).toMatchObject({ added: 0, message: expect.stringMatching(/^Chat Roster needs your permission .*chat\.memberships/) });
    expect(rosterRows(fresh)).toEqual([]);
  });

  it('while a run is in the middle of its work, is refused plainly and leaves the roster alone', () => {
    const { google: org, world: busy } = worldWith([['grace@example.com', 'Engineering', '', '']]);
    const fetch = org.fetch.bind(org);
    let during: ImportReport | undefined;
    let rosterDuring = '';
    org.fetch = (request: HttpRequest): HttpResponse => {
      if (during === undefined && /\/members/.test(request.url)) {
        during = run<ImportReport>(busy, 'importMemberships', [['Engineering']]).value!;
        rosterDuring = JSON.stringify(rosterRows(busy));
      }
      return fetch(request);
    };
    run<RunReport>(busy, 'provisionRoster');
    org.fetch = fetch;
    expect(during).toMatchObject({ added: 0, message: expect.stringMatching(/another .*run is in progress/i) });
    expect(JSON.parse(rosterDuring)).toEqual([['grace@example.com', 'Engineering', '', '', '', '', '']]);
  });
});
