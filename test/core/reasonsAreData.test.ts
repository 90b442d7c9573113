/**
 * Reasons are data (DESIGN.md §1): no code in src/ decides anything by reading a Details sentence — no
 * comparison with one, no string test on one (startsWith, includes, a regex…), no switch over one. Code
 * decides by reason codes (model.ts); details.ts turns them into the sentences an administrator reads.
 */
import { join, relative } from 'node:path';
import { codeOf, ROOT, sourceFiles } from '../sourceFiles';

const root = ROOT;



/** Something that holds a sentence: `details`, `x.details`, `FOO_DETAILS`, `detailsOf(…)`, a Parsed `.reason` sentence. */
const SENTENCE = String.raw`(?:[\w$.]*\bdetails\b|\b[A-Z][A-Z0-9_]*_DETAILS\b|\bdetailsOf\([^()]*\))`;
const COMPARE = String.raw`(?:===|!==|==|!=)`;
const STRING_TEST = String.raw`(?:startsWith|endsWith|includes|indexOf|lastIndexOf|match|matchAll|search|replace|replaceAll|localeCompare|split|slice|substring|substr|at|charAt|charCodeAt|codePointAt|trim|toLowerCase|toUpperCase)`;

/** Ways of deciding by a sentence, each with what it looks like. */
const DECIDING_BY_PROSE: [string, RegExp][] = [
  ['compares a sentence', new RegExp(String.raw`${SENTENCE}\s*${COMPARE}|${COMPARE}\s*${SENTENCE}`)],
  ['tests a sentence as a string', new RegExp(String.raw`${SENTENCE}\s*(?:\?\.|\.)\s*${STRING_TEST}\b`)],
  ['tests a reason string as a string', new RegExp(String.raw`\.reason\s*(?:\?\.|\.)\s*${STRING_TEST}\b`)],
  ['runs a regex on a sentence', new RegExp(String.raw`\.(?:test|exec)\(\s*${SENTENCE}`)],
  ['switches on a sentence', new RegExp(String.raw`\bswitch\s*\(\s*${SENTENCE}\s*\)`)],
  ['keys a map or set by a sentence', new RegExp(String.raw`\.(?:has|get)\(\s*${SENTENCE}\s*\)`)],
];

/** Each offending line of `source`, as "file:line: what — the line". */
export function proseDecisions(name: string, source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    for (const [what, pattern] of DECIDING_BY_PROSE) {
      if (pattern.test(line)) found.push(`${name}:${index + 1}: ${what} — ${line.trim()}`);
    }
  });
  return found;
}

describe('src/', () => {
  it('decides nothing by reading a Details sentence', () => {
    const found = sourceFiles(join(root, 'src')).flatMap((file) => proseDecisions(relative(root, file), codeOf(file)));
    expect(found).toEqual([]);
  });

  it.each([
    "const added = rows.filter((row) => row.details === ADDED_ROLE_PENDING_DETAILS);",
    "if (outcome.details.startsWith('Already a member as ')) done();",
    "if (PENDING_DETAILS !== cell) return;",
    "const late = /^Queued/.test(row.details);",
    "switch (outcome.details) { default: }",
    "if (detailsOf(outcome) === 'Not in the space') skip();",
    "if (parsed.reason.includes('empty')) skip();",
    "if (notes.has(outcome.details)) skip();",
  ])('catches %s', (line) => {
    expect(proseDecisions('x.ts', line)).toHaveLength(1);
  });

  it.each([
    "const changed = column.value(cells) !== read(row, column.index);",
    "if (outcome.reason === 'queuedRolePatch') notes.add(outcome.sheetRow);",
    "return { sheetRow, status, details: detailsOf(outcome) };",
  ])('lets %s be', (line) => {
    expect(proseDecisions('x.ts', line)).toEqual([]);
  });
});
