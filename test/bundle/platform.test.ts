/**
 * What the audit of the first real deploy found in the Apps Script adapters (issue 9), through the built
 * bundle: stamps in the spreadsheet's time zone, a readable failure where Apps Script gives no document,
 * no sleep longer than Utilities.sleep allows, and admin access as each administrator's own setting.
 */
import type { Execution } from '../../emulator/gas/world';
import type { RunReport } from '../../src/shared/report';
import type { SidebarState } from '../../src/shared/sidebar';
import { ADMIN, execute, logRows, makeWorkload, newWorld, sheetRows } from './workload';

// The script's zone is America/New_York (appsscript.json); the clock starts at 2026-11-23 09:00 UTC.
const SHEET_ZONE = 'Asia/Tokyo';

describe('stamps', () => {
  it('are in the spreadsheet’s time zone, which they name, in the roster and in the log', () => {
    const { world } = newWorld(makeWorkload({ spaces: 1, usersPerSpace: 3 }), { timeZone: SHEET_ZONE });
    const result = execute<RunReport>(world, 'provisionRoster', [], { user: ADMIN });
    expect(result.value?.pending).toBe(0);
    // 18:00 in Tokyo; New York would read 04:00.
    for (const row of sheetRows(world)) expect(String(row.updated)).toMatch(/^2026-11-23 18:0\d:\d\d Asia\/Tokyo$/);
    const [log] = logRows(world);
    expect(log.Started).toMatch(/^2026-11-23 18:0\d:\d\d Asia\/Tokyo$/);
    expect(log.Finished).toMatch(/^2026-11-23 18:0\d:\d\d Asia\/Tokyo$/);
  });
});

describe('the spreadsheet’s time zone', () => {
  it('is read from Sheets once, then from the document cache: no Sheets round trip per execution for it', () => {
    const { world } = newWorld(makeWorkload({ spaces: 1, usersPerSpace: 3 }), { timeZone: SHEET_ZONE });
    const zoneReads = (): number => {
      let execution: Execution | undefined;
      const result = execute<RunReport>(world, 'previewRoster', [], { user: ADMIN, beforeLoad: (begun) => { execution = begun; } });
      expect(result.error).toBeUndefined();
      return execution?.counters.sheets.getSpreadsheetTimeZone ?? 0;
    };
    expect(zoneReads()).toBe(0); // Set up roster sheet read it
    world.documentCache.evictAll();
    expect(zoneReads()).toBe(1);
    expect(zoneReads()).toBe(0);
  });
});

describe('without a containing document', () => {
  const { google, world } = newWorld(makeWorkload({ spaces: 1, usersPerSpace: 3 }));

  it.each(['previewRoster', 'provisionRoster', 'nightlySync'])('%s says so in a sentence and changes nothing', (name) => {
    const writes = google.writes().length;
    // No containing document (reference/first-deploy.md §2): the document lock and properties are null.
    const result = execute<RunReport>(world, name, [], { user: ADMIN, fromTrigger: name === 'nightlySync', container: false });
    expect(result.error).toBeUndefined();
    expect(result.value?.message).toMatch(/^Chat Roster needs its spreadsheet, but Apps Script gave this run no document (lock|properties)\./);
    expect(google.writes().length).toBe(writes);
  });

  it('the sidebar gets the same sentence, not a TypeError', () => {
    const result = execute<SidebarState>(world, 'getSidebarState', [], { user: ADMIN, container: false });
    expect(result.error).toMatch(/^Chat Roster needs its spreadsheet/);
  });
});

describe('a long Retry-After', () => {
  it('never makes the script ask Utilities.sleep for more than 300,000 ms; the row waits for the next execution', () => {
    const { google, world } = newWorld(makeWorkload({ spaces: 1, usersPerSpace: 3 }));
    google.injectFault({ methodId: 'chat.spaces.members.create', code: 429, times: 1, retryAfterSeconds: 3600 });
    const asked: number[] = [];
    const result = execute<RunReport>(world, 'provisionRoster', [], {
      user: ADMIN,
      beforeLoad: ({ globals }) => {
        const utilities = globals.Utilities as { sleep(ms: number): void };
        globals.Utilities = { ...utilities, sleep: (ms: number) => { asked.push(ms); utilities.sleep(ms); } };
      },
    });
    expect(result.error).toBeUndefined();
    expect(Math.max(0, ...asked)).toBeLessThanOrEqual(300_000);
    expect(result.value?.pending).toBe(1);
    expect(result.value?.counts.ADDED).toBe(2);
  });
});

describe('admin access', () => {
  it('is each administrator’s own setting: turning it on leaves other editors as they were', () => {
    const { world } = newWorld(makeWorkload({ spaces: 1, usersPerSpace: 3 }));
    const other = 'editor@example.com';
    expect(execute(world, 'setAdminAccess', [true], { user: ADMIN }).error).toBeUndefined();
    expect(execute<SidebarState>(world, 'getSidebarState', [], { user: ADMIN }).value?.adminAccess).toBe(true);
    expect(execute<SidebarState>(world, 'getSidebarState', [], { user: other }).value?.adminAccess).toBe(false);
  });

  it('without the admin privilege ends in one sentence before any row, not an error on every row', () => {
    const workload = makeWorkload({ spaces: 2, usersPerSpace: 3 });
    const { google, world } = newWorld(workload);
    const plainUser = workload.rows[0].member;
    expect(execute(world, 'setAdminAccess', [true], { user: plainUser }).error).toBeUndefined();
    const result = execute<RunReport>(world, 'previewRoster', [], { user: plainUser });
    expect(result.value?.message).toMatch(/^Admin access is on, but Google refused it: your account needs the "Manage chat and spaces conversations" admin privilege/);
    expect(sheetRows(world).every((row) => row.status === '')).toBe(true);
    expect(google.calls.map((call) => call.methodId)).toEqual(['chat.spaces.search']);
  });
});
