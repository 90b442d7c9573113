/**
 * dist/Sidebar.html is what HtmlService serves (scripts/build-ui.mjs): one self-contained page, the
 * stable element ids the browser tests rely on, script text that can't close its element early, no
 * scriptlet marker, and server calls that exist as top-level functions of dist/Code.js.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

const root = join(__dirname, '../..');
const page = readFileSync(join(root, 'dist/Sidebar.html'), 'utf8');
const code = readFileSync(join(root, 'dist/Code.js'), 'utf8');
const uiDir = join(root, 'src/ui');
const sources = readdirSync(uiDir).filter((name) => name.endsWith('.ts')).map((name) => ({
  name, text: readFileSync(join(uiDir, name), 'utf8'),
}));

/** The hooks of the workbench's browser tests: keep them. */
const STABLE_IDS = [
  'summary', 'preview', 'apply', 'stop', 'resume', 'plan', 'progress', 'message', 'error',
  'nightly-toggle', 'nightly-hour', 'admin-access', 'recent-runs', 'setup',
];

describe('dist/Sidebar.html', () => {
  it('is one page with one inline script and one inline style, and loads nothing else', () => {
    expect(page.match(/<script\b/gi)).toHaveLength(1);
    expect(page.match(/<\/script/gi)).toHaveLength(1);
    expect(page.match(/<style\b/gi)).toHaveLength(1);
    expect(page).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/@import/i);
    expect(page).not.toContain('build-ui:');
  });

  it('has no HtmlService scriptlet marker', () => {
    expect(page).not.toContain('<?');
  });

  it('carries the stable ids, once each', () => {
    for (const id of STABLE_IDS) expect(page.split(`id="${id}"`)).toHaveLength(2);
  });

  it('inlines a script that compiles', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(page)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(1000);
    expect(() => new Script(script, { filename: 'Sidebar.js' })).not.toThrow();
  });

  it('gives every input a label', () => {
    for (const id of ['nightly-toggle', 'nightly-hour', 'admin-access']) expect(page).toContain(`<label for="${id}"`);
  });
});

describe('src/ui', () => {
  it('never parses data as HTML', () => {
    for (const { name, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ name, html: /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/.test(code) })
        .toEqual({ name, html: false });
    }
  });

  it('calls only server functions that dist/Code.js declares at top level', () => {
    const called = new Set(sources.flatMap(({ text }) => [...text.matchAll(/callServer\('(\w+)'/g)].map((match) => match[1])));
    expect(called.size).toBeGreaterThanOrEqual(8);
    for (const name of called) expect({ name, declared: new RegExp(`^function ${name}\\(`, 'm').test(code) }).toEqual({ name, declared: true });
  });
});
