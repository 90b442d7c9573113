/**
 * Least privilege (DESIGN.md §6): appsscript.json asks for exactly the scopes README.md lists and explains
 * (its "OAuth scopes and why" table), and exactly the scopes of src/gas/consent.ts's catalogue, which every
 * entry point checks. A scope added to one of the three without the others fails here.
 */
import { readFileSync } from 'node:fs';
import { SCOPES } from '../../src/gas/consent';

const AUTH = 'https://www.googleapis.com/auth/';

/** The manifest's oauthScopes, short names (`chat.memberships`). */
function manifestScopes(manifestText: string): string[] {
  const manifest = JSON.parse(manifestText) as { oauthScopes?: unknown };
  const scopes = Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : [];
  return scopes.map((scope) => (scope.startsWith(AUTH) ? scope.slice(AUTH.length) : scope));
}

interface ReadmeRow { scopes: string[]; why: string }

/** The rows of README's "OAuth scopes and why" table: the backticked scopes of the first cell, and the second cell. */
function readmeRows(readme: string): ReadmeRow[] {
  const section = /^#+ OAuth scopes and why\s*$([\s\S]*?)(?=^#+ )/m.exec(readme)?.[1] ?? '';
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  // Header and separator rows first.
  return lines.slice(2).map((line) => {
    const [first = '', why = ''] = line.split('|').slice(1).map((cell) => cell.trim());
    return { scopes: [...first.matchAll(/`([^`]+)`/g)].map((match) => match[1]), why };
  });
}

/** What is in one set and not in another, as readable lines (empty: the three agree). */
function differences(sets: Record<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [name, scopes] of Object.entries(sets)) {
    for (const [other, others] of Object.entries(sets)) {
      if (other === name) continue;
      for (const scope of scopes) if (!others.includes(scope)) found.push(`${scope}: in ${name}, not in ${other}`);
    }
  }
  return found;
}

const manifestText = readFileSync('appsscript.json', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const catalogue = Object.values(SCOPES).map((use) => use.scope.slice(AUTH.length));

describe('least privilege: the manifest, README and the consent catalogue name the same scopes', () => {
  const rows = readmeRows(readme);

  it('finds README’s scopes table', () => {
    expect(rows.length).toBeGreaterThan(5);
  });

  it('explains every scope README lists', () => {
    for (const row of rows) {
      expect(row.scopes.length).toBeGreaterThan(0);
      expect(row.why.length).toBeGreaterThan(20);
    }
  });

  it('lists each scope once in each place', () => {
    const readmeScopes = rows.flatMap((row) => row.scopes);
    expect(new Set(readmeScopes).size).toBe(readmeScopes.length);
    expect(new Set(manifestScopes(manifestText)).size).toBe(manifestScopes(manifestText).length);
    expect(new Set(catalogue).size).toBe(catalogue.length);
  });

  it('asks for exactly the scopes README explains and consent.ts checks', () => {
    expect(differences({
      'appsscript.json': manifestScopes(manifestText),
      'README.md': rows.flatMap((row) => row.scopes),
      'consent.ts': catalogue,
    })).toEqual([]);
  });

  it('would fail for a scope added to the manifest without a README row', () => {
    const manifest = JSON.parse(manifestText) as { oauthScopes: string[] };
    const widened = JSON.stringify({ ...manifest, oauthScopes: [...manifest.oauthScopes, `${AUTH}drive`] });
    expect(differences({
      'appsscript.json': manifestScopes(widened),
      'README.md': rows.flatMap((row) => row.scopes),
      'consent.ts': catalogue,
    })).toEqual(['drive: in appsscript.json, not in README.md', 'drive: in appsscript.json, not in consent.ts']);
  });
});
