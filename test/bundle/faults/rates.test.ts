/**
 * Transient faults (DESIGN.md §1 pacing, §6): a whole minute of 429s on every call, bursts of 500 and 503,
 * and latency spikes past the run's deadline or the execution's time limit. All are ridden out: every row
 * final and right, none lost, none written twice; rows cut by a spike stay PENDING and the next execution
 * settles them.
 */
import type { RunReport } from '../../../src/shared/report';
import { ADMIN, duplicateWrites, execute, membershipMismatches, newWorld, sheetRows } from '../workload';
import { notTheirOwn, settle, smallWorkload, tally } from './faultRun';

const injected = (calls: readonly { status: number }[], codes: readonly number[]) => calls.filter((call) => codes.includes(call.status)).length;

function converges(kind: string, faults: number, env: ReturnType<typeof newWorld>, settled: ReturnType<typeof settle>, workload: ReturnType<typeof smallWorkload>) {
  const wrong = notTheirOwn(env.world, workload.rows);
  tally(kind, faults, settled, wrong.length);
  expect(settled.crashes).toBe(0);
  expect(settled.last!.pending).toBe(0);
  expect(settled.lost).toBe(0);
  expect(wrong).toEqual([]);
  expect(membershipMismatches(env.google, workload.rows)).toEqual([]);
  expect(duplicateWrites(env.google.calls)).toEqual([]);
}

describe('a whole minute of 429s on every call', () => {
  const workload = smallWorkload();
  const env = newWorld(workload, { latencyMs: 50 });
  env.google.injectFault({ methodId: '*', code: 429, untilMs: env.google.clock.now() + 60_000 });
  const settled = settle(env.world, workload);

  it('is ridden out: the run converges', () => {
    converges('a minute of 429s', injected(env.google.calls, [429]), env, settled, workload);
  });
});

describe('a whole minute of 429s on every membership call', () => {
  const workload = smallWorkload();
  const env = newWorld(workload, { latencyMs: 50 });
  for (const method of ['create', 'patch', 'delete', 'list', 'get']) {
    env.google.injectFault({ methodId: `chat.spaces.members.${method}`, code: 429, untilMs: env.google.clock.now() + 60_000 });
  }
  const settled = settle(env.world, workload);

  it('is ridden out by the pacer\'s backoff: the run converges', () => {
    converges('a minute of 429s on membership calls', injected(env.google.calls, [429]), env, settled, workload);
  });
});

describe('bursts of 500 and 503', () => {
  const workload = smallWorkload();
  const env = newWorld(workload, { latencyMs: 50 });
  env.google.setRandomSeed(14);
  const start = env.google.clock.now();
  // Two 20-second bursts in which half the calls fail.
  for (const [from, code] of [[0, 500], [40_000, 503]] as const) {
    env.google.injectFault({ methodId: 'chat.spaces.members.create', code, probability: 0.5, untilMs: start + from + 20_000 });
    env.google.injectFault({ methodId: 'chat.spaces.members.list', code, probability: 0.5, untilMs: start + from + 20_000 });
  }
  const settled = settle(env.world, workload);

  it('is ridden out: the run converges', () => {
    converges('500/503 bursts', injected(env.google.calls, [500, 503]), env, settled, workload);
  });
});

describe('a latency spike past the run\'s deadline', () => {
  const workload = smallWorkload();
  const env = newWorld(workload, { latencyMs: 50 });
  // The first write batch answers 5 min 42 s later: past the run's deadline (5 min 45 s) once the rest is sent.
  env.world.transportFaults.add({ methods: ['POST'], delayMs: 5 * 60_000 + 42_000, times: 1 });
  const first = execute<RunReport>(env.world, 'provisionRoster', [], { user: ADMIN });
  const settled = settle(env.world, workload);

  it('leaves the rows it didn\'t reach PENDING, and the next execution settles them', () => {
    expect(first.error).toBeUndefined();
    expect(first.value!.pending).toBeGreaterThan(0);
    converges('latency spike past the deadline', 1, env, settled, workload);
  });
});

describe('a latency spike past the execution\'s time limit', () => {
  const workload = smallWorkload();
  const env = newWorld(workload, { latencyMs: 50 });
  env.world.transportFaults.add({ methods: ['POST'], delayMs: 7 * 60_000, times: 1 });
  const killed = execute<RunReport>(env.world, 'provisionRoster', [], { user: ADMIN });
  const afterKill = sheetRows(env.world);
  const settled = settle(env.world, workload);

  it('ends that execution; no row reads ERROR, and the next execution converges', () => {
    expect(killed.error).toBe('Exceeded maximum execution time');
    expect(afterKill.filter((row) => row.status === 'ERROR')).toEqual([]);
    converges('latency spike past the time limit', 1, env, settled, workload);
  });
});
