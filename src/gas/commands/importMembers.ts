/**
 * importMemberships (DESIGN.md §2; the sidebar's Import members…): the current members of the spaces named
 * (or every named space) appended to the Roster as UNCHANGED rows. This file only builds the adapters and
 * holds the document lock; src/core/import decides the rows.
 */
import { runImport } from '../../core/import/runImport';
import { LOCK_WAIT_MS, RUN_IN_PROGRESS } from '../../core/run/exclusiveRun';
import { ROSTER_SHEET } from '../../core/sheet/readRoster';
import type { ImportReport } from '../../shared/importReport';
import { AppsScriptChatGateway } from '../chatGateway';
import { ConsentError, requireGrants } from '../consent';
import { AdminDirectoryLookup } from '../directory';
import { appsScriptImportSources } from '../importSources';
import { documentMutex, NoDocumentError, spreadsheetClock } from '../platform';
import { adminAccessEnabled } from '../settings';
import { SheetRosterStore } from '../sheetStore';

const sentenceOnly = (message: string): ImportReport => ({ added: 0, alreadyOnRoster: 0, spaces: [], problems: [], message });

/** Space cells as typed (ID, spaces/ID, URL, exact name); none, or not a list, = every named space. */
function cellsOf(spaces: unknown): string[] {
  const list = Array.isArray(spaces) ? spaces : typeof spaces === 'string' ? [spaces] : [];
  return list.filter((cell): cell is string => typeof cell === 'string');
}

export function importMemberships(spaces?: unknown): ImportReport {
  try {
    const adminAccess = adminAccessEnabled();
    requireGrants('import', ...(adminAccess ? (['adminAccess'] as const) : []));
    const mutex = documentMutex();
    if (!mutex.tryAcquire(LOCK_WAIT_MS)) return sentenceOnly(RUN_IN_PROGRESS);
    try {
      const timeZone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
      return runImport({
        chat: new AppsScriptChatGateway(),
        sources: appsScriptImportSources,
        directory: new AdminDirectoryLookup(),
        store: new SheetRosterStore(ROSTER_SHEET),
        clock: spreadsheetClock(),
        useAdminAccess: adminAccess,
        date: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'),
      }, cellsOf(spaces));
    } finally {
      mutex.release();
    }
  } catch (error) {
    if (error instanceof NoDocumentError || error instanceof ConsentError) return sentenceOnly(error.message);
    throw error;
  }
}
