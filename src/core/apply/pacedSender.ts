/**
 * Every membership call of a run goes through one PacedSender (DESIGN.md §1 "Pacing, not hoping"):
 * - calls leave in fetchAll batches as fast as the token buckets allow, so the write budget, not latency,
 *   sets the pace; a call that must wait doesn't hold back the calls behind it;
 * - 429 and 5xx are retried with backoff while the other calls go on; a write's 429 tells the pacer how
 *   much of Google's minute is ours (pacing.ts);
 * - nothing starts after the deadline: unsent calls come back `deferred`, their rows stay PENDING;
 * - a gateway that throws (the transport failed) must not crash the run: its reads are retried like a 5xx;
 *   its writes are never re-sent (they may have reached Google) and come back with code 0.
 */
import { thrownError } from '../apiErrors';
import { backoffMs, isRetryable, isWrite, MAX_TRIES, Pacer } from './pacing';
import type { ChatGateway, Clock, MemberCall, MemberReply, MemberSender } from '../ports';

/** Calls per batch (one parallel HTTP round trip in the adapter). */
export const MAX_BATCH = 100;
/**
 * Past the deadline, the follow-ups of changes already made (a Manager's role patch after the create) may
 * still go for a few seconds, so a row is not left half done; the write-back margin leaves room for it.
 */
export const FINISHING_GRACE_MS = 5_000;

const DEFERRED: MemberReply = { code: 0, deferred: true };

interface Pending {
  call: MemberCall;
  index: number;
  tries: number;
  notBefore: number;
  /** batches of this call that threw; from 2 it goes alone, so a call that always throws fails only itself */
  thrown: number;
}

/** Replies made up for the calls of a batch that threw (the transport failed: no answer came). */
const transportFailures = new WeakSet<MemberReply>();

/** A read whose batch threw: worth another try, as a 5xx is (the transport failed, Google didn't refuse). */
const readLost = (call: MemberCall, reply: MemberReply): boolean => transportFailures.has(reply) && !isWrite(call);

export interface SendStats {
  requests: number;
  retries: number;
  rateLimited: number;
}

export class PacedSender implements MemberSender {
  readonly stats: SendStats = { requests: 0, retries: 0, rateLimited: 0 };

  constructor(
    private readonly chat: ChatGateway,
    private readonly clock: Clock,
    /** epoch ms after which no call starts */
    readonly deadline: number,
    private readonly pacer: Pacer = new Pacer(clock.now()),
    private readonly random: () => number = Math.random,
  ) {}

  get pastDeadline(): boolean {
    return this.clock.now() >= this.deadline;
  }

  send(calls: MemberCall[], options: { finishing?: boolean } = {}): MemberReply[] {
    const deadline = options.finishing ? this.deadline + FINISHING_GRACE_MS : this.deadline;
    const replies: MemberReply[] = new Array(calls.length);
    let queue: Pending[] = calls.map((call, index) => ({ call, index, tries: 0, notBefore: 0, thrown: 0 }));
    while (queue.length > 0) {
      const now = this.clock.now();
      if (now >= deadline) {
        for (const item of queue) replies[item.index] = DEFERRED;
        break;
      }
      const batch: Pending[] = [];
      const waiting: Pending[] = [];
      let solo = false;
      for (const item of queue) {
        // Google asked for a pause past the deadline (a long Retry-After): the next execution retries it.
        if (item.notBefore >= deadline) {
          replies[item.index] = DEFERRED;
          continue;
        }
        const alone = item.thrown >= 2;
        const fits = !solo && batch.length < MAX_BATCH && (!alone || batch.length === 0);
        const ready = fits && item.notBefore <= now && this.pacer.admit(item.call, now);
        if (ready && alone) solo = true;
        (ready ? batch : waiting).push(item);
      }
      queue = waiting;
      if (batch.length === 0) {
        if (queue.length > 0) this.sleepUntilReady(queue, now, deadline);
        continue;
      }
      const answers = this.sendBatch(batch.map((item) => item.call));
      batch.forEach((item, at) => {
        const reply = answers[at];
        if (reply.code === 429) this.stats.rateLimited++;
        this.pacer.answered(item.call, reply, now, this.clock.now());
        if (readLost(item.call, reply)) item.thrown++;
        if ((isRetryable(reply) || readLost(item.call, reply)) && item.tries + 1 < MAX_TRIES) {
          this.stats.retries++;
          item.tries++;
          item.notBefore = this.clock.now() + backoffMs(item.tries, this.random, reply.retryAfterSeconds);
          queue.push(item);
        } else {
          replies[item.index] = reply;
        }
      });
    }
    return replies;
  }

  /** Sleeps until the first waiting call could go, never past the deadline. */
  private sleepUntilReady(queue: readonly Pending[], now: number, deadline: number): void {
    let wait = Infinity;
    for (const item of queue) wait = Math.min(wait, Math.max(item.notBefore - now, this.pacer.waitMs(item.call, now)));
    this.clock.sleep(Math.max(1, Math.min(wait, deadline - now)));
  }

  private sendBatch(calls: MemberCall[]): MemberReply[] {
    this.stats.requests += calls.length;
    try {
      const replies = this.chat.send(calls);
      if (replies.length !== calls.length) throw new Error(`expected ${calls.length} replies, got ${replies.length}`);
      return replies;
    } catch (thrown) {
      const lost: MemberReply = { code: 0, error: thrownError(thrown) };
      transportFailures.add(lost);
      return calls.map(() => lost);
    }
  }
}
