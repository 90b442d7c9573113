// Builds the sidebar into ONE self-contained file, dist/Sidebar.html (Apps Script serves no separate JS
// or CSS files): src/ui/main.ts bundled by esbuild (IIFE, es2019) and src/ui/sidebar.css, both inlined
// into src/ui/sidebar.html at its "build-ui" markers. Run on its own (node scripts/build-ui.mjs) or from
// scripts/build.mjs.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ui = join(root, 'src/ui');
const dist = join(root, 'dist');

const CSS_MARK = '<!-- build-ui: css -->';
const JS_MARK = '<!-- build-ui: js -->';

const common = { bundle: true, write: false, logLevel: 'warning', charset: 'ascii', legalComments: 'none' };

const js = await build({
  ...common,
  entryPoints: [join(ui, 'main.ts')],
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  minify: false,
});
const css = await build({
  ...common,
  entryPoints: [join(ui, 'sidebar.css')],
  loader: { '.css': 'css' },
  target: ['chrome80', 'firefox78', 'safari13'],
  minify: true,
});

/**
 * Makes script text safe inside <script>…</script>: "</script", "<!--" and "<?" never appear raw.
 * "\x3C" is "<" in every JS context those sequences can occur in (string, template, regular
 * expression, comment), so the code means the same. "<?" matters because HtmlService reads it as a
 * scriptlet in templates.
 */
export function inlineScript(code) {
  return code.replace(/<(?=\/script|!--|\?)/gi, '\\x3C');
}

/** CSS has no escape that works everywhere, so anything that could close the element fails the build. */
export function inlineStyle(code) {
  if (/<\/style|<!--|<\?/i.test(code)) throw new Error('src/ui/sidebar.css contains "</style", "<!--" or "<?": remove it.');
  return code;
}

const shell = readFileSync(join(ui, 'sidebar.html'), 'utf8');
for (const mark of [CSS_MARK, JS_MARK]) {
  if (shell.split(mark).length !== 2) throw new Error(`src/ui/sidebar.html must contain ${mark} exactly once.`);
}
if (shell.includes('<?')) throw new Error('src/ui/sidebar.html contains "<?", which HtmlService reads as a scriptlet.');

const script = inlineScript(js.outputFiles[0].text).trimEnd();
const style = inlineStyle(css.outputFiles[0].text).trimEnd();
// Function replacers: "$&" and friends in the code must not be read as replacement patterns.
const page = shell
  .replace(CSS_MARK, () => `<style>\n${style}\n</style>`)
  .replace(JS_MARK, () => `<script>\n${script}\n</script>`);

const scriptClosers = page.match(/<\/script/gi)?.length ?? 0;
if (scriptClosers !== 1 || page.includes('<?')) throw new Error('dist/Sidebar.html: inlining produced an unsafe page.');

mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'Sidebar.html'), page);
console.log(`dist/Sidebar.html ${(page.length / 1024).toFixed(1)} KB`);
