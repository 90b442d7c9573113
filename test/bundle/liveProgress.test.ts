/**
 * Live progress (issue 13): while an Apply execution is in the middle of its changes, the sidebar's
 * getProgress (another execution, as it would poll every few seconds) sees the rows done so far, per
 * status and per space, and a time left measured from the pace Google allows — not "Starting…" for six
 * minutes. The emulator's fetch is hooked to poll synchronously during the run's membership writes.
 */
import type { HttpRequest, HttpResponse } from '../../emulator/google';
import type { LiveProgress, RunReport } from '../../src/shared/report';
import { ADMIN, execute, makeWorkload, newWorld } from './workload';

describe('getProgress during an Apply', () => {
  const workload = makeWorkload({ spaces: 4, usersPerSpace: 600, presentShare: 0.1, managerEvery: 0 });
  const { google, world } = newWorld(workload, { latencyMs: 300 });
  const polls: LiveProgress[] = [];
  let first: RunReport;

  beforeAll(() => {
    const fetch = google.fetch.bind(google);
    let writes = 0;
    google.fetch = (req: HttpRequest): HttpResponse => {
      const response = fetch(req);
      if (req.method === 'POST' && /\/members/.test(req.url) && ++writes % 200 === 0) {
        const polled = execute<LiveProgress | null>(world, 'getProgress', [], { user: ADMIN });
        if (polled.value) polls.push(polled.value);
      }
      return response;
    };
    first = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN }).value!;
    google.fetch = fetch;
  });

  it('shows the rows done growing while the execution runs, not only when it returns', () => {
    expect(first.pending).toBeGreaterThan(0);
    expect(polls.length).toBeGreaterThanOrEqual(5);
    const done = polls.map((poll) => poll.report.done);
    expect(done.every((value, index) => index === 0 || value >= done[index - 1])).toBe(true);
    expect(done[done.length - 1]).toBeGreaterThan(done[0]);
    expect(polls.every((poll) => poll.phase === 'applying' && poll.execution === 1)).toBe(true);
    expect(polls[polls.length - 1].report.counts.ADDED).toBeGreaterThan(0);
    expect(polls[polls.length - 1].report.bySpace).toHaveLength(4);
  });

  it('measures the pace and the time left from it (about 300 rows a minute at Google\'s write budget)', () => {
    const last = polls[polls.length - 1];
    expect(last.rowsPerMinute).toBeGreaterThan(250);
    expect(last.rowsPerMinute).toBeLessThan(330);
    expect(last.secondsLeft).toBeCloseTo((last.report.pending / last.rowsPerMinute) * 60, -1);
  });

  it('says when the execution is done, with what is left', () => {
    const after = execute<LiveProgress | null>(world, 'getProgress', [], { user: ADMIN }).value!;
    expect(after).toMatchObject({ phase: 'done', report: { pending: first.pending, done: first.done } });
  });
});
