/**
 * Pacing, not hoping (DESIGN.md §1): calls paced just under Google's budgets, and capped exponential
 * backoff with jitter for the calls worth retrying. Numbers: reference/chat-api-limits.md §2–3, §7.
 *
 * Per project (writes, reads): a sliding minute like Google's, at most the budget of ours in it, fewer when
 * another user of the project holds part of it (sharedBudget.ts). Per space (reads): a token bucket of rate
 * r and capacity c lets through at most c + r·T calls in any window T.
 */
import type { MemberCall, MemberReply } from '../ports';
import { SharedBudget } from './sharedBudget';

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

/** The per-space read bucket's capacity. */
const SPACE_READ_BURST = 3;
/** Writes: bursts of at most a tenth of a minute's writes (pauses that long are made up afterwards). */
const WRITE_BURST_SHARE = 0.1;
/**
 * Reads: an execution reads in a burst at its start (snapshots, probes), then writes for minutes, so the
 * minute before an execution is assumed half spent: half the read budget may go at once. Wrong (another
 * user reading), 429s tell, and the limit comes down to our share.
 */
const READ_FREE_SHARE = 0.5;

/** One pacer per execution: every membership call of the run goes through it. */
export class Pacer {
  private readonly writes: SharedBudget;
  private readonly reads: SharedBudget;
  private readonly spaceReads = new Map<string, TokenBucket>();

  /** `writesPerMinute`: where to start (what an earlier execution learnt), default the whole budget. */
  constructor(now: number, private readonly limits: Limits = GOOGLE_LIMITS, writesPerMinute?: number) {
    this.writes = new SharedBudget(limits.writesPerMinute - WRITE_BURST, now, { start: writesPerMinute, free: WRITE_BURST, burstShare: WRITE_BURST_SHARE });
    const maxReads = limits.readsPerMinute * 0.99;
    this.reads = new SharedBudget(maxReads, now, { free: Math.floor(maxReads * READ_FREE_SHARE), burstShare: READ_FREE_SHARE });
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
    if (this.waitMs(call, now) > 0) return false;
    if (isWrite(call)) {
      this.writes.take(now);
      return true;
    }
    this.reads.take(now);
    return this.spaceBucket(spaceOf(call), now).tryTake(now);
  }

  /** When the call could be admitted. */
  waitMs(call: MemberCall, now: number): number {
    if (isWrite(call)) return this.writes.waitMs(now);
    return Math.max(this.spaceBucket(spaceOf(call), now).waitMs(now), this.reads.waitMs(now));
  }

  /** Google's answer to a call admitted at `sentAt`: a 429 spent nothing, and may say the budget is shared now. */
  answered(call: MemberCall, reply: MemberReply, sentAt: number, now: number): void {
    (isWrite(call) ? this.writes : this.reads).heard(sentAt, now, reply.code === 429);
  }

  /** The membership writes a minute the pacer allows now (what a later execution may start from). */
  get writeRatePerMinute(): number {
    return this.writes.perMinute;
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
