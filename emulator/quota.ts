/**
 * Per-project and per-space quotas (reference/chat-api-limits.md §2–§3), as sliding windows on the virtual
 * clock. "Per project" is the whole emulator: every caller spends the same budget, as every user of a
 * published add-on does.
 */
import { GoogleError } from './errors';

const MINUTE = 60_000;
const SECOND = 1_000;

export interface Quotas {
  /** spaces.members.create / delete, and patch by the stricter reading (§2 note) */
  membershipWritesPerMinute: number;
  /** spaces.members.get / list */
  membershipReadsPerMinute: number;
  /** spaces.get / list / search */
  spaceReadsPerMinute: number;
  /** spaces.get, spaces.members.get / list, per space (§3, newest revision) */
  spaceReadsPerSecondPerSpace: number;
  /** spaces.search without admin access */
  searchPerMinute: number;
}

export const DEFAULT_QUOTAS: Quotas = {
  membershipWritesPerMinute: 300,
  membershipReadsPerMinute: 3000,
  spaceReadsPerMinute: 3000,
  spaceReadsPerSecondPerSpace: 15,
  searchPerMinute: 300,
};

/** One quota a call spends from; `key` separates windows (per-space quotas get one per space). */
export interface QuotaCharge {
  key: string;
  limit: number;
  windowMs: number;
  /** metric and limit names for the 429 message, in the style of Google's quota errors */
  metric: string;
  limitName: string;
}

/** Timestamps of admitted calls inside the window; a head index avoids O(n) shifts. */
class SlidingWindow {
  private times: number[] = [];
  private head = 0;

  count(now: number, windowMs: number): number {
    while (this.head < this.times.length && (this.times[this.head] as number) <= now - windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
    return this.times.length - this.head;
  }

  add(now: number): void {
    this.times.push(now);
  }

  /** The oldest admitted call still inside the window (count() just ran); undefined when empty. */
  oldest(): number | undefined {
    return this.times[this.head];
  }
}

/**
 * Another user of the same Cloud project (another customer of a published add-on, reference/chat-api-limits.md
 * §2 note): it wants `perMinute` calls of one quota, evenly spaced, for ever. Refused, it tries again the
 * instant a slot frees, before any call of ours at that instant (stricter reading: it wins every race), and
 * catches up its backlog, so over time it gets all it wants of the budget and we get the rest.
 */
export interface BackgroundConsumer {
  /** the quota it spends (QuotaCharge.key), e.g. 'membership_writes' */
  key: string;
  perMinute: number;
  /** calls it made (spent quota), and 429s it got */
  spent: number;
  refused: number;
}

interface ConsumerState extends BackgroundConsumer {
  since: number;
  retryAt: number;
}

export class QuotaMeter {
  private readonly windows = new Map<string, SlidingWindow>();
  private readonly consumers: ConsumerState[] = [];

  constructor(readonly quotas: Quotas) {}

  /**
   * Starts a background consumer at `now`, as if it had been running for the minute before (its window
   * already full of its calls): a steady other user, not one who starts with our run.
   */
  addConsumer(key: string, perMinute: number, now: number): BackgroundConsumer {
    if (!(perMinute > 0)) throw new Error(`addConsumer: perMinute must be > 0, got ${perMinute}`);
    const consumer: ConsumerState = { key, perMinute, spent: 0, refused: 0, since: now - MINUTE, retryAt: -Infinity };
    this.consumers.push(consumer);
    return consumer;
  }

  /** The background consumers' calls up to `now`, in time order, before a call of ours at `now` is judged. */
  private catchUp(charge: QuotaCharge, now: number): void {
    for (const consumer of this.consumers) {
      if (consumer.key !== charge.key) continue;
      const window = this.window(charge.key);
      const interval = MINUTE / consumer.perMinute;
      for (let at = Math.max(consumer.since + consumer.spent * interval, consumer.retryAt); at <= now;
        at = Math.max(consumer.since + consumer.spent * interval, consumer.retryAt)) {
        if (window.count(at, charge.windowMs) < charge.limit) {
          window.add(at);
          consumer.spent++;
          consumer.retryAt = at;
        } else {
          consumer.refused++;
          consumer.retryAt = (window.oldest() ?? at) + charge.windowMs;
        }
      }
    }
  }

  /**
   * Admits the call (spending from every charge) or throws 429 without spending anything: a rejected call
   * doesn't use quota, so a client that backs off recovers once the window slides.
   */
  admit(now: number, charges: QuotaCharge[]): void {
    for (const charge of charges) {
      this.catchUp(charge, now);
      if (this.window(charge.key).count(now, charge.windowMs) >= charge.limit) {
        throw new GoogleError(429, 'RESOURCE_EXHAUSTED',
          `Quota exceeded for quota metric '${charge.metric}' and limit '${charge.limitName}' of service 'chat.googleapis.com' for consumer 'project_number:000000000000'.`,
          'RATE_LIMIT_EXCEEDED',
          { service: 'chat.googleapis.com', quota_metric: charge.metric, quota_limit: charge.limitName, quota_limit_value: String(charge.limit) });
      }
    }
    for (const charge of charges) this.window(charge.key).add(now);
  }

  /** Empties the windows and stops the background consumers. */
  clear(): void {
    this.windows.clear();
    this.consumers.length = 0;
  }

  private window(key: string): SlidingWindow {
    let window = this.windows.get(key);
    if (!window) {
      window = new SlidingWindow();
      this.windows.set(key, window);
    }
    return window;
  }
}


/** Which quotas a Chat method spends from; Directory calls spend none (not emulated). */
export function chargesFor(methodId: string, quotas: Quotas, spaceId: string | undefined, adminAccess: boolean): QuotaCharge[] {
  const perMinute = (key: string, limit: number, metric: string): QuotaCharge =>
    ({ key, limit, windowMs: MINUTE, metric: `chat.googleapis.com/${key}`, limitName: `${metric} per minute per project` });
  const perSpace = (): QuotaCharge[] => spaceId === undefined ? [] : [{
    key: `space_reads/${spaceId}`, limit: quotas.spaceReadsPerSecondPerSpace, windowMs: SECOND,
    metric: 'chat.googleapis.com/space_reads_per_space', limitName: 'Reads per second per space',
  }];
  switch (methodId) {
    case 'chat.spaces.members.create':
    case 'chat.spaces.members.patch':
    case 'chat.spaces.members.delete':
      return [perMinute('membership_writes', quotas.membershipWritesPerMinute, 'Membership writes')];
    case 'chat.spaces.members.get':
    case 'chat.spaces.members.list':
      return [perMinute('membership_reads', quotas.membershipReadsPerMinute, 'Membership reads'), ...perSpace()];
    case 'chat.spaces.get':
      return [perMinute('space_reads', quotas.spaceReadsPerMinute, 'Space reads'), ...perSpace()];
    case 'chat.spaces.list':
      return [perMinute('space_reads', quotas.spaceReadsPerMinute, 'Space reads')];
    case 'chat.spaces.search':
      return adminAccess
        ? [perMinute('space_reads', quotas.spaceReadsPerMinute, 'Space reads')]
        : [perMinute('space_reads', quotas.spaceReadsPerMinute, 'Space reads'),
          perMinute('space_search_reads', quotas.searchPerMinute, 'Space search reads without admin privileges')];
    default:
      return [];
  }
}
