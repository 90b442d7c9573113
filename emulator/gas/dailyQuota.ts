/**
 * A per-user daily quota as Apps Script counts it: "quotas are per user and reset 24 hours after the first
 * request" (reference/apps-script-limits.md §1), Google Workspace figures.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export class DailyQuota {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(readonly limit: number) {}

  /** Spends one unit for `user` at `now`; false when the day's quota is already spent. */
  spend(user: string, now: number): boolean {
    let window = this.windows.get(user);
    if (!window || now - window.start >= DAY_MS) this.windows.set(user, (window = { start: now, used: 0 }));
    if (window.used >= this.limit) return false;
    window.used++;
    return true;
  }

  used(user: string): number {
    return this.windows.get(user)?.used ?? 0;
  }
}
