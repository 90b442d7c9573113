/**
 * The globals loaded through gas-local, as the built bundle is: the script sees a Date on the virtual clock,
 * Apps Script errors that are `instanceof Error` in its own realm, and dates from the sheet of its own Date.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { require as gasRequire } from 'gas-local';
import { AppsScriptWorld, typed } from '../../../emulator/gas/world';
import { START, StubGoogle } from './stubGoogle';

const SCRIPT = `
function now() { return [new Date().getTime(), Date.now(), typeof Date(), new Date(2020, 0, 1).getFullYear()]; }
function catchAdvanced() {
  try { Chat.Spaces.Members.get('spaces/A/members/missing'); } catch (e) { return [e instanceof Error, e.name, e.message]; }
}
function sheetDate() {
  var range = SpreadsheetApp.getActive().getSheets()[0].getRange(1, 1);
  range.setValue(new Date());
  var value = range.getValue();
  return [value instanceof Date, value.getTime()];
}
function sidebar() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Chat Roster'));
}
function logs() { Logger.log('a %s', 'b'); console.log('c', 1); }
`;

function load() {
  const dir = mkdtempSync(join(tmpdir(), 'gas-local-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  writeFileSync(join(dir, 'Sidebar.html'), '<h1>Chat Roster</h1>');
  const google = new StubGoogle();
  const world = new AppsScriptWorld(google, { distDir: dir });
  const execution = world.startExecution({ user: 'admin@example.com' });
  const context = gasRequire(dir, execution.globals, { filter: (file) => file.endsWith('.js') });
  const call = (name: string) => (context[name] as () => unknown)();
  return { google, world, execution, call };
}

describe('globals under gas-local', () => {
  it('gives the script a Date on the virtual clock', () => {
    const { google, call } = load();
    google.clock.advance(1234);
    expect(call('now')).toEqual([START + 1234, START + 1234, 'string', 2020]);
  });

  it('throws Apps Script errors that are Errors in the script realm', () => {
    const { call } = load();
    expect(call('catchAdvanced')).toEqual([true, 'GoogleJsonResponseException', 'API call to chat.spaces.members.get failed with error: Membership not found.']);
  });

  it('hands back sheet dates as the script\'s own Date', () => {
    const { call } = load();
    expect(call('sheetDate')).toEqual([true, START]);
  });

  it('serves HTML files from distDir to the sidebar, and captures logs', () => {
    const { execution, call } = load();
    call('sidebar');
    call('logs');
    expect(execution.ui.sidebars).toEqual([{ title: 'Chat Roster', html: '<h1>Chat Roster</h1>' }]);
    expect(execution.logs).toEqual(['a b', 'c 1']);
  });
});

describe('Utilities and Session', () => {
  it('formats dates in a time zone and sleeps on the virtual clock', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const { Utilities, Session } = typed(world.startExecution({ user: 'admin@example.com', locale: 'es' }));
    expect(Utilities.formatDate(new Date(START), 'America/New_York', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2026-01-05T09:00:00');
    expect(Utilities.formatDate(new Date(START), 'Asia/Kolkata', 'dd/MM/yy HH:mm Z')).toBe('05/01/26 19:30 +0530');
    Utilities.sleep(5000);
    expect(world.google.clock.now()).toBe(START + 5000);
    expect(Session.getActiveUserLocale()).toBe('es');
    expect(Session.getEffectiveUser().getEmail()).toBe('admin@example.com');
    expect(Utilities.getUuid()).not.toBe(Utilities.getUuid());
  });
});
