/**
 * An optional sheet of settings around one execution (DESIGN.md §3: `Spaces`, `Rules`): its one read, its
 * rows checked into settings, and its Status / Details / Updated written back in blocks that cover the rows
 * that changed. No sheet (or no key column) means no settings, and nothing is read again or written.
 */
import { rendered } from '../details';
import type { Rule, SpaceRowOutcome, SpaceSetting } from '../model';
import type { Clock, RosterStore } from '../ports';
import { validateRules } from '../rules/validateRules';
import { validateSpaces } from '../rows/validateSpaces';
import { cellText } from '../sheet/cells';
import { parseRules } from '../sheet/readRules';
import { parseSpaces } from '../sheet/readSpaces';
import { writebackBlocks, type OutputColumns } from '../sheet/writeBack';

/** What a settings sheet's parse gives: its rows and where its output columns are. */
interface Parsed<Row> { rows: Row[]; columns: OutputColumns }
/** What its validation gives: the valid settings, and the rows that end there (INVALID). */
interface Validated<Setting> { valid: Setting[]; invalid: SpaceRowOutcome[] }

export class SettingsSheet<Setting extends { sheetRow: number }> {
  private constructor(
    private readonly store: RosterStore, private readonly grid: unknown[][], private readonly columns: OutputColumns,
    /** Every valid row's setting, in sheet order. */
    readonly settings: readonly Setting[],
    /** The rows that end at validation (INVALID). */
    readonly invalid: readonly SpaceRowOutcome[],
  ) {}

  /** The sheet as read, or null when there is none to speak of. A failing read is no sheet: the run goes on without it. */
  static read<Row, Setting extends { sheetRow: number }>(
    store: RosterStore | undefined, parse: (grid: unknown[][]) => Parsed<Row> | null, validate: (rows: Row[]) => Validated<Setting>,
  ): SettingsSheet<Setting> | null {
    let grid: unknown[][] | null = null;
    try {
      grid = store?.read() ?? null;
    } catch {
      return null;
    }
    const parsed = grid ? parse(grid) : null;
    if (!store || !grid || !parsed) return null;
    const { valid, invalid } = validate(parsed.rows);
    return new SettingsSheet(store, grid, parsed.columns, valid, invalid);
  }

  /** The settings whose row's Status says PENDING (work an earlier execution of the run left to do). */
  pendingSettings(): Setting[] {
    const column = this.columns.status;
    if (column === null) return [];
    return this.settings.filter((setting) => cellText(this.grid[setting.sheetRow - 1]?.[column]).trim() === 'PENDING');
  }

  /** Writes each row's outcome (rows without one keep their cells); returns whether anything was written. */
  write(outcomes: readonly SpaceRowOutcome[], clock: Clock): boolean {
    const blocks = writebackBlocks({
      grid: this.grid, columns: this.columns, outcomes: outcomes.map(rendered),
      stamp: clock.stamp(clock.now()), formatDate: (ms) => clock.stamp(ms),
    });
    if (blocks.length === 0) return false;
    this.store.write(blocks);
    return true;
  }
}

/** The Spaces sheet: how each space is kept (add-only or mirror). */
export function readSpacesSheet(store: RosterStore | undefined): SettingsSheet<SpaceSetting> | null {
  return SettingsSheet.read(store, parseSpaces, (rows) => {
    const { settings, invalid } = validateSpaces(rows);
    return { valid: settings, invalid };
  });
}

/** The Rules sheet: whom each rule enrols where. */
export function readRulesSheet(store: RosterStore | undefined): SettingsSheet<Rule> | null {
  return SettingsSheet.read(store, parseRules, (rows) => {
    const { rules, invalid } = validateRules(rows);
    return { valid: rules, invalid };
  });
}
