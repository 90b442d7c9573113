import { RUN_IN_PROGRESS, runExclusively } from '../../../src/core/run/exclusiveRun';
import type { Mutex } from '../../../src/core/ports';
import { reportWithMessage } from '../../../src/core/run/summary';

function mutex(free: boolean): Mutex & { released: number; waited: number[] } {
  const lock = {
    released: 0,
    waited: [] as number[],
    tryAcquire: (waitMs: number) => {
      lock.waited.push(waitMs);
      return free;
    },
    release: () => {
      lock.released++;
    },
  };
  return lock;
}

describe('one run at a time', () => {
  it('runs holding the lock and lets it go, even when the run throws', () => {
    const lock = mutex(true);
    expect(runExclusively(lock, 'apply', () => reportWithMessage('apply', 'done')).message).toBe('done');
    expect(() => runExclusively(lock, 'apply', () => { throw new Error('boom'); })).toThrow('boom');
    expect(lock.released).toBe(2);
  });

  it('tells a second run plainly, after a short wait, and never runs it', () => {
    const lock = mutex(false);
    let ran = false;
    const report = runExclusively(lock, 'preview', () => {
      ran = true;
      return reportWithMessage('preview', 'x');
    });
    expect(report).toMatchObject({ mode: 'preview', rows: 0, message: RUN_IN_PROGRESS });
    expect(ran).toBe(false);
    expect(lock.released).toBe(0);
    expect(lock.waited[0]).toBeGreaterThan(0);
  });
});
