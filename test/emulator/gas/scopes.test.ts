/** The scope table: each fake method needs the scopes its reference page lists, and refuses with Apps Script's text. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppsScriptWorld, DEFAULT_SCOPES, typed, type Manifest } from '../../../emulator/gas/world';
import { permissionDenied, SCOPE, scopesFor } from '../../../emulator/gas/scopes';
import { StubGoogle } from './stubGoogle';

const ADMIN = 'admin@example.com';
const MORE = 'For more information, see https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is';
const ROOT = join(__dirname, '../../..');
const shipped = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as Required<Manifest>;

const without = (...dropped: string[]) => DEFAULT_SCOPES.filter((scope) => !dropped.includes(scope));
const run = (oauthScopes: readonly string[], options: { authMode?: 'NONE' | 'FULL'; locale?: 'en' | 'es' } = {}) =>
  typed(new AppsScriptWorld(new StubGoogle(), { manifest: { oauthScopes: [...oauthScopes] } }).startExecution({ user: ADMIN, ...options }));

/** What a call threw, as the script sees it. */
function thrown(call: () => unknown): { name: string; message: string } {
  try {
    call();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('expected the call to throw');
}

/** Every `Service.method(` the add-on's Apps Script code calls on a global service. */
function globalCallsInSrc(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : name.endsWith('.ts') ? [join(dir, name)] : []));
  const pattern = /\b(Session|SpreadsheetApp|ScriptApp|PropertiesService|CacheService|LockService|Utilities|HtmlService|UrlFetchApp|Chat|AdminDirectory)\.([A-Za-z]+)\(/g;
  const calls = new Set<string>();
  for (const file of files(join(ROOT, 'src/gas'))) for (const [, service, method] of readFileSync(file, 'utf8').matchAll(pattern)) calls.add(`${service}.${method}`);
  return [...calls].sort();
}

describe('the shipped manifest', () => {
  it('is what a world without a manifest asks for, userinfo.email included', () => {
    expect(DEFAULT_SCOPES).toEqual(shipped.oauthScopes);
    expect(DEFAULT_SCOPES).toContain(SCOPE.userinfoEmail);
  });

  it('lists a scope for every Apps Script service call the add-on makes', () => {
    const calls = globalCallsInSrc();
    expect(calls).toEqual(expect.arrayContaining(['Session.getEffectiveUser', 'SpreadsheetApp.getActive', 'UrlFetchApp.fetchAll', 'ScriptApp.newTrigger']));
    // What Apps Script would throw at each call the manifest doesn't cover (none, when it is complete).
    const refusals = calls.flatMap((method) => {
      const anyOf = scopesFor(method);
      return anyOf.length > 0 && !anyOf.some((scope) => shipped.oauthScopes.includes(scope)) ? [permissionDenied(method, anyOf, 'en')] : [];
    });
    expect(refusals).toEqual([]);
  });
});

describe('Session', () => {
  it('refuses getEffectiveUser and getActiveUser without userinfo.email, with Apps Script\'s own message', () => {
    const { Session } = run(without(SCOPE.userinfoEmail));
    expect(thrown(() => Session.getEffectiveUser())).toEqual({
      name: 'Exception',
      message: `You do not have permission to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email. ${MORE}`,
    });
    expect(thrown(() => Session.getActiveUser()).message).toMatch(/^You do not have permission to call Session\.getActiveUser\. /);
    expect(Session.getScriptTimeZone()).toBe('America/New_York'); // needs no scope
  });

  it('answers with userinfo.email, and gives a blank email without authorization (AuthMode NONE)', () => {
    expect(run(DEFAULT_SCOPES).Session.getEffectiveUser().getEmail()).toBe(ADMIN);
    expect(run(DEFAULT_SCOPES, { authMode: 'NONE' }).Session.getActiveUser().getEmail()).toBe('');
  });

  it('refuses in the user\'s language', () => {
    const { Session } = run(without(SCOPE.userinfoEmail), { locale: 'es' });
    expect(thrown(() => Session.getEffectiveUser()).message).toBe(
      'No cuentas con el permiso para llamar a Session.getEffectiveUser. Permisos necesarios: https://www.googleapis.com/auth/userinfo.email. '
      + 'Para obtener más información, consulta https://developers.google.com/apps-script/guides/support/troubleshooting#authorization-is',
    );
  });
});

