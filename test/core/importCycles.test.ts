/**
 * No import cycle anywhere in src/: every .ts file's relative imports (type-only imports and re-exports
 * included) form a graph with no way back, so each file can be read, tested and moved after what it uses.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { codeOf, ROOT, sourceFiles } from '../sourceFiles';

const root = ROOT;



/** The relative paths a source imports or re-exports from: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function relativeSpecs(source: string): string[] {
  return [
    ...source.matchAll(/\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]).filter((spec) => spec.startsWith('.'));
}

/** The files `file` imports (type-only imports included: a cycle of types is a cycle of meaning). */
function relativeImports(file: string): string[] {
  return relativeSpecs(codeOf(file)).flatMap((spec) => {
    const base = resolve(dirname(file), spec);
    const found = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    return found ? [found] : [];
  });
}

/** The cycles a depth-first walk of `graph` meets (at least one in every tangle), each as a path that ends where it starts. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...path.slice(path.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join('\n');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('src/ imports', () => {
  it('form no cycle', () => {
    const graph = new Map(sourceFiles(join(root, 'src')).map((file) => [file, relativeImports(file)]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(root, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []]]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(relativeSpecs("import type { A,\n  B } from './model';\nexport { C } from '../z';\nimport './side';\nimport { D } from 'lib';"))
      .toEqual(['./model', '../z', './side']);
  });
});
