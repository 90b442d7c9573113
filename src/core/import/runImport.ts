/**
 * importMemberships end to end (DESIGN.md §2), asks and decisions alternating: which spaces (the cells
 * given, resolved like the roster's, or every named space), their members (takeSnapshots: invited people
 * and groups included), which member is Chat Roster's own app, the Directory's names for the ids, the
 * roster already there, then the rows to append (importRows) and one write. It never throws for Google:
 * a space it can't read is a line of the report, and the other spaces still import.
 */
import { thrownError } from '../apiErrors';
import { importProblemText, type ImportProblem } from '../details';
import type { Membership, SpaceInfo, Space } from '../model';
import type { ChatGateway, Clock, Directory, ImportSources, MemberCall, Result, RosterStore } from '../ports';
import { PacedSender } from '../apply/pacedSender';
import { lookUp } from '../resolve/identities';
import { resolveSpaces } from '../resolve/resolveSpaces';
import { takeSnapshots } from '../resolve/takeSnapshots';
import { isProblem, readMemberCell, readSpaceCell, spaceKey } from '../rows/refs';
import { WORK_BUDGET_MS } from '../run/runRoster';
import { parseRoster, ROSTER_SHEET } from '../sheet/readRoster';
import type { ImportReport } from '../../shared/importReport';
import { appendBlocks } from './appendRows';
import { importRows, type SpaceMembers } from './importRows';

export interface ImportDeps {
  chat: ChatGateway;
  sources: ImportSources;
  directory: Directory;
  store: RosterStore;
  clock: Clock;
  useAdminAccess: boolean;
  /** Today in the spreadsheet's time zone (yyyy-MM-dd), for the Details. */
  date: string;
  /** Time for the member lists; the default leaves the execution room to write. */
  workBudgetMs?: number;
}

/** A port that throws is a failed call, not a crashed import. */
function guarded<T>(call: () => Result<T>): Result<T> {
  try {
    return call();
  } catch (thrown) {
    return { ok: false, error: thrownError(thrown) };
  }
}

const infoOf = (space: Space): SpaceInfo => ({ name: space.name ?? '', spaceType: space.spaceType || 'SPACE', displayName: space.displayName ?? '' });

/** The spaces the cells name, resolved as the roster's Space cells are; each cell that names none is a problem. */
function spacesOfCells(deps: ImportDeps, cells: readonly string[], problems: ImportProblem[]): SpaceInfo[] {
  const refs = [];
  for (const cell of cells) {
    const ref = readSpaceCell(cell);
    if (isProblem(ref)) problems.push({ reason: 'notSpaceCell', cell, problem: ref });
    else refs.push({ cell, ref });
  }
  const resolved = resolveSpaces(deps.chat, refs.map(({ ref }) => ref), deps.useAdminAccess);
  const spaces: SpaceInfo[] = [];
  for (const { cell, ref } of refs) {
    const answer = resolved.get(spaceKey(ref));
    if (answer?.ok) spaces.push(answer.space);
    else problems.push({ reason: 'spaceUnread', label: `"${cell}"`, detail: answer?.problem ?? { reason: 'spaceNotListed' } });
  }
  return spaces;
}

/** Every named space the caller can see (or, with admin access, the organisation has). */
function allNamedSpaces(deps: ImportDeps, problems: ImportProblem[]): SpaceInfo[] {
  const listed = guarded(() => deps.sources.allSpaces(deps.useAdminAccess));
  if (!listed.ok) {
    problems.push({ reason: 'spacesNotListed', error: listed.error });
    return [];
  }
  return listed.value.map(infoOf).filter((space) => space.name !== '' && space.spaceType === 'SPACE');
}

const isBot = (membership: Membership) => membership.member?.type === 'BOT';

/** Which member is Chat Roster's own app, in the spaces that have an app: members.get …/members/app (user auth only). */
function appNames(sender: PacedSender, spaces: readonly { space: SpaceInfo; memberships: readonly Membership[] }[]): Map<string, string> {
  const asked = spaces.filter(({ memberships }) => memberships.some(isBot));
  const calls: MemberCall[] = asked.map(({ space }) => ({ method: 'get', name: `${space.name}/members/app` }));
  const names = new Map<string, string>();
  if (calls.length === 0) return names;
  const replies = sender.send(calls);
  asked.forEach(({ space }, index) => {
    const name = replies[index]?.membership?.member?.name;
    if (name) names.set(space.name, name);
  });
  return names;
}

