/**
 * Member and Space cells, normalised (DESIGN.md §3). Each reader returns the reference or the cell's
 * problem (a code: details.ts says how to fix it); nothing here calls Google.
 *
 * Space cells and the id/name ambiguity: a cell that is a single token of letters, digits, `_` and `-`
 * (e.g. `AAAAxyz123`) is read as a space id. Resolution (spaces.ts) then tries it as an id first and,
 * only if Google knows no space with that id, as an exact display name — so a one-word name such as
 * `Engineering` still works. A one-word display name that happens to equal another space's id is taken
 * as that id: to be explicit, use the space's URL or `spaces/ID` form.
 */
import { cellProblemText } from '../details';
import type { CellProblem, MemberRef, SpaceRef } from '../model';

/** A parsed cell, for callers that show the problem: `reason` is its sentence (details.ts). */
export type Parsed<T> = { ok: true; ref: T } | { ok: false; reason: string };

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
  // indexOf, not lastIndexOf (a slow call in V8): with two @, either split leaves one in a part that allows none.
  const at = lowerCased.indexOf('@');
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

function emailRef(text: string, lower: string, kind: 'userEmail' | 'groupEmail'): MemberRef | CellProblem {
  return isEmail(lower) ? { kind, email: lower } : { problem: 'notEmail', text };
}

/** A cell reader's answer is a problem, not a ref. */
export function isProblem<T extends object>(read: T | CellProblem): read is CellProblem {
  return 'problem' in read;
}

/**
 * The member a cell names, or the problem why it names none: parseMemberCell without a result object, for
 * validation's loop over every row. Names that the cell already spells as Google does reuse the cell's
 * own string rather than a joined copy (V8 joins lazily, and a joined string is slower as a Map key).
 */
export function readMemberCell(cell: string): MemberRef | CellProblem {
  const text = cell.trim();
  if (text === '') return { problem: 'memberEmpty' };
  const lower = text.toLowerCase();
  if (lower === 'app' || lower === 'users/app') return { kind: 'app' };
  if (lower.startsWith('group:')) {
    const address = text.slice('group:'.length).trim();
    return emailRef(address, address.toLowerCase(), 'groupEmail');
  }
  if (lower.startsWith('groups/')) {
    return ID_TOKEN.test(text.slice('groups/'.length))
      ? { kind: 'groupId', name: withPrefix(text, 'groups/') }
      : { problem: 'notGroupId', text };
  }
  if (lower.startsWith('users/')) {
    if (isDigits(text, 'users/'.length)) return { kind: 'userId', name: withPrefix(text, 'users/') };
    // users/<email> is Google's email alias: the same person as the bare email.
    const id = text.slice('users/'.length);
    if (id.includes('@')) return emailRef(id, lower.slice('users/'.length), 'userEmail');
    return { problem: 'notUserId', text };
  }
  if (text.includes('@')) return emailRef(text, lower, 'userEmail');
  return { problem: 'notMember', text };
}

function parsed<T extends object>(read: T | CellProblem): Parsed<T> {
  return isProblem(read) ? { ok: false, reason: cellProblemText(read) } : { ok: true, ref: read };
}

/** `alice@example.com`, `users/123`, `users/alice@example.com`, `group:team@example.com`, `groups/abc`, `app`. */
export function parseMemberCell(cell: string): Parsed<MemberRef> {
  return parsed(readMemberCell(cell));
}

/** `https://mail.google.com/chat/u/0/#chat/space/ID` and `https://mail.google.com/mail/u/0/#chat/space/ID`. */
const GMAIL_CHAT_URL =
  /^https?:\/\/mail\.google\.com\/(?:chat|mail)(?:\/u\/\d+)?\/?(?:\?[^#]*)?#chat\/space\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/i;
/** `https://chat.google.com/room/ID` and `https://chat.google.com/u/N/app/chat/ID` (each with or without `/u/N`). */
const CHAT_ROOM_URL = /^https?:\/\/chat\.google\.com\/(?:u\/\d+\/)?(?:room|app\/chat)\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/i;

/** The space a cell names — `spaces/ID`, `ID`, a Chat URL, or an exact display name (trimmed) — or its problem. */
export function readSpaceCell(cell: string): SpaceRef | CellProblem {
  const text = cell.trim();
  if (text === '') return { problem: 'spaceEmpty' };
  if (/^https?:\/\//i.test(text)) {
    const match = GMAIL_CHAT_URL.exec(text) ?? CHAT_ROOM_URL.exec(text);
    return match ? { kind: 'name', name: `spaces/${match[1]}` } : { problem: 'notSpaceLink', text };
  }
  if (text.toLowerCase().startsWith('spaces/')) {
    const id = text.slice('spaces/'.length);
    return ID_TOKEN.test(id) ? { kind: 'name', name: `spaces/${id}` } : { problem: 'notSpaceId', text };
  }
  if (ID_TOKEN.test(text)) return { kind: 'name', name: `spaces/${text}` };
  return { kind: 'displayName', displayName: text };
}

/** `spaces/ID`, `ID`, a Chat URL, or an exact display name (trimmed). */
export function parseSpaceCell(cell: string): Parsed<SpaceRef> {
  return parsed(readSpaceCell(cell));
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
