/**
 * Spaces rows → settings (DESIGN.md §3): each row's Space, Mode and Max removal % checked; a wrong cell,
 * or a space another row already lists (the same space written the same way), makes the row INVALID with
 * the fix. Pure.
 */
import type { CellProblem, SpaceMode, SpaceRowOutcome, SpaceSetting, SpacesRow } from '../model';
import { isProblem, readSpaceCell, spaceKey } from './refs';

/** Max removal % when the cell is empty. */
export const DEFAULT_MAX_REMOVAL_PERCENT = 20;

export interface ValidatedSpaces {
  settings: SpaceSetting[];
  invalid: SpaceRowOutcome[];
}

function readMode(text: string): SpaceMode | CellProblem {
  const mode = text.toLowerCase().replace(/[\s_]+/g, '-');
  if (mode === '' || mode === 'add-only' || mode === 'addonly') return 'add-only';
  if (mode === 'mirror') return 'mirror';
  return { problem: 'badMode', text };
}

/** "20", "20%", "12.5": a share from 0 to 100. */
function readPercent(text: string): number | CellProblem {
  if (text === '') return DEFAULT_MAX_REMOVAL_PERCENT;
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text);
  const value = match ? Number(match[1]) : NaN;
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : { problem: 'badMaxRemoval', text };
}

export function validateSpaces(rows: readonly SpacesRow[]): ValidatedSpaces {
  const settings: SpaceSetting[] = [];
  const invalid: SpaceRowOutcome[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const space = readSpaceCell(row.space);
    const mode = readMode(row.mode);
    const percent = readPercent(row.maxRemoval);
    const problems = [space, mode, percent].filter(isCellProblem);
    if (isProblem(space) || isCellProblem(mode) || isCellProblem(percent)) {
      invalid.push({ sheetRow: row.sheetRow, status: 'INVALID', reason: 'invalidCells', problems });
      continue;
    }
    const key = spaceKey(space);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      invalid.push({ sheetRow: row.sheetRow, status: 'INVALID', reason: 'spaceListedTwice', row: first });
      continue;
    }
    firstRowOf.set(key, row.sheetRow);
    settings.push({ sheetRow: row.sheetRow, space, mode, maxRemovalPercent: percent });
  }
  return { settings, invalid };
}

function isCellProblem(read: unknown): read is CellProblem {
  return typeof read === 'object' && read !== null && 'problem' in read;
}
