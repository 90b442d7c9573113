/**
 * What the page shows of the emulated Google: the virtual clock, each space with its members (roles in the
 * words Chat's own UI uses), the Directory's units, the faults injected, the API calls and membership writes
 * so far, the speed, the executions and the installed triggers.
 */
import type { Google } from '../google';
import type { AppsScriptWorld } from '../gas/world';
import type { ActivityEntry, FaultView, GoogleView } from './api';
import { unitsView } from './units';

const ROLE_NAMES: Record<string, string> = {
  ROLE_MEMBER: 'Member', ROLE_ASSISTANT_MANAGER: 'Manager', ROLE_MANAGER: 'Owner', MEMBERSHIP_ROLE_UNSPECIFIED: '',
};

/** What the workbench itself keeps for the view: the faults it injected, its executions, its speed. */
export interface ShownState {
  readonly faults: readonly FaultView[];
  readonly activity: readonly ActivityEntry[];
  readonly speed: number;
}

export function googleViewOf(google: Google, world: AppsScriptWorld, shown: ShownState): GoogleView {
  return {
    now: google.clock.now(),
    spaces: google.spaces().map((space) => ({
      ...space,
      members: google.membersOf(space.name).map((m) => ({
        member: m.member, role: ROLE_NAMES[m.role] ?? m.role, state: m.state === 'INVITED' ? 'invited' : 'joined',
      })),
    })),
    units: unitsView(google),
    faults: shown.faults.map((fault) => ({ ...fault })),
    calls: google.calls.length,
    writes: google.writes().length,
    speed: shown.speed,
    activity: shown.activity.map((entry) => ({ ...entry })),
    triggers: world.triggers.map((trigger) => ({ handler: trigger.getHandlerFunction(), nextRunAt: trigger.nextRunAt ?? null })),
  };
}
