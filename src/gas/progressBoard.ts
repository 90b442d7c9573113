/**
 * The live progress of an Apply (core/run/liveProgress.ts) in the document cache, where every execution of
 * this spreadsheet — the running one and the sidebar's polls — sees it. A cached value holds 100 KB
 * (reference/apps-script-limits.md §7): a roster over very many spaces publishes its totals without the
 * per-space counts rather than nothing.
 */
import type { ProgressBoard } from '../core/ports';
import type { LiveProgress } from '../shared/report';

const PROGRESS_KEY = 'chatRoster.progress';
/** Long enough to outlive a six-minute execution; a stale value says which run and when it was. */
const PROGRESS_TTL_SECONDS = 10 * 60;
const MAX_VALUE_CHARS = 90 * 1024;

function fitted(progress: LiveProgress): string {
  const text = JSON.stringify(progress);
  if (text.length <= MAX_VALUE_CHARS) return text;
  const { mirror: _mirror, rules: _rules, ...report } = progress.report;
  return JSON.stringify({ ...progress, report: { ...report, bySpace: [] } });
}

export function documentProgressBoard(): ProgressBoard | undefined {
  const cache = CacheService.getDocumentCache();
  if (!cache) return undefined;
  return { publish: (progress) => cache.put(PROGRESS_KEY, fitted(progress), PROGRESS_TTL_SECONDS) };
}

/** getProgress: what the running (or last) Apply of this spreadsheet published; null when nothing is. */
export function readProgress(): LiveProgress | null {
  const text = CacheService.getDocumentCache()?.get(PROGRESS_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as LiveProgress;
  } catch {
    return null;
  }
}
