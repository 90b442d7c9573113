/**
 * Member and Space cells, normalised (DESIGN.md §3). Each parser returns the reference or a reason an
 * administrator can act on; nothing here calls Google.
 *
 * Space cells and the id/name ambiguity: a cell that is a single token of letters, digits, `_` and `-`
 * (e.g. `AAAAxyz123`) is read as a space id. Resolution (spaces.ts) then tries it as an id first and,
 * only if Google knows no space with that id, as an exact display name — so a one-word name such as
 * `Engineering` still works. A one-word display name that happens to equal another space's id is taken
 * as that id: to be explicit, use the space's URL or `spaces/ID` form.
 */
import type { MemberRef, SpaceRef } from './model';

export type Parsed<T> = { ok: true; ref: T } | { ok: false; reason: string };

const MEMBER_FORMS = 'an email address (alice@example.com), users/ID, group:EMAIL, groups/ID or app';
const SPACE_FORMS = "the space's URL, spaces/ID, or the space's exact name";

/** Letters, digits, `_` and `-`: the shape of Chat space ids and Cloud Identity group ids. */
const ID_TOKEN = /^[A-Za-z0-9_-]+$/;
const NUMERIC_ID = /^[0-9]+$/;
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HAS_LETTER = /[a-z]/;

/** Email syntax good enough to catch typos, checked label by label (linear, no backtracking blow-up). */
export function isEmail(lowerCased: string): boolean {
  if (lowerCased.length > 254) return false;
  const at = lowerCased.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const labels = lowerCased.slice(at + 1).split('.');
  return (
    LOCAL_PART.test(lowerCased.slice(0, at)) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    HAS_LETTER.test(labels[labels.length - 1])
  );
}

function email(text: string, onValid: (email: string) => MemberRef): Parsed<MemberRef> {
  const lower = text.toLowerCase();
  return isEmail(lower)
    ? { ok: true, ref: onValid(lower) }
    : { ok: false, reason: `"${text}" is not a valid email address: check the spelling.` };
}

/** `alice@example.com`, `users/123`, `users/alice@example.com`, `group:team@example.com`, `groups/abc`, `app`. */
export function parseMemberCell(cell: string): Parsed<MemberRef> {
  const text = cell.trim();
  if (text === '') return { ok: false, reason: `The Member cell is empty: enter ${MEMBER_FORMS}.` };
  const lower = text.toLowerCase();
  if (lower === 'app' || lower === 'users/app') return { ok: true, ref: { kind: 'app' } };
  if (lower.startsWith('group:')) {
    return email(text.slice('group:'.length).trim(), (address) => ({ kind: 'groupEmail', email: address }));
  }
  if (lower.startsWith('groups/')) {
    const id = text.slice('groups/'.length);
    return ID_TOKEN.test(id)
      ? { ok: true, ref: { kind: 'groupId', name: `groups/${id}` } }
      : { ok: false, reason: `"${text}" is not a group id: write groups/ followed by the id (e.g. groups/abc123), or group:EMAIL.` };
  }
  if (lower.startsWith('users/')) {
    const id = text.slice('users/'.length);
    if (NUMERIC_ID.test(id)) return { ok: true, ref: { kind: 'userId', name: `users/${id}` } };
    // users/<email> is Google's email alias: the same person as the bare email.
    if (id.includes('@')) return email(id, (address) => ({ kind: 'userEmail', email: address }));
    return { ok: false, reason: `"${text}" is not a user id: a user id is users/ followed by digits; or write the email address.` };
  }
  if (text.includes('@')) return email(text, (address) => ({ kind: 'userEmail', email: address }));
  return { ok: false, reason: `"${text}" is not a member Chat Roster understands: use ${MEMBER_FORMS}.` };
}

/** `https://mail.google.com/chat/u/0/#chat/space/ID` and `https://mail.google.com/mail/u/0/#chat/space/ID`. */
const GMAIL_CHAT_URL =
  /^https?:\/\/mail\.google\.com\/(?:chat|mail)(?:\/u\/\d+)?\/?(?:\?[^#]*)?#chat\/space\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/i;
/** `https://chat.google.com/room/ID` (optionally `/u/N/room/ID`). */
const CHAT_ROOM_URL = /^https?:\/\/chat\.google\.com\/(?:u\/\d+\/)?room\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/i;

/** `spaces/ID`, `ID`, a Chat URL, or an exact display name (trimmed). */
export function parseSpaceCell(cell: string): Parsed<SpaceRef> {
  const text = cell.trim();
  if (text === '') return { ok: false, reason: `The Space cell is empty: enter ${SPACE_FORMS}.` };
  if (/^https?:\/\//i.test(text)) {
    const match = GMAIL_CHAT_URL.exec(text) ?? CHAT_ROOM_URL.exec(text);
    return match
      ? { ok: true, ref: { kind: 'name', name: `spaces/${match[1]}` } }
      : { ok: false, reason: `"${text}" is not a Google Chat space link: open the space in Chat and copy its URL, or use spaces/ID or the space's exact name.` };
  }
  if (text.toLowerCase().startsWith('spaces/')) {
    const id = text.slice('spaces/'.length);
    return ID_TOKEN.test(id)
      ? { ok: true, ref: { kind: 'name', name: `spaces/${id}` } }
      : { ok: false, reason: `"${text}" is not a space id: write spaces/ followed by the id from the space's URL, or use the URL itself.` };
  }
  if (ID_TOKEN.test(text)) return { ok: true, ref: { kind: 'name', name: `spaces/${text}` } };
  return { ok: true, ref: { kind: 'displayName', displayName: text } };
}

/** One key per distinct space as written: all forms of one id share a key; names are exact. */
export function spaceKey(ref: SpaceRef): string {
  return ref.kind === 'name' ? `name:${ref.name}` : `displayName:${ref.displayName}`;
}

/** How a member is named in Details. */
export function memberLabel(ref: MemberRef): string {
  switch (ref.kind) {
    case 'userEmail': case 'groupEmail': return ref.email;
    case 'userId': case 'groupId': return ref.name;
    case 'app': return 'the Chat app';
  }
}

/** How a space reference is named in Details. */
export function spaceRefLabel(ref: SpaceRef): string {
  return ref.kind === 'name' ? ref.name : `"${ref.displayName}"`;
}
