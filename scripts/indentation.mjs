// The bundle without its indentation and esbuild's own comments (about an eighth of its bytes): one statement
// a line and every name kept, so a stack trace's line and function still read, unlike a minified bundle. A
// line that starts inside a template literal keeps its text (there the spaces are the string's). The comments
// dropped are the `// src/…` path markers and `/* @__PURE__ */` annotations, which only bundlers read.
// Checked, not trusted: the result must minify to exactly what the input minifies to, or the build fails.
import { transform } from 'esbuild';

const REGEX_AFTER = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '']);
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'case', 'in', 'of', 'new', 'delete', 'void', 'throw', 'else', 'do', 'instanceof', 'yield', 'await']);

/** The offsets at which each line starts inside a template literal's text. */
function linesInTemplates(text) {
  const inside = new Set();
  const braces = []; // per open `${`: the brace depth it closes at
  let depth = 0;
  let state = 'code';
  let last = ''; // the last significant code character, or word
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      if (state === 'template') inside.add(line);
      if (state === 'line') state = 'code';
      continue;
    }
    switch (state) {
      case 'line': continue;
      case 'block': if (c === '*' && text[i + 1] === '/') { state = 'code'; i++; } continue;
      case "'": case '"': if (c === '\\') i++; else if (c === state) { state = 'code'; last = 'x'; } continue;
      case 'regex': if (c === '\\') i++; else if (c === '[') state = 'class'; else if (c === '/') { state = 'code'; last = 'x'; } continue;
      case 'class': if (c === '\\') i++; else if (c === ']') state = 'regex'; continue;
      case 'template':
        if (c === '\\') i++;
        else if (c === '`') { state = 'code'; last = 'x'; } else if (c === '$' && text[i + 1] === '{') { braces.push(depth); depth++; i++; state = 'code'; last = '{'; }
        continue;
      default: break;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '/' && text[i + 1] === '/') { state = 'line'; continue; }
    if (c === '/' && text[i + 1] === '*') { state = 'block'; i++; continue; }
    if (c === "'" || c === '"') { state = c; continue; }
    if (c === '`') { state = 'template'; continue; }
    if (c === '/') {
      if (REGEX_AFTER.has(last) || REGEX_AFTER_WORDS.has(last)) { state = 'regex'; continue; }
      last = '/';
      continue;
    }
    if (c === '{') { depth++; last = '{'; continue; }
    if (c === '}') {
      depth--;
      if (braces.length > 0 && braces[braces.length - 1] === depth) { braces.pop(); state = 'template'; continue; }
      last = '}';
      continue;
    }
    if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i;
      while (j + 1 < text.length && /[A-Za-z0-9_$]/.test(text[j + 1])) j++;
      last = text.slice(i, j + 1);
      if (!REGEX_AFTER_WORDS.has(last)) last = 'x';
      i = j;
      continue;
    }
    last = c;
  }
  return inside;
}

export async function withoutIndentation(text) {
  const inside = linesInTemplates(text);
  const stripped = text.split('\n')
    .map((line, index) => (inside.has(index) ? line : line.trimStart().replaceAll('/* @__PURE__ */ ', '')))
    .filter((line, index) => inside.has(index) || !/^\/\/ (src|node_modules)\//.test(line))
    .join('\n');
  // ignoreAnnotations: both sides minify the same whether or not a call was marked pure.
  const minified = async (code) => (await transform(code, { minify: true, target: 'es2020', ignoreAnnotations: true })).code;
  if (await minified(stripped) !== await minified(text)) {
    throw new Error('Dropping the indentation of dist/Code.js would change the code: a template literal or regex confused scripts/indentation.mjs.');
  }
  return stripped;
}
