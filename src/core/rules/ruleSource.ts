/**
 * Source cells of the Rules sheet, normalised (DESIGN.md §3): `ou:/Path`, `ou=/Path`, `group:EMAIL`,
 * `query:SEARCH` or `domain`; prefixes in any case, spaces around them ignored. A cell that is none of
 * these is a problem code (details.ts lists the accepted forms). Nothing here calls Google.
 */
import type { CellProblem, RuleSource } from '../model';
import { isEmail } from '../rows/refs';

/**
 * '/Sales/EMEA' however it was typed: 'Sales/EMEA/', '/Sales//EMEA', ' /Sales '. null when it names no
 * unit. '/' (the organisation's top unit) stays '/'.
 */
export function normaliseUnitPath(text: string): string | null {
  const parts = text.split('/').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return text.includes('/') ? '/' : null;
  return `/${parts.join('/')}`;
}

/** The source a cell names, or the problem why it names none. */
export function readSourceCell(cell: string): RuleSource | CellProblem {
  const text = cell.trim();
  if (text === '') return { problem: 'sourceEmpty' };
  const lower = text.toLowerCase();
  if (lower === 'domain') return { kind: 'domain' };
  if (lower.startsWith('ou:') || lower.startsWith('ou=')) {
    const path = normaliseUnitPath(text.slice(3));
    return path === null ? { problem: 'badSourceUnit', text } : { kind: 'ou', path, below: lower[2] === ':' };
  }
  if (lower.startsWith('group:')) {
    const email = lower.slice('group:'.length).trim();
    return isEmail(email) ? { kind: 'group', email } : { problem: 'badSourceGroup', text };
  }
  if (lower.startsWith('query:')) {
    const query = text.slice('query:'.length).trim();
    return query === '' ? { problem: 'sourceQueryEmpty' } : { kind: 'query', query };
  }
  return { problem: 'badSource', text };
}

/** How Details and the log name a source: the canonical spelling of its cell. */
export function sourceLabel(source: RuleSource): string {
  switch (source.kind) {
    case 'ou': return `ou${source.below ? ':' : '='}${source.path}`;
    case 'group': return `group:${source.email}`;
    case 'query': return `query:${source.query}`;
    case 'domain': return 'domain';
  }
}
