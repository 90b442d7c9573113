/**
 * Granular consent: an execution holds the manifest's scopes ∩ what its user granted; ScriptApp reports
 * and asks for the rest (getAuthorizationInfo, requireScopes).
 */
import { Google } from '../../../emulator/google';
import type { OrgSeed } from '../../../emulator/seed';
import { AppsScriptWorld, DEFAULT_SCOPES, typed } from '../../../emulator/gas/world';
import { SCOPE } from '../../../emulator/gas/scopes';
import { StubGoogle } from './stubGoogle';

const ADMIN = 'admin@example.com';
const ANN = 'ann@example.com';
const MEMBERS = 'https://www.googleapis.com/auth/chat.memberships';
const DRIVE = 'https://www.googleapis.com/auth/drive';
const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

const org: OrgSeed = {
  domain: 'example.com',
  users: [{ id: '100', email: ADMIN, chatAdmin: true }, { id: '101', email: ANN }],
  groups: [],
  spaces: [{ id: 'AAA', displayName: 'Team', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }, { email: ANN, role: 'ROLE_MANAGER' }] }],
};

const without = (...dropped: string[]) => DEFAULT_SCOPES.filter((scope) => !dropped.includes(scope));

function thrown(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to throw');
}

describe('what a user granted', () => {
  it('narrows getOAuthToken\'s token, and Google then refuses the Chat call; other users keep theirs', () => {
    const world = new AppsScriptWorld(new Google({ seed: org }));
    world.setGrantedScopes(ADMIN, without(MEMBERS, 'https://www.googleapis.com/auth/chat.spaces.readonly'));
    const list = (user: string) => {
      const { ScriptApp, UrlFetchApp } = typed(world.startExecution({ user }));
      return UrlFetchApp.fetch('https://chat.googleapis.com/v1/spaces/AAA/members', {
        headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` }, muteHttpExceptions: true,
      });
    };
    const refused = list(ADMIN);
    expect(refused.getResponseCode()).toBe(403);
    expect(JSON.parse(refused.getContentText()).error.message).toBe('Request had insufficient authentication scopes.');
    expect(list(ANN).getResponseCode()).toBe(200);
    world.setGrantedScopes(ADMIN, null); // everything the manifest asks again
    expect(list(ADMIN).getResponseCode()).toBe(200);
  });

  it('the token carries manifest ∩ granted, in the manifest\'s order; a scope the manifest lacks is never granted', () => {
    const google = new StubGoogle();
    const world = new AppsScriptWorld(google, { manifest: { oauthScopes: [SCOPE.spreadsheetsCurrentOnly, SCOPE.userinfoEmail, MEMBERS] } });
    world.setGrantedScopes(ADMIN, [MEMBERS, DRIVE, SCOPE.spreadsheetsCurrentOnly]);
    typed(world.startExecution({ user: ADMIN })).ScriptApp.getOAuthToken();
    typed(world.startExecution({ user: ANN })).Chat.Spaces.get('spaces/AAA');
    expect(google.tokens.map(({ email, scopes }) => [email, scopes])).toEqual([
      [ADMIN, [SCOPE.spreadsheetsCurrentOnly, MEMBERS]],
      [ANN, [SCOPE.spreadsheetsCurrentOnly, SCOPE.userinfoEmail, MEMBERS]],
    ]);
  });

  it('a scope the manifest lists but the user left unticked refuses its methods', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    world.setGrantedScopes(ADMIN, without(SCOPE.userinfoEmail));
    expect(thrown(() => typed(world.startExecution({ user: ADMIN })).Session.getEffectiveUser())).toMatch(
      /^You do not have permission to call Session\.getEffectiveUser\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/userinfo\.email\. /,
    );
    expect(typed(world.startExecution({ user: ANN })).Session.getEffectiveUser().getEmail()).toBe(ANN);
  });
});

describe('ScriptApp.getAuthorizationInfo', () => {
  const info = (granted: readonly string[] | null, authMode: 'FULL' | 'NONE' = 'FULL', scopes?: string[]) => {
    const world = new AppsScriptWorld(new StubGoogle());
    world.setGrantedScopes(ADMIN, granted);
    const { ScriptApp } = typed(world.startExecution({ user: ADMIN }));
    const result = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode[authMode], scopes);
    return { status: result.getAuthorizationStatus(), url: result.getAuthorizationUrl(), scopes: result.getAuthorizedScopes() };
  };

  it('is NOT_REQUIRED with no URL when every scope the manifest asks is granted', () => {
    expect(info(null)).toEqual({ status: 'NOT_REQUIRED', url: null, scopes: [...DEFAULT_SCOPES] });
  });

  it('is REQUIRED with a URL when one is missing, and lists the authorized ones', () => {
    const partial = info(without(MEMBERS));
    expect(partial.status).toBe('REQUIRED');
    expect(partial.url).toMatch(/^https:\/\/script\.google\.com\//);
    expect(partial.scopes).toEqual(without(MEMBERS));
  });

  it('for a list of scopes, answers about those only', () => {
    expect(info(without(MEMBERS), 'FULL', [SCOPE.userinfoEmail])).toEqual({ status: 'NOT_REQUIRED', url: null, scopes: [SCOPE.userinfoEmail] });
    expect(info(without(MEMBERS), 'FULL', [SCOPE.userinfoEmail, MEMBERS])).toMatchObject({ status: 'REQUIRED', scopes: [SCOPE.userinfoEmail] });
  });

  it('requires nothing in another AuthMode, and refuses scopes the script doesn\'t request', () => {
    expect(info(without(MEMBERS), 'NONE').status).toBe('NOT_REQUIRED');
    expect(() => info(null, 'FULL', [DRIVE])).toThrow(`Invalid argument: oAuthScopes (${DRIVE} is not requested by the script)`);
  });
});

describe('ScriptApp.requireScopes', () => {
  const start = (granted: readonly string[] | null) => {
    const world = new AppsScriptWorld(new StubGoogle());
    world.setGrantedScopes(ADMIN, granted);
    const execution = world.startExecution({ user: ADMIN });
    return { execution, ...typed(execution) };
  };

  it('returns when the consents are there, and the execution goes on', () => {
    const { ScriptApp, SpreadsheetApp } = start(without(MEMBERS));
    expect(ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SCOPE.userinfoEmail, SCOPE.spreadsheetsCurrentOnly])).toBeUndefined();
    expect(SpreadsheetApp.getActive().getName()).toBe('Chat Roster');
  });

  it('ends the execution when one is missing: prompt recorded, every later call throws too', () => {
    const { execution, ScriptApp, SpreadsheetApp, Utilities } = start(without(MEMBERS));
    const error = (() => {
      try {
        ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [SCOPE.userinfoEmail, MEMBERS]);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected requireScopes to throw');
    })();
    expect([error.name, error.message]).toEqual(['Exception', AUTHORIZATION_REQUIRED]);
    expect(execution.ui.authorizationPrompts).toEqual([[MEMBERS]]);
    expect(thrown(() => SpreadsheetApp.getActive())).toBe(AUTHORIZATION_REQUIRED);
    expect(thrown(() => Utilities.sleep(1))).toBe(AUTHORIZATION_REQUIRED);
  });

  it('requireAllScopes asks for every scope of the manifest', () => {
    expect(() => start(null).ScriptApp.requireAllScopes(start(null).ScriptApp.AuthMode.FULL)).not.toThrow();
    const partial = start(without(SCOPE.scriptApp));
    expect(() => partial.ScriptApp.requireAllScopes(partial.ScriptApp.AuthMode.FULL)).toThrow(AUTHORIZATION_REQUIRED);
    expect(partial.execution.ui.authorizationPrompts).toEqual([[SCOPE.scriptApp]]);
  });

  it('refuses a scope the manifest doesn\'t list, and an unknown AuthMode', () => {
    const { ScriptApp } = start(null);
    expect(() => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [DRIVE])).toThrow(/^Invalid argument: oAuthScopes/);
    expect(() => ScriptApp.requireScopes('SOMETIMES', [MEMBERS])).toThrow('Invalid argument: authMode');
  });
});
