/**
 * Runs other executions synchronously in the middle of one (the emulator's fetch is hooked, as in
 * concurrency.test.ts): at the n-th membership call of the running execution, each intruder runs, and what it
 * changed is recorded — API calls, the Roster and log cells, document properties, installed triggers.
 */
import type { Google, HttpRequest, HttpResponse } from '../../../emulator/google';
import type { AppsScriptWorld } from '../../../emulator/gas/world';
import { execute, type Executed } from '../workload';

export interface Intruder {
  /** what the administrator did, for test names */
  label: string;
  entry: string;
  args?: unknown[];
  user: string;
  fromTrigger?: boolean;
  atMembershipCall: number;
  result?: Executed<unknown>;
  callsMade?: number;
  rosterChanged?: boolean;
  logChanged?: boolean;
  propertiesChanged?: boolean;
  triggersChanged?: boolean;
}

const snapshot = (world: AppsScriptWorld) => ({
  roster: JSON.stringify(world.spreadsheet.sheet('Roster')),
  log: JSON.stringify(world.spreadsheet.sheet('Chat Roster Log') ?? null),
  properties: JSON.stringify(world.documentProperties.getProperties()),
  triggers: JSON.stringify(world.triggers.map((trigger) => [trigger.owner, trigger.getHandlerFunction(), trigger.getUniqueId()])),
});

/** Runs `run` with the intruders let in at their calls; membership calls of the intruders themselves don't count. */
export function withIntruders<T>(google: Google, world: AppsScriptWorld, intruders: Intruder[], run: () => T): T {
  const fetch = google.fetch.bind(google);
  let membershipCalls = 0;
  let inside = false;
  google.fetch = (request: HttpRequest): HttpResponse => {
    const response = fetch(request);
    if (inside || !/\/members/.test(request.url)) return response;
    membershipCalls++;
    for (const intruder of intruders.filter((candidate) => candidate.atMembershipCall === membershipCalls)) {
      inside = true;
      const before = snapshot(world);
      const callsBefore = google.calls.length;
      intruder.result = execute<unknown>(world, intruder.entry, intruder.args ?? [], { user: intruder.user, fromTrigger: intruder.fromTrigger });
      intruder.callsMade = google.calls.length - callsBefore;
      const after = snapshot(world);
      intruder.rosterChanged = after.roster !== before.roster;
      intruder.logChanged = after.log !== before.log;
      intruder.propertiesChanged = after.properties !== before.properties;
      intruder.triggersChanged = after.triggers !== before.triggers;
      inside = false;
    }
    return response;
  };
  try {
    return run();
  } finally {
    google.fetch = fetch;
  }
}

/** The sentence an intruder got back (a RunReport's or an ImportReport's message, or a plain string). */
export function answerOf(intruder: Intruder): string {
  const value = intruder.result?.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'message' in value) return String(value.message);
  return '';
}