function report(problems: readonly ImportProblem[], result: ReturnType<typeof importRows> | null, message?: string): ImportReport {
  const perSpace = result?.perSpace ?? [];
  const added = perSpace.reduce((sum, space) => sum + space.added, 0);
  const alreadyOnRoster = perSpace.reduce((sum, space) => sum + space.alreadyOnRoster, 0);
  const lines = problems.map(importProblemText);
  return {
    added, alreadyOnRoster, problems: lines,
    spaces: perSpace.map(({ space, added: rows, alreadyOnRoster: known, otherApps }) => ({
      space: space.displayName || space.name, added: rows, alreadyOnRoster: known, otherApps,
    })),
    message: message ?? importMessage(added, alreadyOnRoster, perSpace.length, problems.length),
  };
}

function importMessage(added: number, known: number, spaces: number, problems: number): string {
  const rows = `${added} ${added === 1 ? 'row' : 'rows'}`;
  const from = `${spaces} ${spaces === 1 ? 'space' : 'spaces'}`;
  const head = spaces === 0 ? 'No space was imported.' : `Imported ${rows} from ${from} (status UNCHANGED: they say what Chat already has).`;
  const skipped = known > 0 ? ` ${known} ${known === 1 ? 'member was' : 'members were'} already on the roster.` : '';
  const trouble = problems > 0 ? ` ${problems} ${problems === 1 ? 'problem' : 'problems'}: see below.` : '';
  return head + skipped + trouble;
}

/** Appends the current members of the spaces the cells name (none = every named space) to the Roster. */
export function runImport(deps: ImportDeps, spaceCells: readonly string[]): ImportReport {
  const grid = deps.store.read();
  if (grid === null) return report([], null, `There is no ${ROSTER_SHEET} sheet yet: use Set up roster sheet, then import.`);
  const parsed = parseRoster(grid);
  if (!parsed.ok) return report([], null, parsed.message);

  const problems: ImportProblem[] = [];
  const cells = spaceCells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const spaces = cells.length > 0 ? spacesOfCells(deps, cells, problems) : allNamedSpaces(deps, problems);

  const sender = new PacedSender(deps.chat, deps.clock, deps.clock.now() + (deps.workBudgetMs ?? WORK_BUDGET_MS));
  const listings = takeSnapshots(sender, spaces, deps.useAdminAccess);
  const listed: { space: SpaceInfo; memberships: Membership[] }[] = [];
  const seen = new Set<string>();
  for (const space of spaces) {
    if (seen.has(space.name)) continue;
    seen.add(space.name);
    const listing = listings.get(space.name);
    if (listing?.ok) {
      listed.push({ space, memberships: [...listing.snapshot.members.values()] });
      if (!listing.snapshot.invitedListed) problems.push({ reason: 'invitationsHidden', space });
    }
    else if (listing?.pending) problems.push({ reason: 'outOfTime', space });
    else problems.push({ reason: 'spaceUnread', label: '', detail: listing?.problem ?? { reason: 'spaceNotListed' } });
  }

  const apps = appNames(sender, listed);
  const ids = new Set<string>();
  for (const { memberships } of listed) {
    for (const membership of memberships) {
      const name = membership.groupMember?.name ?? (isBot(membership) ? undefined : membership.member?.name);
      if (name) ids.add(name);
    }
  }
  const named = ids.size > 0 ? guarded(() => deps.sources.emailsOf([...ids])) : { ok: true as const, value: new Map<string, string>() };
  if (!named.ok) problems.push({ reason: 'directoryUnread', error: named.error });

  const rosterEmails = new Set<string>();
  for (const row of parsed.rows) {
    const ref = readMemberCell(row.member);
    if (!isProblem(ref) && (ref.kind === 'userEmail' || ref.kind === 'groupEmail')) rosterEmails.add(ref.email);
  }
  const rosterEntries = listed.length > 0 ? lookUp(deps.directory, [...rosterEmails]).entries : new Map();

  const members: SpaceMembers[] = listed.map(({ space, memberships }) => ({ space, memberships, appName: apps.get(space.name) ?? null }));
  const result = importRows({
    spaces: members, emailsOf: named.ok ? named.value : new Map(), rosterEntries, roster: parsed.rows, date: deps.date,
  });
  const blocks = appendBlocks(parsed.columns, grid.length, result.rows, deps.clock.stamp(deps.clock.now()));
  if (blocks.length > 0) {
    deps.store.write(blocks);
    deps.store.flush();
  }
  return report(problems, result);
}
