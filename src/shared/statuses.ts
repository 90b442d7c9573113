/**
 * The one status table (DESIGN.md §1 "One vocabulary", §4): every status a Roster row can end with, one
 * line each, in the order the sidebar lists them. Every other list of statuses derives from this one —
 * the RowStatus type, the run's summary sentence, the rows that need attention, the Chat Roster Log's
 * count columns, the Status column's colours in the sheet, the sidebar's order and tones — so adding a
 * status is one line here. Imports nothing: the core, the Apps Script adapters and the sidebar all read it.
 */

/** A status's colour family, the same in the sheet and in the sidebar. */
export type Tone = 'done' | 'neutral' | 'waiting' | 'problem' | 'preview';

/** The Status cell's background in the Roster sheet, per tone (setupRosterSheet). */
export const TONE_COLOURS: Readonly<Record<Tone, string>> = {
  done: '#d9ead3',
  neutral: '#f3f3f3',
  waiting: '#fff2cc',
  problem: '#f4cccc',
  preview: '#cfe2f3',
};

interface StatusLine {
  readonly status: string;
  /** Its colour family; `preview` marks the statuses only a preview writes. */
  readonly tone: Tone;
  /** How the run's summary sentence counts it: "1 role changed", "3 roles changed". */
  readonly countWords: readonly [one: string, many: string];
  /** Its count column's header in the Chat Roster Log; absent when the log doesn't count it. */
  readonly log?: string;
  /** The administrator has to look at the row's Details. */
  readonly attention?: true;
}

/**
 * The table. Its order is the sidebar's; the log's count columns follow it; the summary sentence names
 * the preview statuses first, then the others in this order; problems come last, worst last.
 */
const TABLE = [
  { status: 'ADDED', tone: 'done', countWords: ['added', 'added'], log: 'Added' },
  { status: 'INVITED', tone: 'waiting', countWords: ['invited', 'invited'], log: 'Invited' },
  { status: 'ROLE_UPDATED', tone: 'done', countWords: ['role changed', 'roles changed'], log: 'Roles changed' },
  { status: 'REMOVED', tone: 'done', countWords: ['removed', 'removed'], log: 'Removed' },
  { status: 'UNCHANGED', tone: 'neutral', countWords: ['unchanged', 'unchanged'], log: 'Unchanged' },
  { status: 'WOULD_ADD', tone: 'preview', countWords: ['to add', 'to add'] },
  { status: 'WOULD_UPDATE_ROLE', tone: 'preview', countWords: ['role to change', 'roles to change'] },
  { status: 'WOULD_REMOVE', tone: 'preview', countWords: ['to remove', 'to remove'] },
  { status: 'PENDING', tone: 'waiting', countWords: ['pending', 'pending'] },
  { status: 'HELD', tone: 'waiting', countWords: ['held', 'held'], log: 'Held', attention: true },
  { status: 'INVALID', tone: 'problem', countWords: ['invalid', 'invalid'], log: 'Invalid', attention: true },
  { status: 'ERROR', tone: 'problem', countWords: ['error', 'errors'], log: 'Errors', attention: true },
] as const satisfies readonly StatusLine[];

/** A Roster row's status: one word of the table. */
export type RowStatus = (typeof TABLE)[number]['status'];

/** Rows per status, e.g. { ADDED: 12, INVITED: 3 }; statuses with no row are absent. */
export type StatusCounts = Partial<Record<RowStatus, number>>;

/** One status with everything the table says about it, spelled out. */
export interface StatusInfo {
  readonly status: RowStatus;
  /** Its place in the table (0 = first), the order the sidebar lists it in. */
  readonly order: number;
  readonly tone: Tone;
  /** The Status cell's background in the Roster sheet. */
  readonly colour: string;
  readonly countWords: readonly [one: string, many: string];
  /** Only a preview writes it (WOULD_*). */
  readonly preview: boolean;
  /** The administrator has to look at the row's Details. */
  readonly attention: boolean;
  /** Its count column's header in the Chat Roster Log, or null when the log doesn't count it. */
  readonly logHeader: string | null;
}

/** Every status, in the table's order. */
export const STATUSES: readonly StatusInfo[] = TABLE.map((line: StatusLine & { status: RowStatus }, order) => ({
  status: line.status,
  order,
  tone: line.tone,
  colour: TONE_COLOURS[line.tone],
  countWords: line.countWords,
  preview: line.tone === 'preview',
  attention: line.attention === true,
  logHeader: line.log ?? null,
}));

