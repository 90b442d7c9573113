/**
 * One of Google's per-project budgets (membership writes, membership reads: reference/chat-api-limits.md §2)
 * as the pacer keeps it. Google counts calls in a sliding minute, and every user of a published add-on
 * spends the same one; so the pacer keeps our own calls in the same sliding minute (QuotaWindow), learns
 * from bursts of 429s how much of it is ours (SharedBudget), and probes back up while none come.
 */

/**
 * Our calls in Google's sliding minute, as Google counts them (charged when admitted; a quota 429 charges
 * nothing: emulator/FIDELITY.md, Service Control's "no quota will be allocated"). A call may go while fewer
 * than `limit` are in the last minute and the pace allows: `limit` a minute, in bursts of at most
 * `burstShare` of it. Unlike a bare token bucket, a pause (a backoff, a round waiting for its retries)
 * loses nothing up to that burst; unlike a bare window, a whole minute's calls never go at once, to come
 * back as a burst every minute as the window slides.
 */
export class QuotaWindow {
  private times: number[] = [];
  private head = 0;
  private tokens: number;
  private updatedAt: number;

  /**
   * Starts as if the minute before `now` had been spent evenly at `limit` (an earlier execution, say) but for
   * `free` slots, which may go at once.
   */
  constructor(public limit: number, now: number, free: number, private readonly burstShare: number, private readonly windowMs = 60_000) {
    const spent = Math.max(0, limit - free);
    for (let i = 1; i <= spent; i++) this.times.push(now - windowMs + (i * windowMs) / limit);
    this.tokens = free;
    this.updatedAt = now;
  }

  private get burst(): number {
    return Math.max(1, this.limit * this.burstShare);
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(Math.max(this.tokens, this.burst), this.tokens + ((now - this.updatedAt) * this.limit) / this.windowMs);
    this.updatedAt = now;
  }

  count(now: number): number {
    while (this.head < this.times.length && this.times[this.head] <= now - this.windowMs) this.head++;
    if (this.head > 1024) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  /** Milliseconds until a call may go. */
  waitMs(now: number): number {
    this.refill(now);
    const over = this.count(now) - Math.floor(this.limit);
    const windowWait = over < 0 ? 0 : this.times[this.head + over] + this.windowMs - now;
    const paceWait = this.tokens >= 1 ? 0 : ((1 - this.tokens) * this.windowMs) / this.limit;
    const wait = Math.max(windowWait, paceWait);
    return wait > 0 ? Math.max(1, Math.ceil(wait)) : 0;
  }

  take(now: number): void {
    this.refill(now);
    this.tokens -= 1;
    this.times.push(now);
  }

  /**
   * The calls before `start` (an earlier execution's, assumed at `limit` when this window began) were in
   * fact at `perMinute`: the minute is rebuilt so, with the calls since `start` as they were.
   */
  assumeBefore(start: number, perMinute: number, now: number): void {
    const since = this.times.slice(this.head).filter((at) => at >= start);
    const before: number[] = [];
    for (let at = start; at > now - this.windowMs && perMinute > 0; at -= this.windowMs / perMinute) before.unshift(at);
    this.times = [...before, ...since];
    this.head = 0;
  }

  /** A call Google refused for quota: it spent nothing. */
  refund(at: number): void {
    for (let i = this.times.length - 1; i >= this.head; i--) {
      if (this.times[i] === at) {
        this.times.splice(i, 1);
        this.tokens = Math.min(Math.max(this.tokens, this.burst), this.tokens + 1);
        return;
      }
    }
  }
}

/** This many 429s within the window: Google's minute is full (one alone may come from its backend). */
const BURST_429S = 3;
const BURST_WINDOW_MS = 5_000;
/** A quarter or more of the answers of that window 429s: contention, not Google's backend now and then. */
const CONTENDED_SHARE = 0.25;
/** How long an execution watches what Google lets through before trusting it over its first guess. */
const LEARN_MS = 30_000;
/** The limit never goes below a tenth of the budget, however contended. */
const MIN_SHARE = 0.1;
/** Without a 429 for this long, the limit grows back towards the budget: PROBE_SHARE of it a minute, more as the quiet lasts. */
const QUIET_MS = 10_000;
const PROBE_SHARE = 0.05;

export class SharedBudget {
  readonly window: QuotaWindow;
  private last429 = -Infinity;
  private lastProbe: number;
  private recent429s: number[] = [];
  private recentAnswers: number[] = [];
  private readonly startedAt: number;
  /** answers other than 429 since this execution began: calls Google let through */
  private accepted = 0;

  /** `start`: the limit to begin at (what an earlier execution learnt), at most `max`; `free` and `burstShare` as QuotaWindow's. */
  constructor(private readonly max: number, now: number, options: { start?: number; free: number; burstShare: number }) {
    this.window = new QuotaWindow(Math.min(max, options.start ?? max), now, options.free, options.burstShare);
    this.lastProbe = now;
    this.startedAt = now;
  }

  waitMs(now: number): number {
    this.probe(now);
    return this.window.waitMs(now);
  }

  take(now: number): void {
    this.window.take(now);
  }

  /**
   * Google answered a call admitted at `sentAt`. A 429 spent nothing, and Google's minute may be full. When
   * 429s come in a burst it is: another user of the project holds the rest of it, and the calls we hold in
   * it are our share, so the limit comes down to them. A lone 429 (Google's backend may send one below the
   * quota) only costs a retry. Early in an execution, what we hold is partly a guess (the minute before it
   * assumed spent at the whole budget); if the burst is heavy, the calls Google let through since the start
   * tell the share better, and the guess is redone at that rate.
   */
  heard(sentAt: number, now: number, rateLimited: boolean): void {
    this.recentAnswers = this.recentAnswers.filter((at) => now - at < BURST_WINDOW_MS);
    this.recentAnswers.push(now);
    if (!rateLimited) {
      this.accepted++;
      return;
    }
    this.window.refund(sentAt);
    this.recent429s = this.recent429s.filter((at) => now - at < BURST_WINDOW_MS);
    this.recent429s.push(now);
    if (this.recent429s.length < BURST_429S) return;
    this.last429 = now;
    const age = now - this.startedAt;
    const contended = this.recent429s.length >= this.recentAnswers.length * CONTENDED_SHARE;
    if (contended && age >= LEARN_MS && age < 60_000) {
      const rate = (this.accepted * 60_000) / age;
      if (rate < this.window.count(now) && rate < this.window.limit) this.window.assumeBefore(this.startedAt, rate, now);
    }
    this.window.limit = Math.max(Math.ceil(this.max * MIN_SHARE), Math.min(this.window.limit, this.window.count(now)));
  }

  /** Back towards the whole budget while no 429 comes: the other user may have finished. */
  private probe(now: number): void {
    const elapsed = now - this.lastProbe;
    if (elapsed < 1000) return;
    this.lastProbe = now;
    if (now - this.last429 < QUIET_MS || this.window.limit >= this.max) return;
    // Faster the longer the quiet lasts: near the share just learnt, slowly; far from any 429, quickly.
    const quietMinutes = Math.min(10, (now - this.last429) / 60_000);
    this.window.limit = Math.min(this.max, this.window.limit + (this.max * PROBE_SHARE * (1 + quietMinutes) * elapsed) / 60_000);
  }

  get perMinute(): number {
    return this.window.limit;
  }
}
