/**
 * Space cells → spaces: spaces.get for ids, an exact display-name lookup for names (reference §11:
 * 0 or >1 matches is a row error). A single-token id that Google doesn't know is retried as a
 * display name (see refs.ts). Also the rules that depend on the space's type.
 */
import { explain, httpNote, thrownError } from './apiErrors';
import type { Intent, Space, SpaceInfo, SpaceRef } from './model';
import type { ApiError, ChatGateway, Result } from './ports';
import { spaceKey } from './refs';

export type SpaceResolution = { ok: true; space: SpaceInfo } | { ok: false; details: string };

export function spaceLabel(space: SpaceInfo): string {
  return space.displayName ? `"${space.displayName}"` : space.name;
}

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

function cannotOpen(what: string, error: ApiError): string {
  if (error.code === 403) {
    return `Could not open the space ${what}: you are not a member of it, or you lack permission. Ask to be added, or turn on admin access. ${httpNote(error)}`;
  }
  if (error.code === 0) {
    // The Advanced Chat Service throws without a status: not found and no access look the same.
    return `Could not open the space ${what}: check the ID or link, and that you are a member of the space (or turn on admin access). ${httpNote(error)}`;
  }
  return explain(error, `Could not open the space ${what}:`);
}

function byDisplayName(chat: ChatGateway, displayName: string, admin: boolean): Result<Space[]> {
  return guarded(() => chat.findSpacesByDisplayName(displayName, admin));
}

function oneByName(matches: Space[], displayName: string, notFound: string): SpaceResolution {
  if (matches.length === 1) return { ok: true, space: info(matches[0], '') };
  if (matches.length === 0) return { ok: false, details: notFound };
  return {
    ok: false,
    details: `${matches.length} spaces you can see are named "${displayName}": use the URL of the one you mean instead of its name.`,
  };
}

function resolveOne(chat: ChatGateway, ref: SpaceRef, admin: boolean, listed: ReadonlyMap<string, Space>): SpaceResolution {
  if (ref.kind === 'displayName') {
    const found = byDisplayName(chat, ref.displayName, admin);
    if (!found.ok) return { ok: false, details: cannotOpen(`"${ref.displayName}"`, found.error) };
    return oneByName(found.value, ref.displayName,
      `No space named "${ref.displayName}" that you can see: check the name, or use the space's URL.`);
  }
  const known = listed.get(ref.name);
  if (known) return { ok: true, space: info(known, ref.name) };
  const got = guarded(() => chat.getSpace(ref.name, admin));
  if (got.ok) return { ok: true, space: info(got.value, ref.name) };
  const id = ref.name.slice('spaces/'.length);
  // Code 0: the Advanced Chat Service hides the status, so "not found" can't be ruled out.
  const mayBeName = got.error.code === 404 || got.error.code === 400 || got.error.code === 0;
  if (!mayBeName) return { ok: false, details: cannotOpen(ref.name, got.error) };
  // Not an id Google knows: maybe a one-word display name (refs.ts).
  const found = byDisplayName(chat, id, admin);
  if (!found.ok) return { ok: false, details: cannotOpen(ref.name, got.error) };
  return oneByName(found.value, id,
    `No space with the id or name "${id}" that you can see: check it, use the space's URL, and make sure you are a member (or turn on admin access). ${httpNote(got.error)}`);
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
export function spaceTypeProblem(intent: Intent, space: SpaceInfo): string | null {
  if (space.spaceType === 'SPACE') return null;
  const kind = space.spaceType === 'DIRECT_MESSAGE' ? 'a direct message' : 'a group chat';
  const member = intent.member.kind;
  if (intent.action === 'add' && (member === 'groupEmail' || member === 'groupId')) {
    return `Google Groups can only be added to named spaces, and ${spaceLabel(space)} is ${kind}: add the people one by one, or pick a named space.`;
  }
  if (intent.action === 'add' && intent.role !== null && intent.role !== 'ROLE_MEMBER') {
    return `Only named spaces have Managers and Owners, and ${spaceLabel(space)} is ${kind}: set Role to Member or clear it.`;
  }
  return null;
}
