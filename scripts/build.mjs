// Builds the Apps Script project into dist/ (the clasp rootDir):
//   Code.js          one IIFE bundle of src/gas/main.ts, then one top-level forwarding function per export,
//                    because triggers, menus and google.script.run only see top-level function declarations
//   appsscript.json  the manifest, copied from the project root
import { build } from 'esbuild';
import { withoutIndentation } from './indentation.mjs';
import { mkdirSync, writeFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entry = join(root, 'src/gas/main.ts');
const globalName = 'ChatRoster';

const common = { entryPoints: [entry], bundle: true, platform: 'neutral', target: 'es2020', minify: false, write: false, logLevel: 'warning', mainFields: ['module', 'main'] };

// The export list comes from an ESM build's metafile, so main.ts stays the one list of entry points.
const probe = await build({ ...common, format: 'esm', metafile: true });
const exportsOf = Object.values(probe.metafile.outputs).flatMap((o) => o.exports ?? []);

const bundle = await build({ ...common, format: 'iife', globalName });
const forwarders = exportsOf
  .map((name) => `function ${name}(...args) {\n  return ${globalName}.${name}(...args);\n}`)
  .join('\n\n');
const code = await withoutIndentation(`${bundle.outputFiles[0].text}\n// Entry points: Apps Script finds only top-level function declarations.\n${forwarders}\n`);

mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
if (existsSync(join(root, 'scripts/build-ui.mjs'))) await import('./build-ui.mjs');
console.log(`dist/Code.js ${(code.length / 1024).toFixed(1)} KB, entry points: ${exportsOf.join(', ')}; files: ${readdirSync(dist).join(', ')}`);
