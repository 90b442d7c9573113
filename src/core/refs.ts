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

/*
 * Email syntax, checked character by character (a million rows, DESIGN.md §5: no regex, no substring,
 * no array per cell). The rules are those of the regexes they replace:
 *   local part    ^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$
 *   domain label  ^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$   (two labels or more, the last with a letter)
 */
const LOCAL_CHAR = 1;
const LABEL_CHAR = 2;
const LETTER = 4;
/** Per ASCII code: which of the sets above it belongs to. */
const ASCII_CLASS = new Uint8Array(128);
for (const char of "!#$%&'*+/=?^_`{|}~-") ASCII_CLASS[char.charCodeAt(0)] |= LOCAL_CHAR;
for (const char of '0123456789') ASCII_CLASS[char.charCodeAt(0)] |= LOCAL_CHAR | LABEL_CHAR;
for (const char of 'abcdefghijklmnopqrstuvwxyz') ASCII_CLASS[char.charCodeAt(0)] |= LOCAL_CHAR | LABEL_CHAR | LETTER;
ASCII_CLASS['-'.charCodeAt(0)] |= LABEL_CHAR;
const DOT = 46; // '.'
const HYPHEN = 45; // '-'

function classOf(code: number): number {
  return code < 128 ? ASCII_CLASS[code] : 0;
}

/** [start, end) is one or more runs of local-part characters joined by single dots. */
function isLocalPart(text: string, start: number, end: number): boolean {
  let run = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === DOT) {
      if (run === 0) return false;
      run = 0;
    } else if (classOf(code) & LOCAL_CHAR) {
      run++;
    } else {
      return false;
    }
  }
  return run > 0;
}

/** [start, end) is two or more dot-separated labels of 1–63 letters, digits and inner hyphens; the last has a letter. */
function isDomain(text: string, start: number, end: number): boolean {
  let labels = 0;
  let labelStart = start;
  let hasLetter = false;
  for (let index = start; ; index++) {
    if (index === end || text.charCodeAt(index) === DOT) {
      const length = index - labelStart;
      if (length === 0 || length > 63) return false;
      if (text.charCodeAt(labelStart) === HYPHEN || text.charCodeAt(index - 1) === HYPHEN) return false;
      labels++;
      if (index === end) return labels >= 2 && hasLetter;
      labelStart = index + 1;
      hasLetter = false;
    } else {
      const kind = classOf(text.charCodeAt(index));
      if (!(kind & LABEL_CHAR)) return false;
      if (kind & LETTER) hasLetter = true;
    }
  }
}

/** Email syntax good enough to catch typos, checked in one linear pass (no backtracking blow-up). */
export function isEmail(lowerCased: string): boolean {
  if (lowerCased.length > 254) return false;
  const at = lowerCased.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  return isLocalPart(lowerCased, 0, at) && isDomain(lowerCased, at + 1, lowerCased.length);
}

function isDigits(text: string, start: number): boolean {
  if (start >= text.length) return false;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `prefix` and what follows it in `text` (whose own prefix may differ in case): `text` itself when it already starts so. */
function withPrefix(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text : prefix + text.slice(prefix.length);
}

function emailRef(text: string, lower: string, kind: 'userEmail' | 'groupEmail'): MemberRef | string {
  return isEmail(lower) ? { kind, email: lower } : `"${text}" is not a valid email address: check the spelling.`;
}

/**
 * The member a cell names, or the reason it names none: parseMemberCell without a result object, for
 * validation's loop over every row. Names that the cell already spells as Google does reuse the cell's
 * own string rather than a joined copy (V8 joins lazily, and a joined string is slower as a Map key).
 */
export function readMemberCell(cell: string): MemberRef | string {
  const text = cell.trim();
  if (text === '') return `The Member cell is empty: enter ${MEMBER_FORMS}.`;
  const lower = text.toLowerCase();
  if (lower === 'app' || lower === 'users/app') return { kind: 'app' };
  if (lower.startsWith('group:')) {
    const address = text.slice('group:'.length).trim();
    return emailRef(address, address.toLowerCase(), 'groupEmail');
  }
  if (lower.startsWith('groups/')) {
    return ID_TOKEN.test(text.slice('groups/'.length))
      ? { kind: 'groupId', name: withPrefix(text, 'groups/') }
      : `"${text}" is not a group id: write groups/ followed by the id (e.g. groups/abc123), or group:EMAIL.`;
  }
  if (lower.startsWith('users/')) {
    if (isDigits(text, 'users/'.length)) return { kind: 'userId', name: withPrefix(text, 'users/') };
    // users/<email> is Google's email alias: the same person as the bare email.
    const id = text.slice('users/'.length);
    if (id.includes('@')) return emailRef(id, lower.slice('users/'.length), 'userEmail');
    return `"${text}" is not a user id: a user id is users/ followed by digits; or write the email address.`;
  }
  if (text.includes('@')) return emailRef(text, lower, 'userEmail');
  return `"${text}" is not a member Chat Roster understands: use ${MEMBER_FORMS}.`;
}

/** `alice@example.com`, `users/123`, `users/alice@example.com`, `group:team@example.com`, `groups/abc`, `app`. */
export function parseMemberCell(cell: string): Parsed<MemberRef> {
  const read = readMemberCell(cell);
  return typeof read === 'string' ? { ok: false, reason: read } : { ok: true, ref: read };
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

/**
 * Keys already built, per ref object: validation hands every row naming a space the same ref, and the
 * pipeline asks for the key of each of a million intents (refs are values, never changed once made).
 */
const spaceKeys = new WeakMap<SpaceRef, string>();

/** One key per distinct space as written: all forms of one id share a key; names are exact. */
export function spaceKey(ref: SpaceRef): string {
  let key = spaceKeys.get(ref);
  if (key === undefined) {
    key = ref.kind === 'name' ? `name:${ref.name}` : `displayName:${ref.displayName}`;
    spaceKeys.set(ref, key);
  }
  return key;
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
