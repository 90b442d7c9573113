/** getProgress: the sidebar polls it while an Apply runs in another execution (DESIGN.md §2). */
import type { LiveProgress } from '../../shared/report';
import { readProgress } from '../progressBoard';

/** No permission check: it reads only this spreadsheet's cache, every few seconds, and must stay cheap. */
export function getProgress(): LiveProgress | null {
  return readProgress();
}
