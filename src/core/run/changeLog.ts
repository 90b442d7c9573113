/**
 * What one execution has to say to the Chat Roster Log: the change rows of the membership writes Google
 * answered with success, held until the next flush of the sheet (progress or final), and the run row when
 * the run ends, appended in one batch with them (logAppender.ts).
 *
 * Nothing is logged twice, and nothing is guessed: a change row is made from the success reply itself, and
 * only the execution that received the reply logs it (each write is made once: DESIGN.md §6). A write whose
 * reply was lost (a transport failure, or an execution killed before its flush) is not logged by the next
 * execution: its snapshot shows the member as asked (the row reads UNCHANGED), and it cannot tell Chat
 * Roster's lost write from anyone else's change.
 */
import type { MembershipChange } from '../apply/changes';
import type { RosterRow } from '../model';
import type { RunLog } from '../ports';
import { LogAppender } from './logAppender';
import { changeRow, memberText } from './logLayout';
import type { StandIn } from './settingSheets';

export interface ChangeLogContext {
  log: RunLog;
  /** The log's maximum entries (LOG_MAX_ROWS unless a test says otherwise). */
  maxRows?: number;
  /** The clock's stamp, in the spreadsheet's time zone. */
  stamp: (ms: number) => string;
  now: () => number;
  /** The account making the calls. */
  account: string;
  run: string;
  /** The rows this execution takes up, by sheet row. */
  rows: ReadonlyMap<number, RosterRow>;
  /** The space each row's Space cell turned out to be (display name, else resource name), by sheet row. */
  spaces: ReadonlyMap<number, string>;
  /** Mirror removals and rule grants, by their stand-in (negative) row: the member, the space, and the source. */
  standIns?: ReadonlyMap<number, StandIn>;
}

/** A change held until the next flush, when its roster row's place is known (rows move during a run). */
interface HeldChange { change: MembershipChange; at: number }

export class ChangeLog {
  private held: HeldChange[] = [];
  private readonly appender: LogAppender;

  constructor(private readonly context: ChangeLogContext) {
    this.appender = new LogAppender(context.log, context.maxRows);
  }

  /** A successful write, as its reply comes: stamped now, logged at the next flush. */
  readonly changed = (change: MembershipChange): void => {
    this.held.push({ change, at: this.context.now() });
  };

  /**
   * Appends the change rows held, then `more` (the run row), in one write (true: rows were written); held rows
   * stay held if it fails.
   * `placeOf`: where each planned roster row is now (sheetWriter.ts), so a change names the row as the sheet
   * shows it after an insert, a delete or a sort; a row no longer there keeps its planned number.
   */
  flush(more: readonly string[][] = [], placeOf: (sheetRow: number) => number | undefined = () => undefined): boolean {
    const rows = [...this.held.map((held) => this.rowOf(held, placeOf)), ...more];
    if (rows.length === 0) return false;
    this.appender.append(rows);
    this.held = [];
    return true;
  }

  private rowOf({ change, at }: HeldChange, placeOf: (sheetRow: number) => number | undefined): string[] {
    const { context } = this;
    const row = context.rows.get(change.sheetRow);
    const standIn = context.standIns?.get(change.sheetRow);
    return changeRow({
      change,
      at,
      account: context.account,
      spaceLabel: standIn?.space ?? context.spaces.get(change.sheetRow) ?? '',
      member: standIn?.member ?? (row ? memberText(row.member) : ''),
      source: standIn?.source ?? { kind: 'roster', row: placeOf(change.sheetRow) ?? change.sheetRow },
      run: context.run,
    }, context.stamp);
  }
}
