/**
 * The shipped manifest's scopes, and nothing else: the built bundle loaded with exactly the scopes
 * appsscript.json asks for (every one granted) drives every entry point of src/gas/main.ts — the
 * menu, the sidebar, setup, checkSetup, preview, apply (with admin access too), the nightly sync — and
 * none meets Apps Script's "You do not have permission to call …" or a missing-permission sentence.
 * A scope missing from the manifest makes some step here (or another bundle test) fail.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppsScriptWorld, readManifest } from '../../emulator/gas/world';
import { Google } from '../../emulator/google';
import { ADMIN_SENTENCE_PREFIX } from '../../src/shared/sentences';
import type { LiveProgress, RunReport } from '../../src/shared/report';
import type { SetupReport } from '../../src/shared/setup';
import { ADMIN, ROSTER_CASES, testOrg } from './org';
import { execute } from './workload';

const DIST = resolve('dist');
const HEADERS = ['Member', 'Space', 'Role', 'Action', 'Status', 'Details', 'Updated'];

interface Step {
  name: string;
  args?: unknown[];
  trigger?: boolean;
  authMode?: 'NONE' | 'FULL';
}

/** Every entry point, in the order an administrator meets them. */
const STEPS: Step[] = [
  { name: 'onInstall', authMode: 'FULL' },
  { name: 'onOpen', authMode: 'NONE' },
  { name: 'setupRosterSheet' },
  { name: 'showSidebar' },
  { name: 'getSidebarState' },
  { name: 'showCheckSetup' },
  { name: 'showImport' },
  { name: 'checkSetup' },
  { name: 'showPreview' },
  { name: 'previewRoster' },
  { name: 'showProvision' },
  { name: 'provisionRoster' },
  { name: 'getProgress' },
  { name: 'importMemberships', args: [[]] },
  { name: 'stopRun' },
  { name: 'installNightlySync', args: [2] },
  { name: 'nightlySync', trigger: true },
  { name: 'setAdminAccess', args: [true] },
  { name: 'checkSetup' },
  { name: 'previewRoster' },
  { name: 'provisionRoster' },
  { name: 'importMemberships', args: [[]] },
  { name: 'setAdminAccess', args: [false] },
  { name: 'removeNightlySync' },
];

/** The exports of main.ts: the top-level functions Apps Script sees. */
function entryPoints(): string[] {
  const main = readFileSync('src/gas/main.ts', 'utf8');
  return [...main.matchAll(/^export \{([^}]+)\}/gm)].flatMap((match) => match[1].split(',').map((name) => name.trim()));
}

describe('the shipped manifest’s scopes', () => {
  const manifest = readManifest(DIST)!;
  const google = new Google({ seed: testOrg() });
  const world = new AppsScriptWorld(google, { manifest, distDir: DIST });
  world.spreadsheet.setSheet('Roster', [HEADERS, ...ROSTER_CASES.map((c) => [...c.cells, '', '', ''])]);
  const results = STEPS.map((step) => ({
    step,
    result: execute<unknown>(world, step.name, step.args ?? [], { user: ADMIN, fromTrigger: step.trigger, authMode: step.authMode }),
  }));

  it('drives every entry point of main.ts', () => {
    expect(new Set(STEPS.map((step) => step.name))).toEqual(new Set(entryPoints()));
  });

  it.each(results.map(({ step, result }, index) => [index, step.name, result] as const))('step %i, %s: no permission error', (_index, _name, result) => {
    expect(result.error ?? '').not.toMatch(/You do not have permission|Required permissions|Authorization is required/);
    expect(result.error).toBeUndefined();
    const message = typeof result.value === 'object' && result.value !== null && 'message' in result.value ? String(result.value.message) : '';
    expect(message.startsWith(ADMIN_SENTENCE_PREFIX)).toBe(false);
  });

  it('checkSetup finds nothing wrong but the roster’s own bad spaces, with admin access off and on', () => {
    const reports = results.filter(({ step }) => step.name === 'checkSetup').map(({ result }) => result.value as SetupReport);
    const failed = (report: SetupReport) => report.checks.filter((check) => check.outcome === 'failed').map((check) => check.name);
    const badSpaces = ['Spaces in the roster', 'Space "spaces/AAAAnope"', 'Space "No Such Space"'];
    expect(reports.map(failed)).toEqual([
      [...badSpaces, 'Space "spaces/AAAAfinance"'], // the administrator is not in Finance…
      badSpaces, // …which admin access reaches
    ]);
  });

  it('the sidebar can poll the Apply\'s progress', () => {
    const polled = results.find(({ step }) => step.name === 'getProgress')?.result.value as LiveProgress | null;
    expect(polled).toMatchObject({ phase: 'done', report: { pending: 0 } });
  });

  it('the runs did their work', () => {
    const applied = results.filter(({ step }) => step.name === 'provisionRoster').map(({ result }) => result.value as RunReport);
    expect(applied[0].done).toBeGreaterThan(0);
    expect(applied[0].counts.ADDED).toBeGreaterThan(0);
  });
});