describe('SpreadsheetApp and Ui', () => {
  it('takes either spreadsheets scope, and names both as (A || B) when neither is there', () => {
    expect(thrown(() => run(without(SCOPE.spreadsheetsCurrentOnly)).SpreadsheetApp.getActive()).message).toBe(
      'You do not have permission to call SpreadsheetApp.getActive. Required permissions: '
      + `(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets). ${MORE}`,
    );
    expect(run([SCOPE.spreadsheets]).SpreadsheetApp.getActive().getName()).toBe('Chat Roster');
  });

  it('builds menus with no scope at all, even in AuthMode NONE; the sidebar needs script.container.ui', () => {
    const { SpreadsheetApp } = run([], { authMode: 'NONE' });
    expect(() => SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi()).not.toThrow();
    const noUi = run([SCOPE.spreadsheetsCurrentOnly]);
    const sidebar = noUi.HtmlService.createHtmlOutput('<p>hi</p>');
    expect(thrown(() => noUi.SpreadsheetApp.getUi().showSidebar(sidebar)).message).toBe(
      `You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui. ${MORE}`,
    );
    expect(() => run([SCOPE.containerUi]).SpreadsheetApp.getUi().showSidebar(sidebar)).not.toThrow();
  });

  it('checks Range calls against the Range entry of the table', () => {
    const sheet = run([SCOPE.spreadsheetsCurrentOnly]).SpreadsheetApp.getActive().getSheets()[0];
    expect(() => sheet.getRange(1, 1).setValue('x')).not.toThrow();
    expect(scopesFor('Range.setValues')).toEqual([SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets]);
  });
});

describe('the other services', () => {
  it('UrlFetchApp needs script.external_request', () => {
    expect(thrown(() => run(without(SCOPE.externalRequest)).UrlFetchApp.fetch('https://chat.googleapis.com/v1/spaces')).message).toBe(
      `You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request. ${MORE}`,
    );
  });

  it('ScriptApp: trigger calls need script.scriptapp, getOAuthToken and getAuthorizationInfo need nothing', () => {
    const { ScriptApp } = run(without(SCOPE.scriptApp));
    expect(thrown(() => ScriptApp.getProjectTriggers()).message).toMatch(/^You do not have permission to call ScriptApp\.getProjectTriggers\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/script\.scriptapp\. /);
    expect(thrown(() => ScriptApp.newTrigger('nightlySync')).message).toMatch(/call ScriptApp\.newTrigger\./);
    expect(() => ScriptApp.getOAuthToken()).not.toThrow();
    expect(() => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL)).not.toThrow();
    expect(scopesFor('Trigger.getHandlerFunction')).toEqual([SCOPE.scriptApp]);
  });

  it('properties, cache, lock, utilities, HTML and the advanced services ask no scope of their own', () => {
    const { PropertiesService, CacheService, LockService, Utilities, HtmlService, Chat } = run([]);
    expect(() => PropertiesService.getUserProperties().setProperty('k', 'v')).not.toThrow();
    expect(() => CacheService.getScriptCache().put('k', 'v')).not.toThrow();
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(() => Utilities.sleep(10)).not.toThrow();
    expect(() => HtmlService.createHtmlOutput('x')).not.toThrow();
    expect(() => Chat.Spaces.get('spaces/AAA')).not.toThrow(); // the stub Google checks no token
  });

  it('a method missing from the table is an emulator bug, not a pass', () => {
    expect(() => scopesFor('Session.getTemporaryActiveUserKey')).toThrow('emulator: Session.getTemporaryActiveUserKey is not in the scope table');
    expect(() => scopesFor('DriveApp.getFiles')).toThrow(/not in the scope table/);
  });
});
