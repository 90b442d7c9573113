/**
 * Virtual time shared by every face of the emulator. Nothing in the emulator reads the wall clock:
 * quotas, timestamps and latency all run on this clock, so tests and benchmarks are exact and fast.
 */
export class VirtualClock {
  private current: number;

  constructor(startTime: number) {
    this.current = startTime;
  }

  /** Epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** Moves time forward; never backwards, because quota windows assume time only grows. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`VirtualClock.advance: ms must be a finite number >= 0, got ${ms}`);
    this.current += ms;
  }
}
