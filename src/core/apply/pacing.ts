/**
 * Pacing, not hoping (DESIGN.md §1): token buckets just under Google's budgets, and capped exponential
 * backoff with jitter for the calls worth retrying. Numbers: reference/chat-api-limits.md §2–3, §7.
 *
 * A bucket of rate r and capacity c lets through at most c + r·T calls in any window T, so a window of
 * 60 s sees at most c + 60·r: the write bucket keeps that at 300 (297 a minute + 3).
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
/** The write bucket's capacity: a burst this large plus the rate stays within Google's minute. */
const WRITE_BURST = 3;
/** The rate Chat Roster keeps to at Google's budget (the sidebar estimates the time left from it). */
export const WRITES_PER_MINUTE = GOOGLE_LIMITS.writesPerMinute - WRITE_BURST;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(private rate: number /* tokens per ms */, private readonly capacity: number, now: number, private readonly maxRate = rate) {
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

  /** Someone else spends the same budget (a 429): slow down, but never below a quarter of the budget. */
  slowDown(now: number): void {
    this.refill(now);
    this.rate = Math.max(this.maxRate / 4, this.rate * 0.8);
  }

  /** Back towards the full rate while no 429 arrives: half the budget per minute. */
  recover(elapsedMs: number): void {
    this.rate = Math.min(this.maxRate, this.rate + (this.maxRate / 2) * (elapsedMs / 60_000));
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

/** The per-space read bucket's capacity. */
const SPACE_READ_BURST = 3;

/** This many 429s within the window mean the budget is contended. */
const BURST_429S = 3;
const BURST_WINDOW_MS = 10_000;

/** One pacer per execution: every membership call of the run goes through it. */
export class Pacer {
  private readonly writes: TokenBucket;
  private readonly reads: TokenBucket;
  private readonly spaceReads = new Map<string, TokenBucket>();
  private lastSlowDown: number;
  private lastRecovery: number;
  private recent429s: number[] = [];

  constructor(now: number, private readonly limits: Limits = GOOGLE_LIMITS) {
    const perMs = (perMinute: number) => perMinute / 60_000;
    this.writes = new TokenBucket(perMs(limits.writesPerMinute - WRITE_BURST), WRITE_BURST, now);
    this.reads = new TokenBucket(perMs(limits.readsPerMinute - 30), 30, now);
    this.lastSlowDown = now;
    this.lastRecovery = now;
  }

  private spaceBucket(space: string, now: number): TokenBucket {
    let bucket = this.spaceReads.get(space);
    if (!bucket) {
      // Capacity c and rate limit − c a second: at most the limit in any one-second window. A capacity of 3
      // lets a 300-ms round trip carry 3 reads of one space (12 a second), where 1 would allow only 3.3.
      bucket = new TokenBucket((this.limits.readsPerSecondPerSpace - SPACE_READ_BURST) / 1000, SPACE_READ_BURST, now);
      this.spaceReads.set(space, bucket);
    }
    return bucket;
  }

  /** Takes what the call needs if it may go now. */
  admit(call: MemberCall, now: number): boolean {
    this.recover(now);
    if (isWrite(call)) return this.writes.tryTake(now);
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
   * 429s in a burst mean the budget is shared right now (another user of the add-on): slow the kind of
   * call that got them. A lone 429 (Google's backend may send one below the quota) only costs a retry.
   */
  rateLimited(call: MemberCall, now: number): void {
    this.recent429s = this.recent429s.filter((at) => now - at < BURST_WINDOW_MS);
    this.recent429s.push(now);
    if (this.recent429s.length < BURST_429S) return;
    this.recent429s = [];
    (isWrite(call) ? this.writes : this.reads).slowDown(now);
    this.lastSlowDown = now;
  }

  private recover(now: number): void {
    if (now - this.lastSlowDown < 10_000) return;
    const elapsed = now - this.lastRecovery;
    this.lastRecovery = now;
    this.writes.recover(elapsed);
    this.reads.recover(elapsed);
  }

  get writeRatePerMinute(): number {
    return this.writes.ratePerMinute;
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
