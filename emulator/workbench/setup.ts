/**
 * The Setup panel's model: each fact checkSetup() looks at, changeable on the running workbench so a
 * newcomer can break one check at a time and watch Check setup say so — the Chat app (Cloud console),
 * directory sharing and the user's admin privilege (Admin console), the scopes the user granted (the
 * consent screen), and the user's membership of one space the roster names (a space-read failure).
 */
import type { Google, PlacedMembership } from '../google';
import type { AppsScriptWorld } from '../gas/world';
import type { SetupChange, SetupView } from './api';

/** The space the panel can take the user out of: the demo roster names it on one row, by name. */
export const LEAVABLE_SPACE = 'spaces/AAAAleadership';

const SWITCHES = ['appConfigured', 'directorySharing', 'chatAdmin', 'inSpace'] as const;

export class SetupControls {
  /** the user's membership of LEAVABLE_SPACE when the panel took them out, to put back as it was */
  private left: PlacedMembership = null;

  constructor(private readonly google: Google, private readonly world: AppsScriptWorld, private readonly user: string) {}

  view(): SetupView {
    const granted = new Set(this.world.consent.effective(this.user));
    return {
      ...this.google.settings(),
      chatAdmin: this.google.isChatAdmin(this.user),
      scopes: this.world.consent.requested.map((scope) => ({ scope, granted: granted.has(scope) })),
      space: this.spaceView(),
    };
  }

  change(change: SetupChange): void {
    const { appConfigured, directorySharing, chatAdmin, grantedScopes, inSpace } = change;
    // Refused before anything changes, so a bad request changes nothing.
    if (inSpace !== undefined && !this.spaceView()) throw new Error(`There is no ${LEAVABLE_SPACE} in this organisation.`);
    if (appConfigured !== undefined) this.google.configure({ appConfigured });
    if (directorySharing !== undefined) this.google.configure({ directorySharing });
    if (chatAdmin !== undefined) this.google.setChatAdmin(this.user, chatAdmin);
    if (grantedScopes !== undefined) this.world.setGrantedScopes(this.user, grantedScopes);
    if (inSpace !== undefined) this.setInSpace(inSpace);
  }

  private membership(): PlacedMembership {
    const found = this.google.membersOf(LEAVABLE_SPACE).find((m) => m.member === this.user);
    if (!found) return null;
    return { role: found.role === 'MEMBERSHIP_ROLE_UNSPECIFIED' ? 'ROLE_MEMBER' : found.role, state: found.state };
  }

  private spaceView(): SetupView['space'] {
    const space = this.google.spaces().find((s) => s.name === LEAVABLE_SPACE);
    return space ? { name: space.name, displayName: space.displayName, member: this.membership() !== null } : null;
  }

  private setInSpace(on: boolean): void {
    const now = this.membership();
    if (on && !now) this.google.placeMember(LEAVABLE_SPACE, this.user, this.left ?? { role: 'ROLE_MEMBER' });
    if (!on && now) {
      this.left = now;
      this.google.placeMember(LEAVABLE_SPACE, this.user, null);
    }
  }
}

/**
 * A SetupChange from a request body, or an Error saying what is wrong with it: switches are booleans, and
 * grantedScopes is null or a list of the manifest's scopes (`requested`).
 */
export function parseSetupChange(body: unknown, requested: readonly string[]): SetupChange {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Send an object.');
  const fields = body as Record<string, unknown>;
  const change: SetupChange = {};
  for (const key of Object.keys(fields)) {
    if (key === 'grantedScopes') continue;
    if (!(SWITCHES as readonly string[]).includes(key)) throw new Error(`Unknown setting ${key}.`);
  }
  for (const key of SWITCHES) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new Error(`${key} must be true or false.`);
    change[key] = value;
  }
  const scopes = fields.grantedScopes;
  if (scopes === null) change.grantedScopes = null;
  else if (scopes !== undefined) {
    if (!Array.isArray(scopes) || !scopes.every((scope): scope is string => typeof scope === 'string' && requested.includes(scope))) {
      throw new Error('grantedScopes must be null or a list of the manifest\'s scopes.');
    }
    change.grantedScopes = scopes;
  }
  return change;
}
