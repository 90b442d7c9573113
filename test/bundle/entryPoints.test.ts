/**
 * The built dist/Code.js is what Apps Script runs: every entry point of DESIGN.md §2 built so far must be
 * a top-level function (menus, triggers and google.script.run see nothing else), and the bundle must not
 * need anything Apps Script lacks (Node built-ins, require, module).
 */
import { CODE_LIMIT_BYTES } from '../../scripts/bench/targets';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script, createContext } from 'node:vm';

const dist = join(__dirname, '../../dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');

/** DESIGN.md §2. */
const ENTRY_POINTS = [
  'onOpen', 'onInstall', 'showSidebar', 'setupRosterSheet', 'previewRoster', 'provisionRoster',
  'nightlySync', 'installNightlySync', 'removeNightlySync', 'importMemberships',
];

describe('dist/Code.js', () => {
  it('declares every entry point as a top-level function in a bare V8 context', () => {
    const context = createContext({});
    new Script(code, { filename: 'Code.js' }).runInContext(context);
    for (const name of ENTRY_POINTS) {
      expect(typeof (context as Record<string, unknown>)[name]).toBe('function');
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('requires no Node built-in and no module system', () => {
    expect(code).not.toMatch(/\brequire\(\s*["']/);
    expect(code).not.toMatch(/\bmodule\.exports\b/);
    expect(code).not.toMatch(/["']node:/);
  });

  it('stays under its size cap and unminified (readable stack traces)', () => {
    expect(statSync(join(dist, 'Code.js')).size).toBeLessThan(CODE_LIMIT_BYTES);
    expect(code.split('\n').length).toBeGreaterThan(100);
  });

  it('ships a manifest with V8, the advanced services, explicit scopes and the Chat and Directory URL allowlist', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    const services = manifest.dependencies.enabledAdvancedServices.map((s: { serviceId: string }) => s.serviceId);
    expect(services).toEqual(expect.arrayContaining(['chat', 'admin']));
    expect(manifest.oauthScopes).toEqual(expect.arrayContaining([
      'https://www.googleapis.com/auth/chat.memberships',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]));
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.urlFetchWhitelist).toEqual(['https://chat.googleapis.com/', 'https://admin.googleapis.com/']);
  });
});
