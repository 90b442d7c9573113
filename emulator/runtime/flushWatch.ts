/**
 * Which SpreadsheetApp.flush calls of an execution were progress flushes, and what they cost: every flush but the
 * execution's last (the final write's), and any flush followed by more API calls, is a progress flush, costing its
 * setValues/setValue calls + the flush + the read that checked the rows before the write (core/run/sheetWriter.ts:
 * at most one getValues since the previous flush counts). A progress write made after the last API call (the
 * round that ends the work, sheetWriter.ts progressDue) is a progress flush too: the final write's own calls stay
 * in the base. The benchmark's Sheets figures and the tests that check DESIGN.md §5 ("at most 6 Sheets calls per
 * execution plus the flushes") measure the same way.
 */
import type { ExecutionCounters } from '../gas/execution';
import type { Execution } from '../gas/world';
import { newSheetsIo, type SheetsIo } from '../gas/sheetsCost';

export interface FlushCost {
  progressFlushes: number;
  progressFlushCalls: number;
  /** the execution's Sheets calls by method */
  sheetsByMethod: Record<string, number>;
  /** the execution's Sheets time and cells read, written and changed (sheetsCost.ts) */
  sheetsIo: SheetsIo;
}

export interface FlushWatch {
  /** pass as ExecutionOptions.beforeLoad */
  beforeLoad(execution: Execution): void;
  /** once the execution has ended */
  cost(): FlushCost;
}

export function watchFlushes(): FlushWatch {
  const marks: { setValues: number; getValues: number; apiCalls: number }[] = [];
  let counters: ExecutionCounters | undefined;
  let io: SheetsIo = newSheetsIo();
  const apiCalls = () => (counters ? counters.urlFetchCalls + counters.advancedCalls : 0);
  return {
    beforeLoad(execution) {
      const seen = execution.counters;
      counters = seen;
      io = execution.sheetsIo;
      const app = execution.globals.SpreadsheetApp as { flush(): void };
      const flush = app.flush.bind(app);
      app.flush = () => {
        flush();
        // Range.setValues, and setValue (RangeList.setValue: one value into scattered cells) are the writes.
        marks.push({ setValues: (seen.sheets.setValues ?? 0) + (seen.sheets.setValue ?? 0), getValues: seen.sheets.getValues ?? 0, apiCalls: apiCalls() });
      };
    },
    cost() {
      let progressFlushes = 0;
      let progressFlushCalls = 0;
      let setValuesBefore = 0;
      let getValuesBefore = 0;
      marks.forEach((mark, index) => {
        if (index < marks.length - 1 || mark.apiCalls < apiCalls()) {
          progressFlushes++;
          // The first flush's reads include the execution's opening reads: only its check is the flush's.
          progressFlushCalls += mark.setValues - setValuesBefore + Math.min(1, mark.getValues - getValuesBefore) + 1;
        }
        setValuesBefore = mark.setValues;
        getValuesBefore = mark.getValues;
      });
      return { progressFlushes, progressFlushCalls, sheetsByMethod: { ...counters?.sheets }, sheetsIo: structuredClone(io) };
    },
  };
}