/** The status words alone, in the table's order. */
export const ROW_STATUSES: readonly RowStatus[] = STATUSES.map((info) => info.status);

/** Each status's line, by its word. */
export const STATUS: Readonly<Record<RowStatus, StatusInfo>> = Object.fromEntries(
  STATUSES.map((info) => [info.status, info]),
) as Record<RowStatus, StatusInfo>;

export function isRowStatus(value: string): value is RowStatus {
  return Object.prototype.hasOwnProperty.call(STATUS, value);
}

/** Statuses whose rows the administrator has to look at (table order). */
export const ATTENTION_STATUSES: readonly RowStatus[] = STATUSES.filter((info) => info.attention).map((info) => info.status);

/** Statuses only a preview writes (table order). */
export const PREVIEW_STATUSES: readonly RowStatus[] = STATUSES.filter((info) => info.preview).map((info) => info.status);

/** The Chat Roster Log's count columns: the logged statuses in table order, with their headers. */
export const LOGGED_STATUSES: readonly { readonly status: RowStatus; readonly header: string }[] = STATUSES.flatMap(
  (info) => (info.logHeader === null ? [] : [{ status: info.status, header: info.logHeader }]),
);

/**
 * Statuses only a Spaces row gets (DESIGN.md §4): one status for the whole space, counts in its Details.
 * Kept out of TABLE, so RowStatus never includes them and no Roster row can end with one.
 */
const SPACE_ONLY = [
  { status: 'APPLIED', tone: 'done' },
  { status: 'WOULD_APPLY', tone: 'preview' },
] as const satisfies readonly { status: string; tone: Tone }[];

/** A status only a Spaces row gets. */
export type SpaceOnlyStatus = (typeof SPACE_ONLY)[number]['status'];

/** The statuses a Spaces row can end with, in the order the sheet colours them. */
const SPACE_ROW_ORDER = ['APPLIED', 'UNCHANGED', 'WOULD_APPLY', 'PENDING', 'HELD', 'INVALID', 'ERROR'] as const;
export type SpaceRowStatus = (typeof SPACE_ROW_ORDER)[number];

/** How the run's sentence counts Spaces rows: "1 space to apply", "2 spaces held". */
const SPACE_COUNT_WORDS: Readonly<Record<SpaceRowStatus, string>> = {
  APPLIED: 'applied', UNCHANGED: 'unchanged', WOULD_APPLY: 'to apply', PENDING: 'pending', HELD: 'held', INVALID: 'invalid', ERROR: 'with an error',
};

/** "Spaces sheet: 1 space to apply, 2 held (see its Details)." for the rows that say something new; '' when none do. */
export function spacesSentence(statuses: readonly SpaceRowStatus[], sheet = 'Spaces', nouns: readonly [string, string] = ['space', 'spaces']): string {
  const counts = new Map<SpaceRowStatus, number>();
  for (const status of statuses) if (status !== 'UNCHANGED') counts.set(status, (counts.get(status) ?? 0) + 1);
  const parts = SPACE_ROW_ORDER.filter((status) => counts.has(status)).map((status, index) => {
    const count = counts.get(status) ?? 0;
    return `${count}${index === 0 ? ` ${count === 1 ? nouns[0] : nouns[1]}` : ''} ${SPACE_COUNT_WORDS[status]}`;
  });
  return parts.length === 0 ? '' : `${sheet} sheet: ${parts.join(', ')} (see its Details).`;
}

/** Any word a Status cell of a Chat Roster sheet (Roster or Spaces) is written with. */
export type SheetStatus = RowStatus | SpaceOnlyStatus;

/** Every Spaces-row status with its colour (setupRosterSheet colours the Spaces sheet's Status column with it). */
export const SPACE_STATUSES: readonly { readonly status: SpaceRowStatus; readonly tone: Tone; readonly colour: string }[] =
  SPACE_ROW_ORDER.map((status) => {
    const only = SPACE_ONLY.find((line) => line.status === status);
    const tone = only?.tone ?? (isRowStatus(status) ? STATUS[status].tone : 'neutral');
    return { status, tone, colour: TONE_COLOURS[tone] };
  });

/** "3 added", "1 role changed": a count with its status's words. */
export function countPhrase(status: RowStatus, count: number, formatCount: (n: number) => string = String): string {
  const [one, many] = STATUS[status].countWords;
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
