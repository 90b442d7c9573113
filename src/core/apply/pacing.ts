/**
 * Pacing, not hoping (DESIGN.md §1): token buckets just under Google's budgets, and capped exponential
 * backoff with jitter for the calls worth retrying. Numbers: reference/chat-api-limits.md §2–3, §7.
 *
 * Reads: a bucket of rate r and capacity c lets through at most c + r·T calls in any window T. Writes: a
 * sliding minute like Google's (WriteWindow), at most 297 of ours in it, fewer when another user of the
 * project holds part of it (the pacer learns how many from Google's 429s, and probes back up).
 */
import type { MemberCall, MemberReply } from '../ports';

export interface Limits {
  /** membership create, delete and patch (stricter reading: patch is a write), per project */
  writesPerMinute: number;
  /** membership get and list, per project */
  readsPerMinute: number;
  /** membership get and list, per space */
  readsPerSecondPerSpace: number;
}

export const GOOGLE_LIMITS: Limits = { writesPerMinute: 300, readsPerMinute: 3000, readsPerSecondPerSpace: 15 };
/** Slots of Google's minute the pacer leaves free, for time skew between our clock and Google's. */
const WRITE_BURST = 3;
/** The rate Chat Roster keeps to at Google's budget (the sidebar estimates the time left from it). */
export const WRITES_PER_MINUTE = GOOGLE_LIMITS.writesPerMinute - WRITE_BURST;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private readonly rate: number /* tokens per ms */, private readonly capacity: number, now: number) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  private refill(now: number): void {
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.rate);
      this.updatedAt = now;
    }
  }

  /** Takes one token if there is one now. */
  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there. */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.rate);
  }

  get ratePerMinute(): number {
    return this.rate * 60_000;
  }
}

export const isWrite = (call: MemberCall): boolean => call.method === 'create' || call.method === 'patch' || call.method === 'delete';

/** The space a membership call reads from or writes to: `spaces/X`. */
export function spaceOf(call: MemberCall): string {
  const path = call.method === 'list' || call.method === 'create' ? call.parent : call.name;
  const [collection, id] = path.split('/');
  return `${collection}/${id}`;
}

/**
 * Our own membership writes in Google's sliding minute, as Google counts them (charged when admitted; a
 * quota 429 charges nothing: emulator/FIDELITY.md, Service Control's "no quota will be allocated"). A write
 * may go while fewer than `limit` are in the last minute and the pace allows: `limit` a minute, with bursts
 * of at most a tenth of it. Unlike a bare token bucket, a pause (a backoff, a round waiting for its retries)
 * loses nothing up to that tenth, and unlike a bare window, no burst of a whole minute's writes comes back
 * every minute as the window slides.
 */
export class WriteWindow {
  private times: number[] = [];
  private head = 0;
  private tokens: number;
  private updatedAt: number;

  /**
   * Starts as if the minute before `now` had been spent evenly at `limit` (an earlier execution, say) but for
   * `free` slots, which go at once.
   */
  constructor(public limit: number, now: number, free: number, private readonly windowMs = 60_000) {
    const spent = Math.max(0, limit - free);
    for (let i = 1; i <= spent; i++) this.times.push(now - windowMs + (i * windowMs) / limit);
    this.tokens = free;
    this.updatedAt = now;
  }

  private get burst(): number {
    return Math.max(WRITE_BURST, this.limit * BURST_SHARE);
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) * this.limit) / this.windowMs);
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

  /** Milliseconds until a write may go. */
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

  /** A write Google refused for quota: it spent nothing. */
  refund(at: number): void {
    for (let i = this.times.length - 1; i >= this.head; i--) {
      if (this.times[i] === at) {
        this.times.splice(i, 1);
        this.tokens = Math.min(this.burst, this.tokens + 1);
        return;
      }
    }
  }
}

/** The largest burst of writes, as a share of the limit: pauses this long are made up afterwards. */
const BURST_SHARE = 0.1;
/** Google's window must always keep this many slots: time skew between our clock and Google's. */
const WRITE_MARGIN = WRITE_BURST;
/** This many write 429s within the window: Google's minute is full (one alone may come from its backend). */
const BURST_429S = 3;
const BURST_WINDOW_MS = 5_000;
/** The write limit never goes below a tenth of the budget, however contended. */
const MIN_SHARE = 0.1;
/** Without a 429 for this long, the write limit grows back towards the budget: PROBE_SHARE of it a minute, more as the quiet lasts. */
const QUIET_MS = 10_000;
const PROBE_SHARE = 0.05;

