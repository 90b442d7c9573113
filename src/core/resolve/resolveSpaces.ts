/**
 * Space cells → spaces: spaces.get for ids, an exact display-name lookup for names (reference §11:
 * 0 or >1 matches is a row error). A single-token id that Google doesn't know is retried as a
 * display name (see refs.ts). Also the rules that depend on the space's type.
 */
import { thrownError } from '../apiErrors';
import type { Detail, Intent, Space, SpaceInfo, SpaceRef } from '../model';
import type { ChatGateway, Result } from '../ports';
import { spaceKey } from '../rows/refs';

/** Why a Space cell names no space (the row's INVALID or ERROR: spaceProblemStatus). */
export type SpaceProblem = Detail<'spaceNotOpened' | 'chatNotAnswering' | 'noSpaceNamed' | 'noSpaceWithIdOrName' | 'spaceNameAmbiguous'>;

/**
 * Google failing rather than answering (DESIGN.md §6: an outage reads as Google's): 429, 5xx, or no status
 * at all — spaces.get goes over REST, so code 0 there means no reply came (the transport failed); a
 * display-name lookup goes through the Advanced Service, whose throws are all code 0 and can't mean "no such name".
 */
export const isOutage = (error: { code: number }): boolean => error.code === 0 || error.code === 429 || error.code >= 500;

/** HTTP statuses by which Google says the space isn't there for the caller (wrong id, not visible, malformed). */
const NO_SUCH_SPACE: ReadonlySet<number> = new Set([400, 403, 404]);

/**
 * INVALID when Google answered that the row names no space the caller can see: a display name with no match
 * or several, an id refused with 400, 403 or 404 (fix the cell, or get access). ERROR when Google failed or
 * didn't say: 5xx, 429, transport, and code 0 — the Advanced Chat Service hides the status, so a failure of
 * Google's can't be ruled out (the stricter reading), even when the name lookup that follows finds nothing.
 */
export function spaceProblemStatus(problem: SpaceProblem): 'INVALID' | 'ERROR' {
  if (problem.reason === 'noSpaceNamed' || problem.reason === 'spaceNameAmbiguous') return 'INVALID';
  if (problem.reason === 'chatNotAnswering') return 'ERROR';
  return NO_SUCH_SPACE.has(problem.error.code) ? 'INVALID' : 'ERROR';
}

export type SpaceResolution = { ok: true; space: SpaceInfo } | { ok: false; problem: SpaceProblem };

function info(space: Space, fallbackName: string): SpaceInfo {
  return {
    name: space.name || fallbackName,
    spaceType: space.spaceType || 'SPACE',
    displayName: space.displayName ?? '',
  };
}

/** A port that throws is a failed call, not a crashed run. */
function guarded<T>(call: () => Result<T>): Result<T> {
  try {
    return call();
  } catch (thrown) {
    return { ok: false, error: thrownError(thrown) };
  }
}

function byDisplayName(chat: ChatGateway, displayName: string, admin: boolean): Result<Space[]> {
  return guarded(() => chat.findSpacesByDisplayName(displayName, admin));
}

function oneByName(matches: Space[], displayName: string, notFound: SpaceProblem): SpaceResolution {
  if (matches.length === 1) return { ok: true, space: info(matches[0], '') };
  if (matches.length === 0) return { ok: false, problem: notFound };
  return { ok: false, problem: { reason: 'spaceNameAmbiguous', displayName, count: matches.length } };
}

function resolveOne(chat: ChatGateway, ref: SpaceRef, admin: boolean, listed: ReadonlyMap<string, Space>): SpaceResolution {
  if (ref.kind === 'displayName') {
    const found = byDisplayName(chat, ref.displayName, admin);
    if (!found.ok) return { ok: false, problem: { reason: 'chatNotAnswering', ref, error: found.error } };
    return oneByName(found.value, ref.displayName, { reason: 'noSpaceNamed', displayName: ref.displayName });
  }
  const known = listed.get(ref.name);
  if (known) return { ok: true, space: info(known, ref.name) };
  const got = guarded(() => chat.getSpace(ref.name, admin));
  if (got.ok) return { ok: true, space: info(got.value, ref.name) };
  if (isOutage(got.error)) return { ok: false, problem: { reason: 'chatNotAnswering', ref, error: got.error } };
  const id = ref.name.slice('spaces/'.length);
  const mayBeName = got.error.code === 404 || got.error.code === 400;
  const notOpened: SpaceResolution = { ok: false, problem: { reason: 'spaceNotOpened', ref, error: got.error } };
  if (!mayBeName) return notOpened;
  // Not an id Google knows: maybe a one-word display name (refs.ts).
  const found = byDisplayName(chat, id, admin);
  if (!found.ok) return notOpened;
  return oneByName(found.value, id, { reason: 'noSpaceWithIdOrName', id, error: got.error });
}

/**
 * The caller's spaces in one list call instead of a spaces.get per space: the Advanced Chat Service is
 * sequential, and 40 gets at 300 ms would cost 12 s of every execution. Worth it from two spaces on.
 */
function listedSpaces(chat: ChatGateway, refs: readonly SpaceRef[]): Map<string, Space> {
  const byName = new Map<string, Space>();
  const names = new Set(refs.filter((ref) => ref.kind === 'name').map(spaceKey));
  if (names.size < 2) return byName;
  const listed = guarded(() => chat.listSpaces());
  if (listed.ok) for (const space of listed.value) if (space.name) byName.set(space.name, space);
  return byName;
}

/**
 * The Space cells to resolve: each ref once (validation hands every row naming one space text the same ref,
 * and rows come mostly space by space). resolveSpaces also merges refs that name one space differently.
 */
export function spaceRefsOf(intents: readonly Intent[]): SpaceRef[] {
  const refs = new Set<SpaceRef>();
  let last: SpaceRef | null = null;
  for (let index = 0; index < intents.length; index++) {
    const space = intents[index].space;
    if (space === last) continue;
    last = space;
    refs.add(space);
  }
  return [...refs];
}

/** Each distinct space once, keyed by refs.spaceKey. */
export function resolveSpaces(chat: ChatGateway, refs: readonly SpaceRef[], useAdminAccess: boolean): Map<string, SpaceResolution> {
  const resolved = new Map<string, SpaceResolution>();
  const listed = listedSpaces(chat, refs);
  for (const ref of refs) {
    const key = spaceKey(ref);
    if (!resolved.has(key)) resolved.set(key, resolveOne(chat, ref, useAdminAccess, listed));
  }
  return resolved;
}

/** Rules that need the space's type: groups and roles exist only in named spaces (reference §3–4). */
export function spaceTypeProblem(intent: Intent, space: SpaceInfo): Detail<'groupNeedsNamedSpace' | 'roleNeedsNamedSpace'> | null {
  if (space.spaceType === 'SPACE') return null;
  const member = intent.member.kind;
  if (intent.action === 'add' && (member === 'groupEmail' || member === 'groupId')) return { reason: 'groupNeedsNamedSpace', space };
  if (intent.action === 'add' && intent.role !== null && intent.role !== 'ROLE_MEMBER') return { reason: 'roleNeedsNamedSpace', space };
  return null;
}
