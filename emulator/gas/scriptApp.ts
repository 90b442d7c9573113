/**
 * ScriptApp for one execution: the user's OAuth token, AuthMode, authorization info and time-driven triggers
 * (rules in triggers.ts). Trigger calls need the script.scriptapp scope.
 * Not modelled: requireScopes, getService, invalidateAuth, getScriptId, spreadsheet/form triggers,
 * authorization URLs that lead anywhere.
 */
import type { ExecutionContext } from './execution';
import { SERVICE_SCOPES } from './scopes';
import { FakeTrigger, MAX_TRIGGERS_PER_USER, isValidTimeZone, scheduleFor, type TriggerDraft } from './triggers';

export const AuthMode = { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } as const;
const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE' } as const;
const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;

export interface TriggerWorld {
  readonly triggers: FakeTrigger[];
  readonly scriptTimeZone: string;
  nextTriggerId(): string;
}

class ClockTriggerBuilder {
  constructor(private readonly draft: TriggerDraft, private readonly create_: (draft: TriggerDraft) => FakeTrigger, private readonly ctx: ExecutionContext) {}
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
  create(): FakeTrigger { return this.create_(this.draft); }
}

export function createScriptApp(ctx: ExecutionContext, world: TriggerWorld) {
  const triggerCall = (method: string) => {
    ctx.enter();
    ctx.requireScope(`ScriptApp.${method}`, SERVICE_SCOPES.scriptApp);
  };
  const own = () => world.triggers.filter((trigger) => trigger.owner === ctx.user);

  const create = (draft: TriggerDraft): FakeTrigger => {
    triggerCall('newTrigger');
    const schedule = scheduleFor(draft);
    if (typeof schedule === 'string') throw ctx.error(schedule);
    if (own().length >= MAX_TRIGGERS_PER_USER) {
      throw ctx.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    if (own().some((trigger) => trigger.getEventType() === 'CLOCK')) {
      throw ctx.error('This add-on has created too many time-based triggers in this document for this Google user account.');
    }
    const trigger = new FakeTrigger(world.nextTriggerId(), ctx.user, draft.handler, schedule, draft.timeZone ?? world.scriptTimeZone, ctx.now());
    world.triggers.push(trigger);
    return trigger;
  };

  return {
    AuthMode,
    AuthorizationStatus,
    EventType,
    TriggerSource,

    getOAuthToken(): string {
      ctx.enter();
      ctx.requireAuthorization();
      return ctx.google.issueToken(ctx.user, [...ctx.settings.scopes]);
    },

    /** Every scope the project asks is granted in this world unless the world was built with fewer. */
    getAuthorizationInfo(_authMode: string, scopes?: string[]) {
      ctx.enter();
      const granted = ctx.settings.scopes;
      const wanted = scopes ?? [...granted];
      const missing = wanted.some((scope) => !granted.includes(scope)) || ctx.settings.authMode !== 'FULL';
      return {
        getAuthorizationStatus: () => (missing ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED),
        getAuthorizationUrl: () => (missing ? 'https://script.google.com/authorize?emulated' : null),
        getAuthorizedScopes: () => wanted.filter((scope) => granted.includes(scope)),
      };
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

    getProjectTriggers(): FakeTrigger[] {
      triggerCall('getProjectTriggers');
      return own();
    },

    /** The document is the world's only one, so these are the same triggers. */
    getUserTriggers(_document?: unknown): FakeTrigger[] {
      triggerCall('getUserTriggers');
      return own();
    },

    deleteTrigger(trigger: FakeTrigger): void {
      triggerCall('deleteTrigger');
      const index = world.triggers.findIndex((t) => t.getUniqueId() === trigger.getUniqueId() && t.owner === ctx.user);
      if (index < 0) throw ctx.error('No trigger found with the given ID.');
      world.triggers.splice(index, 1);
    },
  };
}
