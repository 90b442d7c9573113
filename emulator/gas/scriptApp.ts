/**
 * ScriptApp for one execution: the user's OAuth token (carrying the execution's effective scopes), AuthMode,
 * authorization info and requireScopes (authorization.ts), and time-driven triggers (rules in triggers.ts).
 * Trigger calls, and every method of a Trigger the script holds, need the script.scriptapp scope.
 * Not modelled: getService, invalidateAuth, getScriptId, getIdentityToken, spreadsheet/form triggers.
 */
import { AuthMode, AuthorizationStatus, createAuthorization } from './authorization';
import type { ExecutionContext } from './execution';
import { FakeTrigger, MAX_TRIGGERS_PER_USER, isValidTimeZone, scheduleFor, type TriggerDraft } from './triggers';

export { AuthMode };
const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' } as const;
const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;

export interface TriggerWorld {
  readonly triggers: FakeTrigger[];
  readonly scriptTimeZone: string;
  nextTriggerId(): string;
}

/** An installed trigger as one execution sees it: each method is a ScriptApp call needing its scope. */
export class ScriptTrigger {
  constructor(readonly installed: FakeTrigger, private readonly ctx: ExecutionContext) {}
  private enter(method: string): void { this.ctx.enter(`Trigger.${method}`); }
  getHandlerFunction(): string { this.enter('getHandlerFunction'); return this.installed.getHandlerFunction(); }
  getUniqueId(): string { this.enter('getUniqueId'); return this.installed.getUniqueId(); }
  getEventType(): string { this.enter('getEventType'); return this.installed.getEventType(); }
  getTriggerSource(): string { this.enter('getTriggerSource'); return this.installed.getTriggerSource(); }
  getTriggerSourceId(): string | null { this.enter('getTriggerSourceId'); return this.installed.getTriggerSourceId(); }
}

class ClockTriggerBuilder {
  constructor(private readonly draft: TriggerDraft, private readonly create_: (draft: TriggerDraft) => ScriptTrigger, private readonly ctx: ExecutionContext) {}
  everyMinutes(n: number): this { this.draft.minutes = n; return this; }
  everyHours(n: number): this { this.draft.hours = n; return this; }
  everyDays(n: number): this { this.draft.days = n; return this; }
  atHour(hour: number): this { this.draft.atHour = hour; return this; }
  after(ms: number): this { this.draft.afterMs = ms; return this; }
  inTimezone(timeZone: string): this {
    if (!isValidTimeZone(timeZone)) throw this.ctx.error(`Invalid argument: ${timeZone}`);
    this.draft.timeZone = timeZone;
    return this;
  }
  create(): ScriptTrigger { return this.create_(this.draft); }
}

export function createScriptApp(ctx: ExecutionContext, world: TriggerWorld) {
  const triggerCall = (method: string) => ctx.enter(`ScriptApp.${method}`);
  const own = () => world.triggers.filter((trigger) => trigger.owner === ctx.user).map((trigger) => new ScriptTrigger(trigger, ctx));

  const create = (draft: TriggerDraft): ScriptTrigger => {
    triggerCall('newTrigger');
    const schedule = scheduleFor(draft);
    if (typeof schedule === 'string') throw ctx.error(schedule);
    const mine = world.triggers.filter((trigger) => trigger.owner === ctx.user);
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw ctx.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    if (mine.some((trigger) => trigger.getEventType() === 'CLOCK')) {
      throw ctx.error('This add-on has created too many time-based triggers in this document for this Google user account.');
    }
    const trigger = new FakeTrigger(world.nextTriggerId(), ctx.user, draft.handler, schedule, draft.timeZone ?? world.scriptTimeZone, ctx.now());
    world.triggers.push(trigger);
    return new ScriptTrigger(trigger, ctx);
  };

  return {
    AuthMode,
    AuthorizationStatus,
    EventType,
    TriggerSource,
    ...createAuthorization(ctx),

    /** A token for the effective user with the execution's effective scopes (manifest ∩ granted). */
    getOAuthToken(): string {
      ctx.enter('ScriptApp.getOAuthToken');
      ctx.requireAuthorization();
      return ctx.google.issueToken(ctx.user, [...ctx.settings.scopes]);
    },

    newTrigger(functionName: string) {
      triggerCall('newTrigger');
      const draft: TriggerDraft = { handler: String(functionName) };
      return {
        timeBased: () => new ClockTriggerBuilder(draft, create, ctx),
        forSpreadsheet: () => {
          throw ctx.error('Spreadsheet triggers are not modelled by the emulator.');
        },
      };
    },

    getProjectTriggers(): ScriptTrigger[] {
      triggerCall('getProjectTriggers');
      return own();
    },

    /** The document is the world's only one, so these are the same triggers. */
    getUserTriggers(_document?: unknown): ScriptTrigger[] {
      triggerCall('getUserTriggers');
      return own();
    },

    deleteTrigger(trigger: ScriptTrigger): void {
      triggerCall('deleteTrigger');
      const id = trigger instanceof ScriptTrigger ? trigger.installed.getUniqueId() : undefined;
      const index = world.triggers.findIndex((t) => t.getUniqueId() === id && t.owner === ctx.user);
      if (index < 0) throw ctx.error('No trigger found with the given ID.');
      world.triggers.splice(index, 1);
    },
  };
}

export type FakeScriptApp = ReturnType<typeof createScriptApp>;