/** One pacer per execution: every membership call of the run goes through it. */
export class Pacer {
  private readonly writes: WriteWindow;
  private readonly reads: TokenBucket;
  private readonly spaceReads = new Map<string, TokenBucket>();
  private readonly maxWrites: number;
  private last429: number;
  private lastProbe: number;
  private recent429s: number[] = [];

  /** `writesPerMinute`: where to start (what an earlier execution learned), default the whole budget. */
  constructor(now: number, private readonly limits: Limits = GOOGLE_LIMITS, writesPerMinute?: number) {
    this.maxWrites = limits.writesPerMinute - WRITE_MARGIN;
    this.writes = new WriteWindow(Math.min(this.maxWrites, writesPerMinute ?? this.maxWrites), now, WRITE_MARGIN);
    const perMs = (perMinute: number) => perMinute / 60_000;
    this.reads = new TokenBucket(perMs(limits.readsPerMinute - 30), 30, now);
    this.last429 = -Infinity;
    this.lastProbe = now;
  }

  private spaceBucket(space: string, now: number): TokenBucket {
    let bucket = this.spaceReads.get(space);
    if (!bucket) {
      // Capacity 1 and a rate one under the limit: at most the limit in any one-second window.
      bucket = new TokenBucket((this.limits.readsPerSecondPerSpace - 1) / 1000, 1, now);
      this.spaceReads.set(space, bucket);
    }
    return bucket;
  }

  /** Takes what the call needs if it may go now. */
  admit(call: MemberCall, now: number): boolean {
    if (isWrite(call)) {
      this.probe(now);
      if (this.writes.waitMs(now) > 0) return false;
      this.writes.take(now);
      return true;
    }
    const space = this.spaceBucket(spaceOf(call), now);
    if (space.waitMs(now) > 0 || this.reads.waitMs(now) > 0) return false;
    return space.tryTake(now) && this.reads.tryTake(now);
  }

  /** When the call could be admitted. */
  waitMs(call: MemberCall, now: number): number {
    if (isWrite(call)) return this.writes.waitMs(now);
    return Math.max(this.spaceBucket(spaceOf(call), now).waitMs(now), this.reads.waitMs(now));
  }

  /**
   * Google's answer to a call admitted at `sentAt`. A 429 to a write: it spent nothing, and Google's minute
   * may be full. When they come in a burst it is: another user of the project holds the rest of it, and the
   * writes we hold in it are our share, so the limit comes down to them. A lone 429
   * (Google's backend may send one below the quota) and a 429 to a read only cost a retry.
   */
  answered(call: MemberCall, reply: MemberReply, sentAt: number, now: number): void {
    if (reply.code !== 429 || !isWrite(call)) return;
    this.writes.refund(sentAt);
    this.recent429s = this.recent429s.filter((at) => now - at < BURST_WINDOW_MS);
    this.recent429s.push(now);
    if (this.recent429s.length < BURST_429S) return;
    this.last429 = now;
    const held = this.writes.count(now);
    this.writes.limit = Math.max(Math.ceil(this.maxWrites * MIN_SHARE), Math.min(this.writes.limit, held));
  }

  /** Back towards the whole budget while no 429 comes: the other user may have finished. */
  private probe(now: number): void {
    const elapsed = now - this.lastProbe;
    if (elapsed < 1000) return;
    this.lastProbe = now;
    if (now - this.last429 < QUIET_MS || this.writes.limit >= this.maxWrites) return;
    // Faster the longer the quiet lasts: near the share just learnt, slowly; far from any 429, quickly.
    const quietMinutes = Math.min(10, (now - this.last429) / 60_000);
    this.writes.limit = Math.min(this.maxWrites, this.writes.limit + (this.maxWrites * PROBE_SHARE * (1 + quietMinutes) * elapsed) / 60_000);
  }

  /** The membership writes a minute the pacer allows now. */
  get writeRatePerMinute(): number {
    return this.writes.limit;
  }
}

/** 429 and 5xx are worth another try (reference/chat-api-limits.md §7); 400, 403, 404 and 409 are answers. */
export function isRetryable(reply: MemberReply): boolean {
  return reply.code === 429 || reply.code === 500 || reply.code === 502 || reply.code === 503 || reply.code === 504;
}

export const MAX_TRIES = 8;
const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 32_000;

/** Truncated exponential backoff with jitter; Google's Retry-After wins when it is longer. */
export function backoffMs(tries: number, random: () => number, retryAfterSeconds?: number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (tries - 1)) + Math.floor(random() * 1000);
  return Math.max(exponential, (retryAfterSeconds ?? 0) * 1000);
}
