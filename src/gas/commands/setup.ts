/**
 * setupRosterSheet: creates or repairs the Roster and Spaces sheets and the log without touching the
 * administrator's other columns; the Rules sheet is repaired when it exists and created on demand
 * (`{ rules: true }`, the sidebar's "Add a Rules sheet"): every sheet a run finds costs it one more read.
 */
import { HEADERS, MEMBER_ALIASES, OUTPUT_HEADERS, ROSTER_HEADERS, ROSTER_SHEET } from '../../core/sheet/readRoster';
import { RULES_HEADERS, RULES_INPUT_HEADERS, RULES_OUTPUT_HEADERS, RULES_SHEET } from '../../core/sheet/readRules';
import { SPACES_HEADERS, SPACES_INPUT_HEADERS, SPACES_OUTPUT_HEADERS, SPACES_SHEET } from '../../core/sheet/readSpaces';
import { SPACE_STATUSES, STATUSES } from '../../shared/statuses';
import { requireGrants } from '../consent';
import { spreadsheetTimeZone } from '../platform';
import { logSheet } from '../runLogSheet';
import { layOutSheet } from '../sheetLayout';

const ROLE_CHOICES = ['Member', 'Manager', 'Owner'];
const ACTION_CHOICES = ['add', 'remove'];
const MODE_CHOICES = ['add-only', 'mirror'];
/**
 * Status fits its longest word (WOULD_UPDATE_ROLE); Details is wide, and a longer sentence is clipped at the
 * Updated cell beside it (the whole sentence shows in the cell's edit bar); Updated fits a stamp with its zone.
 */
const WIDTHS: ReadonlyMap<string, number> = new Map([['Status', 160], ['Details', 480], ['Updated', 240]]);

export function setupRosterSheet(options?: { rules?: boolean }): string {
  requireGrants('sheet');
  const spreadsheet = SpreadsheetApp.getActive();
  const rules = options?.rules === true || spreadsheet.getSheetByName(RULES_SHEET) !== null;
  // One colour rule per status of the table: green for done, amber for waiting, red for problems, blue for preview.
  layOutSheet(spreadsheet, {
    name: ROSTER_SHEET, headers: ROSTER_HEADERS, plainTextHeaders: OUTPUT_HEADERS, colours: STATUSES,
    dropdowns: new Map([['Role', ROLE_CHOICES], ['Action', ACTION_CHOICES]]),
    aliases: new Map([[HEADERS.member, MEMBER_ALIASES]]), widths: WIDTHS,
  });
  layOutSheet(spreadsheet, {
    // Max removal % is plain text too: Sheets would turn a typed "20%" into 0.2, which reads as 0.2 %.
    name: SPACES_SHEET, headers: SPACES_HEADERS, colours: SPACE_STATUSES, widths: WIDTHS,
    plainTextHeaders: [SPACES_INPUT_HEADERS.maxRemoval, ...SPACES_OUTPUT_HEADERS],
    dropdowns: new Map([[SPACES_INPUT_HEADERS.mode, MODE_CHOICES]]),
  });
  if (rules) layOutSheet(spreadsheet, {
    // Source is plain text too: a typed query stays as written (Sheets would read some as numbers or dates).
    name: RULES_SHEET, headers: RULES_HEADERS, colours: SPACE_STATUSES, widths: WIDTHS,
    plainTextHeaders: [RULES_INPUT_HEADERS.source, ...RULES_OUTPUT_HEADERS],
    dropdowns: new Map([[RULES_INPUT_HEADERS.role, ROLE_CHOICES]]),
  });
  logSheet();
  spreadsheetTimeZone();
  const message = `The Roster sheet is ready: one row per member and space; Role and Action are optional. List spaces in the Spaces sheet to choose how each is kept (add-only or mirror)${
    rules ? ', and enrol whole units, groups or searches in the Rules sheet.' : '. To enrol whole units, groups or searches, add a Rules sheet from the sidebar.'}`;
  spreadsheet.toast(message, 'Chat Roster');
  return message;
}
