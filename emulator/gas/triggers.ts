/**
 * Installable time-driven triggers under the Editor add-on rules (reference/apps-script-limits.md §3):
 * - one time-driven trigger per user per document: a second create() throws;
 * - at most once an hour: everyMinutes(n) and after(ms < 1 h) throw at create() (stricter reading: the docs
 *   don't say whether such a trigger throws or is delayed);
 * - 20 triggers per user per script; getProjectTriggers lists only the caller's own triggers.
 * - everyHours(n) accepts n in 1, 2, 4, 6, 8, 12; atHour(h) needs everyDays(n); inTimezone must be a zone.
 * Firing (see AppsScriptWorld.fireTriggersUpTo): everyHours fires every n hours from creation;
 * atHour(h).everyDays(n) fires daily at h:MM in the trigger's zone, MM a fixed minute derived from the
 * trigger id (Google picks a random minute and keeps it); after(ms) fires once and then stays installed,
 * still counting as the user's time-driven trigger until deleted (stricter reading).
 * Not modelled: at(date), atDate, onWeekDay, onMonthDay, nearMinute, spreadsheet (onEdit/onOpen/onChange)
 * triggers, the daily total trigger runtime, trigger failure notifications, disabling on uninstall.
 */
import { isValidTimeZone, localTime } from './dateFormat';

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const VALID_EVERY_HOURS = [1, 2, 4, 6, 8, 12];
export const MAX_TRIGGERS_PER_USER = 20;

export type Schedule =
  | { kind: 'everyHours'; hours: number }
  | { kind: 'daily'; hour: number; days: number }
  | { kind: 'after'; ms: number };

export class FakeTrigger {
  /** when it fires next (epoch ms); undefined once a one-shot trigger has fired */
  nextRunAt: number | undefined;

  constructor(
    private readonly uniqueId: string,
    readonly owner: string,
    readonly handlerFunction: string,
    readonly schedule: Schedule,
    readonly timeZone: string,
    createdAt: number,
  ) {
    this.nextRunAt = this.firstRun(createdAt);
  }

  getHandlerFunction(): string { return this.handlerFunction; }
  getUniqueId(): string { return this.uniqueId; }
  getEventType(): string { return 'CLOCK'; }
  getTriggerSource(): string { return 'CLOCK'; }
  getTriggerSourceId(): string | null { return null; }

  /** The minute past the hour a daily trigger keeps (Google randomizes it once). */
  private get minute(): number {
    return [...this.uniqueId].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 60;
  }

  private firstRun(createdAt: number): number {
    switch (this.schedule.kind) {
      case 'everyHours': return createdAt + this.schedule.hours * HOUR_MS;
      case 'after': return createdAt + this.schedule.ms;
      case 'daily': return this.nextDaily(createdAt);
    }
  }

  /** The first instant after `from` at hour:minute local time. */
  private nextDaily(from: number): number {
    const hour = this.schedule.kind === 'daily' ? this.schedule.hour : 0;
    let t = Math.floor(from / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    for (let i = 0; i < 60 && localTime(t, this.timeZone).minute !== this.minute; i++) t += MINUTE_MS;
    for (let i = 0; i < 48 && localTime(t, this.timeZone).hour !== hour; i++) t += HOUR_MS;
    return t;
  }

  /** Records a firing at `firedAt` and schedules the next one. */
  fired(firedAt: number): void {
    switch (this.schedule.kind) {
      case 'everyHours': this.nextRunAt = firedAt + this.schedule.hours * HOUR_MS; break;
      case 'after': this.nextRunAt = undefined; break;
      case 'daily': this.nextRunAt = this.nextDaily(firedAt + (this.schedule.days - 1) * DAY_MS + HOUR_MS); break;
    }
  }

  /** The event object Apps Script passes to a time-driven handler. */
  eventAt(ms: number): Record<string, unknown> {
    const t = localTime(ms, 'UTC');
    return {
      authMode: 'FULL', triggerUid: this.uniqueId, timezone: 'UTC', year: t.year, month: t.month,
      'day-of-month': t.day, 'day-of-week': t.weekday === 0 ? 7 : t.weekday, hour: t.hour, minute: t.minute, second: t.second,
    };
  }
}

export interface TriggerDraft {
  handler: string;
  hours?: number;
  minutes?: number;
  atHour?: number;
  days?: number;
  afterMs?: number;
  timeZone?: string;
}

/** Checks a draft against the add-on rules; returns the schedule or the message to throw. */
export function scheduleFor(draft: TriggerDraft): Schedule | string {
  if (draft.minutes !== undefined) return 'Add-ons can use a time-driven trigger at most once an hour.';
  if (draft.afterMs !== undefined) {
    if (draft.afterMs < HOUR_MS) return 'Add-ons can use a time-driven trigger at most once an hour.';
    return { kind: 'after', ms: draft.afterMs };
  }
  if (draft.hours !== undefined) {
    if (!VALID_EVERY_HOURS.includes(draft.hours)) return 'The number of hours must be 1, 2, 4, 6, 8 or 12.';
    return { kind: 'everyHours', hours: draft.hours };
  }
  if (draft.days !== undefined) {
    if (!Number.isInteger(draft.days) || draft.days < 1) return 'The number of days must be at least 1.';
    const hour = draft.atHour ?? 0;
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) return 'The hour must be between 0 and 23.';
    return { kind: 'daily', hour, days: draft.days };
  }
  if (draft.atHour !== undefined) return 'atHour must be used with everyDays.';
  return 'The trigger has no schedule: call everyHours, atHour(h).everyDays(n) or after(ms) before create().';
}

export { isValidTimeZone };
