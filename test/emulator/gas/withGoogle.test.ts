/** The fakes over the real emulated Google: what a script sees when it gets the wire format wrong or right. */
import { Google } from '../../../emulator/google';
import type { OrgSeed } from '../../../emulator/seed';
import { AppsScriptWorld, typed } from '../../../emulator/gas/world';

const ADMIN = 'admin@example.com';
const API = 'https://chat.googleapis.com/v1/';

const org: OrgSeed = {
  domain: 'example.com',
  users: [{ id: '100', email: ADMIN, chatAdmin: true }, { id: '101', email: 'ann@example.com' }],
  groups: [],
  spaces: [{ id: 'AAA', displayName: 'Team', spaceType: 'SPACE', members: [{ email: ADMIN, role: 'ROLE_MANAGER' }] }],
};

function setup(locale: 'en' | 'es' = 'en') {
  const google = new Google({ seed: org, latencyMs: 250 });
  const world = new AppsScriptWorld(google);
  return { google, world, ...typed(world.startExecution({ user: ADMIN, locale })) };
}

describe('Apps Script fakes over the emulated Google', () => {
  it('a plain-object payload goes as form fields and Google answers 400; a JSON string creates the member', () => {
    const { google, UrlFetchApp, ScriptApp } = setup();
    const request = (payload: GoogleAppsScript.URL_Fetch.Payload): GoogleAppsScript.URL_Fetch.URLFetchRequest => ({
      url: `${API}spaces/AAA/members`, method: 'post', contentType: 'application/json', muteHttpExceptions: true,
      headers: { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` }, payload,
    });
    const member = { member: { name: 'users/ann@example.com', type: 'HUMAN' } };
    const [asForm, asJson] = UrlFetchApp.fetchAll([request(member as unknown as GoogleAppsScript.URL_Fetch.Payload), request(JSON.stringify(member))]);
    expect(asForm.getResponseCode()).toBe(400);
    expect(JSON.parse(asForm.getContentText()).error.status).toBe('INVALID_ARGUMENT');
    expect(asJson.getResponseCode()).toBe(200);
    expect(google.calls.map((call) => [call.methodId, call.status])).toEqual([
      ['chat.spaces.members.create', 400],
      ['chat.spaces.members.create', 200],
    ]);
  });

  it('the advanced service carries the user token and localizes Google\'s error message', () => {
    const { Chat } = setup('es');
    expect(Chat.Spaces.get('spaces/AAA').displayName).toBe('Team');
    let message = '';
    try {
      Chat.Spaces.Members.get('spaces/NOPE/members/ann@example.com');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^No se ha podido llamar a la API chat\.spaces\.members\.get; error: \S/);
  });

  it('a token from a world granted fewer scopes is refused by Google', () => {
    const google = new Google({ seed: org });
    const world = new AppsScriptWorld(google, { scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    const { Chat } = typed(world.startExecution({ user: ADMIN }));
    expect(() => Chat.Spaces.get('spaces/AAA')).toThrow(/^API call to chat\.spaces\.get failed with error: /);
  });
});
