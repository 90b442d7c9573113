/** UrlFetchApp fake: request translation, latency, HTTP exceptions, limits, and the execution's kill switches. */
import { AppsScriptWorld, typed } from '../../../emulator/gas/world';
import { StubGoogle } from './stubGoogle';

const USER = 'admin@example.com';
const API = 'https://chat.googleapis.com/v1/';

function setup(options: Parameters<AppsScriptWorld['startExecution']>[0] = { user: USER }) {
  const google = new StubGoogle();
  const world = new AppsScriptWorld(google);
  const execution = world.startExecution(options);
  return { google, world, execution, UrlFetchApp: typed(execution).UrlFetchApp };
}

describe('UrlFetchApp.fetch', () => {
  it('sends a JSON string payload with its content type, the bearer header and a lower-cased header map', () => {
    const { google, UrlFetchApp } = setup();
    const response = UrlFetchApp.fetch(`${API}spaces/A/members`, {
      method: 'post', contentType: 'application/json', headers: { Authorization: 'Bearer t' },
      payload: JSON.stringify({ member: { name: 'users/1', type: 'HUMAN' } }),
    });
    expect(response.getResponseCode()).toBe(200);
    const sent = google.requests[0].request;
    expect(sent.method).toBe('POST');
    expect(sent.headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json' });
    expect(JSON.parse(sent.body!)).toEqual({ member: { name: 'users/1', type: 'HUMAN' } });
    expect(response.getHeaders()).toHaveProperty('Content-Type');
  });

  it('sends a plain-object payload as form fields, which a JSON API refuses with 400', () => {
    const { google, UrlFetchApp } = setup();
    const response = UrlFetchApp.fetch(`${API}spaces/A/members`, {
      method: 'post', contentType: 'application/json', muteHttpExceptions: true,
      payload: { member: 'users/1' } as unknown as GoogleAppsScript.URL_Fetch.Payload,
    });
    expect(google.requests[0].request.body).toBe('member=users%2F1');
    expect(response.getResponseCode()).toBe(400);
  });

  it('defaults the content type of a payload to form encoding', () => {
    const { google, UrlFetchApp } = setup();
    UrlFetchApp.fetch(`${API}x`, { method: 'post', payload: 'a=1', muteHttpExceptions: true });
    expect(google.requests[0].request.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('throws on a failure status unless muteHttpExceptions, naming the origin, code and a truncated body', () => {
    const { UrlFetchApp } = setup();
    let thrown: unknown;
    try {
      UrlFetchApp.fetch(`${API}spaces/A/members/missing`);
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/^Exception: Request failed for https:\/\/chat\.googleapis\.com returned code 404\. Truncated server response: \{"error".*\(use muteHttpExceptions option to examine full response\)$/);
    expect(UrlFetchApp.fetch(`${API}spaces/A/members/missing`, { muteHttpExceptions: true }).getResponseCode()).toBe(404);
  });

  it('advances the clock by one latency per fetch', () => {
    const { google, UrlFetchApp } = setup();
    const start = google.clock.now();
    UrlFetchApp.fetch(`${API}a`);
    UrlFetchApp.fetch(`${API}b`);
    expect(google.clock.now() - start).toBe(600);
  });

  it('refuses URLs over 2 KB and outside the manifest allowlist', () => {
    const { world, UrlFetchApp } = setup();
    expect(() => UrlFetchApp.fetch(`${API}${'a'.repeat(2048)}`)).toThrow('Limit Exceeded: URLFetch URL Length.');
    world.urlFetchWhitelist = ['https://chat.googleapis.com/'];
    expect(() => UrlFetchApp.fetch('https://example.com/')).toThrow('urlFetchWhitelist');
    expect(UrlFetchApp.fetch(`${API}ok`).getResponseCode()).toBe(200);
  });

  it('escapes by default, encoding % again (an already encoded URL needs escaping: false)', () => {
    const { google, UrlFetchApp } = setup();
    UrlFetchApp.fetch(`${API}spaces/A/members/a%40b.com`);
    UrlFetchApp.fetch(`${API}spaces/A/members/a%40b.com`, { escaping: false });
    expect(google.requests.map((r) => r.request.url)).toEqual([`${API}spaces/A/members/a%2540b.com`, `${API}spaces/A/members/a%40b.com`]);
  });

  it('needs the external_request scope', () => {
    const world = new AppsScriptWorld(new StubGoogle(), { scopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    const { UrlFetchApp } = typed(world.startExecution({ user: USER }));
    expect(() => UrlFetchApp.fetch(`${API}a`)).toThrow('You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request');
  });

  it('stops at the daily quota of 100,000 calls per user', () => {
    const { world, UrlFetchApp } = setup();
    for (let i = 0; i < 100_000; i++) world.urlFetchQuota.spend(USER, world.google.clock.now());
    expect(() => UrlFetchApp.fetch(`${API}a`)).toThrow('Service invoked too many times for one day: urlfetch.');
  });
});

describe('UrlFetchApp.fetchAll', () => {
  it('sends every request at the same instant and advances the clock once', () => {
    const { google, execution, UrlFetchApp } = setup();
    const start = google.clock.now();
    const responses = UrlFetchApp.fetchAll(['a', 'b', 'c', 'd', 'e'].map((p) => ({ url: `${API}${p}`, muteHttpExceptions: true })));
    expect(responses.map((r) => JSON.parse(r.getContentText()).url)).toEqual(['a', 'b', 'c', 'd', 'e'].map((p) => `${API}${p}`));
    expect(google.requests.every((r) => r.at === start)).toBe(true);
    expect(google.clock.now() - start).toBe(300);
    expect(execution.counters.urlFetchCalls).toBe(5);
  });

  it('throws after sending all when one fails without muteHttpExceptions', () => {
    const { google, UrlFetchApp } = setup();
    expect(() => UrlFetchApp.fetchAll([`${API}a`, `${API}x/missing`, `${API}b`])).toThrow('returned code 404');
    expect(google.requests).toHaveLength(3);
  });
});

describe('transport faults', () => {
  it('a fetchAll with a matching request throws after every request of the batch reached Google', () => {
    const { google, world, UrlFetchApp } = setup();
    world.transportFaults.add({ urlIncludes: '/members', times: 1 });
    const batch = [`${API}a`, `${API}spaces/A/members`, `${API}b`].map((url) => ({ url, muteHttpExceptions: true }));
    expect(() => UrlFetchApp.fetchAll(batch)).toThrow(`Address unavailable: ${API}spaces/A/members`);
    expect(google.requests).toHaveLength(3);
    expect(UrlFetchApp.fetchAll(batch)).toHaveLength(3);
    expect(world.transportFaults.fired).toBe(1);
  });

  it('a fetch throws once sent, even with muteHttpExceptions; other URLs go through', () => {
    const { google, world, UrlFetchApp } = setup();
    world.transportFaults.add({ urlIncludes: 'spaces/B' });
    expect(UrlFetchApp.fetch(`${API}spaces/A`, { muteHttpExceptions: true }).getResponseCode()).toBe(200);
    expect(() => UrlFetchApp.fetch(`${API}spaces/B`, { muteHttpExceptions: true })).toThrow('Address unavailable');
    expect(google.requests).toHaveLength(2);
  });

  it('can break only the batches that hold a request of the given methods', () => {
    const { world, UrlFetchApp } = setup();
    world.transportFaults.add({ methods: ['POST'] });
    expect(UrlFetchApp.fetchAll([`${API}a`, `${API}b`])).toHaveLength(2);
    expect(() => UrlFetchApp.fetchAll([`${API}a`, { url: `${API}b`, method: 'post' }])).toThrow('Address unavailable');
  });

  it('a latency spike answers late, and past the time limit ends the execution', () => {
    const { google, world, UrlFetchApp } = setup();
    world.transportFaults.add({ delayMs: 60_000, times: 1 });
    const start = google.clock.now();
    expect(UrlFetchApp.fetchAll([`${API}a`, `${API}b`])).toHaveLength(2);
    expect(google.clock.now() - start).toBe(60_300);
    world.transportFaults.add({ delayMs: 6 * 60_000, times: 1 });
    expect(() => UrlFetchApp.fetch(`${API}c`)).toThrow('Exceeded maximum execution time');
  });
});

describe('the end of an execution', () => {
  it('killAtCall ends the execution before the k-th request; earlier requests of the batch are sent', () => {
    const { google, UrlFetchApp } = setup({ user: USER, killAtCall: 3 });
    UrlFetchApp.fetch(`${API}0`);
    expect(() => UrlFetchApp.fetchAll([1, 2, 3, 4].map((n) => `${API}${n}`))).toThrow('Exceeded maximum execution time');
    expect(google.requests.map((r) => r.request.url)).toEqual([0, 1, 2].map((n) => `${API}${n}`));
    expect(() => UrlFetchApp.fetch(`${API}5`)).toThrow('Exceeded maximum execution time');
    expect(google.requests).toHaveLength(3);
  });

  it('past the time limit every service call throws', () => {
    const { world, execution, UrlFetchApp } = setup({ user: USER, timeLimitMs: 1000 });
    const { Utilities, SpreadsheetApp } = typed(execution);
    UrlFetchApp.fetch(`${API}a`);
    Utilities.sleep(700);
    expect(() => Utilities.sleep(1)).toThrow('Exceeded maximum execution time');
    expect(() => SpreadsheetApp.getActive()).toThrow('Exceeded maximum execution time');
    expect(() => UrlFetchApp.fetch(`${API}b`)).toThrow('Exceeded maximum execution time');
    expect((world.google as StubGoogle).requests).toHaveLength(1);
  });

  it('a request whose reply arrives after the deadline is applied by Google but the script dies', () => {
    const { google, UrlFetchApp } = setup({ user: USER, timeLimitMs: 1000 });
    google.clock.advance(900);
    expect(() => UrlFetchApp.fetch(`${API}late`)).toThrow('Exceeded maximum execution time');
    expect(google.requests).toHaveLength(1);
  });
});
