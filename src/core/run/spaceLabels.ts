/**
 * How a run's per-space counts name each space (RunReport.bySpace), the same in every execution: each space
 * is named by the label its rows resolved to (display name, else spaces/ID), found by its key (refs.ts
 * spaceKey: an id, its URL and spaces/ID are one key). The labels are kept in the document cache, so a
 * run's later execution names the rows it doesn't run as the first did, and the sidebar counts a space
 * written by name and by id once. Not per run: a finished run leaves no record (no id) for the sidebar to
 * look under. Google may drop them: a row then counts under its Space cell as written (a space may split
 * in two, no row is lost).
 */
import { cachedValues, keepValues } from '../cacheChunks';
import type { ShortTermCache } from '../ports';
import { isProblem, readSpaceCell, spaceKey } from '../rows/refs';

const CACHE_KEY = 'chatRoster.spaceLabels';

/** The labels kept, by space key (none when Google dropped them; values this code wrote, so strings). */
export function keptSpaceLabels(cache?: ShortTermCache): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse((cache && cachedValues(cache, [CACHE_KEY])[CACHE_KEY]) || '{}') as Record<string, string>));
  } catch {
    return new Map();
  }
}

/**
 * Every row's space label (sheetRow → label): this execution's resolution, else the kept label of its
 * space. What this execution resolved is kept (a renamed space takes its new name); labels too many for
 * one cached value aren't kept (keepValues).
 */
export function rowSpaceLabels(
  rows: readonly { sheetRow: number; space: string }[], resolved: ReadonlyMap<number, string>, cache?: ShortTermCache,
): Map<number, string> {
  const labels = keptSpaceLabels(cache);
  // Rows share a few Space cells: each distinct cell is parsed once.
  const keys = new Map<string, string>();
  const keyOf = (cell: string): string => {
    let key = keys.get(cell);
    if (key === undefined) {
      const ref = readSpaceCell(cell);
      keys.set(cell, (key = isProblem(ref) ? '' : spaceKey(ref)));
    }
    return key;
  };
  let learned = false;
  for (const row of rows) {
    const label = resolved.get(row.sheetRow);
    if (label !== undefined && labels.get(keyOf(row.space)) !== label) learned = !!labels.set(keyOf(row.space), label);
  }
  if (cache && learned) keepValues(cache, { [CACHE_KEY]: JSON.stringify(Object.fromEntries(labels)) });
  const bySheetRow = new Map<number, string>();
  for (const row of rows) {
    const label = resolved.get(row.sheetRow) ?? labels.get(keyOf(row.space));
    if (label !== undefined) bySheetRow.set(row.sheetRow, label);
  }
  return bySheetRow;
}
