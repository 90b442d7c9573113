/**
 * checkSetup (DESIGN.md §2; menu Check setup and the sidebar's link): the Google side checked before
 * anything runs. This file only gathers the facts through the adapters; src/core/check/setupChecks.ts decides
 * the lines and their fixes.
 */
import { parseSpaceCell } from '../../core/rows/refs';
import { parseRoster, ROSTER_SHEET } from '../../core/sheet/readRoster';
import { readRosterSpaces, setupReport, type SetupFacts, type SpaceCell } from '../../core/check/setupChecks';
import type { SetupReport } from '../../shared/setup';
import { AppsScriptChatGateway } from '../chatGateway';
import { readOneSpace } from '../chatRest';
import { consentSentence, missingGrants } from '../consent';
import { probeDirectoryAccess } from '../directory';
import { adminAccessEnabled } from '../settings';

/** The distinct Space cells of the Roster sheet, or why they can't be listed. */
function rosterSpaces(): { refs: SpaceCell[]; problem: string } {
  const sheet = SpreadsheetApp.getActive().getSheetByName(ROSTER_SHEET);
  if (!sheet) return { refs: [], problem: `There is no ${ROSTER_SHEET} sheet yet: use Set up roster sheet.` };
  const parsed = parseRoster(sheet.getDataRange().getValues());
  if (!parsed.ok) return { refs: [], problem: parsed.message };
  const cells = new Set(parsed.rows.map((row) => row.space.trim()).filter((cell) => cell !== ''));
  const refs: SpaceCell[] = [];
  for (const cell of cells) {
    const parsedCell = parseSpaceCell(cell);
    if (parsedCell.ok) refs.push({ cell, ref: parsedCell.ref });
  }
  return { refs, problem: '' };
}

export function checkSetup(): SetupReport {
  const required = missingGrants('sidebar', 'run');
  const nightly = missingGrants('triggers').filter((gap) => !required.includes(gap));
  const directory = missingGrants('directory');
  const adminScopes = missingGrants('adminAccess');
  const adminAccess = adminAccessEnabled();
  const canCallChat = required.length === 0;
  const chat = new AppsScriptChatGateway();
  const roster = rosterSpaces();
  const chatApi = canCallChat ? readOneSpace() : null;
  // When Chat refuses the project, each space read would fail the same way: one line says it.
  const chatAnswers = chatApi?.ok === true;
  const facts: SetupFacts = {
    missing: { required, nightly, directory, adminAccess: adminScopes },
    consentFix: consentSentence,
    adminAccess,
    chatApi,
    directory: directory.length > 0
      ? { mode: 'none', detail: 'Directory access is not granted: Chat Roster looks people up one by one, and group emails need groups/{id}.' }
      : probeDirectoryAccess(),
    adminPrivilege: adminAccess && chatAnswers && adminScopes.length === 0 ? chat.verifyAdminAccess() : null,
    spaces: chatAnswers && !roster.problem ? readRosterSpaces(chat, roster.refs, adminAccess && adminScopes.length === 0) : null,
    rosterProblem: roster.problem,
  };
  return setupReport(facts);
}
