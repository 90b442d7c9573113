// Runs a TypeScript script (demo, benchmark, workbench) in Node: esbuild bundles it, Node runs the bundle.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...args] = process.argv.slice(2);
// Inside the project, so the bundle's external packages resolve from node_modules.
const cacheDir = resolve('node_modules/.cache/run-ts');
mkdirSync(cacheDir, { recursive: true });
const outfile = join(cacheDir, basename(file).replace(/\.ts$/, '.cjs'));
const { outputFiles } = await build({ entryPoints: [resolve(file)], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, packages: 'external', sourcemap: 'inline', logLevel: 'warning', write: false });
// Written aside then renamed: two runs of one script at once (parallel tests) never import a half-written file.
const partial = `${outfile}.${process.pid}.tmp`;
writeFileSync(partial, outputFiles[0].contents);
renameSync(partial, outfile);
process.argv = [process.argv[0], resolve(file), ...args];
await import(pathToFileURL(outfile).href);
