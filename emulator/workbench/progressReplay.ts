/**
 * Live progress in the workbench's real time. An execution runs at once on the virtual clock and its answer
 * is held back virtualMs / speed real milliseconds (server.ts); meanwhile the sidebar polls getProgress,
 * which would read the execution's last progress at once. So the workbench records each progress the
 * execution published, with its virtual time, and while the answer is held back a poll sees the one
 * published by the virtual time that has "passed" — what a sidebar sees in Apps Script, at watchable speed.
 */
import type { FakeCache } from '../gas/cache';

/** The product's key for its progress (src/gas/progressBoard.ts). */
const PROGRESS_KEY = 'chatRoster.progress';

export class ProgressReplay {
  private timeline: { at: number; value: string }[] = [];
  private recording = false;
  private playing: { realStart: number; realEnd: number; virtualStart: number; speed: number } | null = null;

  constructor(cache: FakeCache, private readonly clock: () => number) {
    cache.onPut((key, value) => {
      if (this.recording && key === PROGRESS_KEY) this.timeline.push({ at: this.clock(), value });
    });
  }

  /** Before an execution: listen for what it publishes. */
  record(): void {
    this.timeline = [];
    this.recording = true;
  }

  /**
   * After it: replay what it published while its answer is held back (nothing at speed 0). An execution that
   * published nothing (a menu, a state read) leaves a replay under way alone.
   */
  play(virtualStart: number, virtualMs: number, speed: number): void {
    this.recording = false;
    if (this.timeline.length === 0) return;
    const realMs = speed > 0 ? virtualMs / speed : 0;
    const now = Date.now();
    this.playing = realMs > 0 ? { realStart: now, realEnd: now + realMs, virtualStart, speed } : null;
  }

  /**
   * The progress a poll sees now while an answer is held back (JSON, or null before the first was
   * published); undefined when nothing is being replayed (the poll reads the cache as it is).
   */
  now(): unknown {
    const playing = this.playing;
    const real = Date.now();
    if (!playing || real >= playing.realEnd) return undefined;
    const virtualNow = playing.virtualStart + (real - playing.realStart) * playing.speed;
    let seen: string | null = null;
    for (const entry of this.timeline) if (entry.at <= virtualNow) seen = entry.value;
    return seen === null ? null : JSON.parse(seen) as unknown;
  }
}
