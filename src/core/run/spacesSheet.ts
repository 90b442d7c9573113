/**
 * The Spaces sheet around one execution (DESIGN.md §3): its one read, its rows checked into settings, and
 * its Status / Details / Updated written back in blocks that cover the rows that changed. Optional: no
 * sheet (or no Space column) means no settings, and nothing is read again or written.
 */
import { rendered } from '../details';
import type { SpaceRowOutcome, SpaceSetting } from '../model';
import type { Clock, RosterStore } from '../ports';
import { validateSpaces } from '../rows/validateSpaces';
import { parseSpaces, type ParsedSpaces } from '../sheet/readSpaces';
import { cellText } from '../sheet/cells';
import { writebackBlocks } from '../sheet/writeBack';

export class SpacesSheet {
  private constructor(
    private readonly store: RosterStore, private readonly grid: unknown[][], private readonly parsed: ParsedSpaces,
    /** Every valid row's setting, in sheet order. */
    readonly settings: readonly SpaceSetting[],
    /** The rows that end at validation (INVALID). */
    readonly invalid: readonly SpaceRowOutcome[],
  ) {}

  /** The sheet as read, or null when there is none to speak of. A failing read is no sheet: the run goes on add-only. */
  static read(store: RosterStore | undefined): SpacesSheet | null {
    let grid: unknown[][] | null = null;
    try {
      grid = store?.read() ?? null;
    } catch {
      return null;
    }
    const parsed = grid ? parseSpaces(grid) : null;
    if (!store || !grid || !parsed) return null;
    const { settings, invalid } = validateSpaces(parsed.rows);
    return new SpacesSheet(store, grid, parsed, settings, invalid);
  }

  /** The settings whose row's Status says PENDING (mirror removals an earlier execution of the run left to do). */
  pendingSettings(): SpaceSetting[] {
    const column = this.parsed.columns.status;
    if (column === null) return [];
    return this.settings.filter((setting) => cellText(this.grid[setting.sheetRow - 1]?.[column]).trim() === 'PENDING');
  }

  /** Writes each row's outcome (rows without one keep their cells); returns whether anything was written. */
  write(outcomes: readonly SpaceRowOutcome[], clock: Clock): boolean {
    const blocks = writebackBlocks({
      grid: this.grid, columns: this.parsed.columns, outcomes: outcomes.map(rendered),
      stamp: clock.stamp(clock.now()), formatDate: (ms) => clock.stamp(ms),
    });
    if (blocks.length === 0) return false;
    this.store.write(blocks);
    return true;
  }
}

/** The rows that end at validation; the valid ones are settled by the pipeline (pipeline.ts PlanInput.spaceSettings). */
export function settingOutcomes(sheet: SpacesSheet): SpaceRowOutcome[] {
  return [...sheet.invalid];
}
