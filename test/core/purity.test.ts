/**
 * The core stays portable: it imports only itself, src/shared and Chat types, and names no Apps Script
 * global, so the same rules run in Apps Script, in Node tests and in the workbench. No `any` in src/.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { codeOf, ROOT, sourceFiles } from '../sourceFiles';

const root = ROOT;


const coreFiles = sourceFiles(join(root, 'src/core'));


describe('src/core', () => {
  it.each(coreFiles.map((file) => [relative(root, file), file]))('%s imports only core, shared and Chat types', (_name, file) => {
    const source = codeOf(file);
    const imports = [...source.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((match) => match[1]);
    for (const spec of imports) {
      // A relative import must land in src/core or src/shared, from whichever stage folder it is written.
      const target = spec.startsWith('.') ? relative(join(root, 'src'), resolve(dirname(file), spec)) : '';
      const allowed = target.startsWith('core/') || target.startsWith('shared/') || spec === '@googleapis/chat';
      expect({ file: relative(root, file), spec, allowed }).toEqual({ file: relative(root, file), spec, allowed: true });
    }
    expect(source).not.toMatch(/\b(SpreadsheetApp|UrlFetchApp|PropertiesService|LockService|ScriptApp|HtmlService|Session|Utilities|AdminDirectory)\./);
    expect(source).not.toMatch(/import\s+\{[^}]*\}\s+from\s+['"]@googleapis\/chat['"]/);
  });
});

describe('src/', () => {
  it('uses no `any`', () => {
    const offenders = sourceFiles(join(root, 'src')).filter((file) => /(:\s*any\b|as any\b|<any>)/.test(codeOf(file)));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});
