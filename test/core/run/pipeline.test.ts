/**
 * planRoster (pipeline.ts): the stages up to the plan as one list, asking Google only between stages. Here
 * Google's answers come from memory, as in scripts/bench/planSpeed.ts; the pipeline gives it the ports'.
 */
import { rendered } from '../../../src/core/details';
import type { DirectoryEntry, MemberReply } from '../../../src/core/ports';
import type { Membership, RosterRow, RowOutcome, SpaceInfo } from '../../../src/core/model';
import { planRoster, type Answers } from '../../../src/core/run/pipeline';
import { spaceKey } from '../../../src/core/rows/refs';
import type { SnapshotResult } from '../../../src/core/resolve/takeSnapshots';
import type { SpaceResolution } from '../../../src/core/resolve/resolveSpaces';

const TEAM: SpaceInfo = { name: 'spaces/T', spaceType: 'SPACE', displayName: 'Team' };
const CHAT: SpaceInfo = { name: 'spaces/C', spaceType: 'GROUP_CHAT', displayName: 'Lunch' };
const SLOW: SpaceInfo = { name: 'spaces/S', spaceType: 'SPACE', displayName: 'Slow' };
const HIDDEN: SpaceInfo = { name: 'spaces/H', spaceType: 'SPACE', displayName: 'Hidden' };

const member = (id: string, role = 'ROLE_MEMBER'): Membership =>
  ({ name: `spaces/T/members/${id}`, state: 'JOINED', role, member: { name: `users/${id}`, type: 'HUMAN' } });

let nextRow = 2;
function row(member: string, space: string, role = '', action = ''): RosterRow {
  return { sheetRow: nextRow++, member, space, role, action, status: '', details: '' };
}
beforeEach(() => { nextRow = 2; });

/** Google, in memory; every question asked is recorded, in order. */
function memoryAnswers(replies: (MemberReply | undefined)[] = []) {
  const asked: string[] = [];
  const spaces = new Map<string, SpaceResolution>([
    [spaceKey({ kind: 'name', name: TEAM.name }), { ok: true, space: TEAM }],
    [spaceKey({ kind: 'name', name: CHAT.name }), { ok: true, space: CHAT }],
    [spaceKey({ kind: 'name', name: SLOW.name }), { ok: true, space: SLOW }],
    [spaceKey({ kind: 'name', name: HIDDEN.name }), { ok: true, space: HIDDEN }],
  ]);
  const directory = new Map<string, DirectoryEntry>([
    ['ann@example.com', { kind: 'user', name: 'users/11' }],
    ['bob@example.com', { kind: 'user', name: 'users/12' }],
    ['me@example.com', { kind: 'user', name: 'users/1' }],
  ]);
  const listings = new Map<string, SnapshotResult>([
    [TEAM.name, { ok: true, snapshot: { members: new Map([['users/1', member('1', 'ROLE_MANAGER')], ['users/12', member('12')]]), hasGroups: false, invitedListed: true } }],
    [SLOW.name, { ok: false, pending: true }],
    [HIDDEN.name, { ok: false, problem: { reason: 'membersNotListed', space: HIDDEN, error: { code: 403, status: 'PERMISSION_DENIED', message: 'hidden' } } }],
  ]);
  const answers: Answers = {
    spaces: (refs) => { asked.push(`spaces ${refs.map(spaceKey).join(' ')}`); return spaces; },
    directory: (emails) => { asked.push(`directory ${emails.join(' ')}`); return { entries: directory, failure: null }; },
    snapshots: (list) => { asked.push(`snapshots ${list.map((space) => space.name).join(' ')}`); return listings; },
    members: (calls) => { asked.push(`members ${calls.map((call) => call.name).join(' ')}`); return replies; },
    learned: (targets) => { asked.push(`learned ${targets.length}`); },
  };
  return { answers, asked };
}

function plan(rows: RosterRow[], answers: Answers, addedEarlier?: ReadonlySet<number>) {
  const outcomes: RowOutcome[] = [];
  const operations = planRoster(rows, answers, { callerEmail: 'me@example.com', useAdminAccess: false, addedEarlier }, outcomes);
  return { operations, outcomes: outcomes.map(rendered).sort((a, b) => a.sheetRow - b.sheetRow) };
}

describe('planRoster', () => {
  it('asks each question once, between stages, and decides every row from the answers', () => {
    const { answers, asked } = memoryAnswers([{ code: 404 }]);
    const { operations, outcomes } = plan([
      row('ann@example.com', 'spaces/T', 'Manager'), // 2: create, then patch
      row('bob@example.com', 'spaces/T'), //            3: already there
      row('not an email', 'spaces/T'), //               4: INVALID at validation
      row('ann@example.com', 'spaces/C', 'Owner'), //   5: INVALID: a group chat has no Owners
      row('ext@gmail.com', 'spaces/T'), //              6: unknown to the directory: probed, absent → create
      row('ann@example.com', 'spaces/S'), //            7: its space not listed in time → PENDING
      row('bob@example.com', 'spaces/H'), //            8: its space's members hidden → ERROR
    ], answers);
    expect(asked).toEqual([
      'spaces name:spaces/T name:spaces/C name:spaces/S name:spaces/H',
      'directory ann@example.com bob@example.com ext@gmail.com me@example.com',
      'snapshots spaces/T spaces/S spaces/H',
      'members spaces/T/members/ext@gmail.com',
      'learned 3',
    ]);
    expect(operations.map((operation) => [operation.sheetRow, operation.kind])).toEqual([[2, 'create'], [6, 'create']]);
    expect(outcomes.map((outcome) => [outcome.sheetRow, outcome.status])).toEqual([
      [3, 'UNCHANGED'], [4, 'INVALID'], [5, 'INVALID'], [7, 'PENDING'], [8, 'ERROR'],
    ]);
    expect(outcomes.find((outcome) => outcome.sheetRow === 8)?.details).toContain('Google Chat won\'t show you the members of "Hidden"');
  });

  it('finishes the adds an earlier execution of the run left before their role patch', () => {
    const { answers } = memoryAnswers();
    const { operations, outcomes } = plan([
      row('bob@example.com', 'spaces/T', 'Manager'), // 2: added as Member earlier, the patch still to come
      row('me@example.com', 'spaces/T', 'Owner'), //    3: the patch landed, its reply was lost
    ], answers, new Set([2, 3]));
    expect(operations).toEqual([expect.objectContaining({ kind: 'patchRole', sheetRow: 2, completesAdd: true })]);
    expect(outcomes).toEqual([{ sheetRow: 3, status: 'ADDED', details: 'Added to the space as Owner' }]);
  });
});
