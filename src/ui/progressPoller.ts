/**
 * Polls getProgress while an Apply execution runs (DESIGN.md §1): each provisionRoster call is one
 * execution that returns only at its end, up to six minutes later, so the sidebar asks the document cache
 * every few seconds what the execution has published. Only progress newer than what the cache held when
 * the run started is shown (an older run's is not this one's), each at most once.
 */
import type { LiveProgress } from '../shared/report';
import { callServer } from './server';

export const POLL_MS = 3_000;

function isProgress(value: unknown): value is LiveProgress {
  if (typeof value !== 'object' || value === null) return false;
  const progress = value as Record<string, unknown>;
  return typeof progress.at === 'number' && typeof progress.run === 'string' && typeof progress.report === 'object' && progress.report !== null;
}

/** When the progress in the cache was published, or 0 when there is none (the baseline of a new run). */
export async function latestProgressAt(): Promise<number> {
  try {
    const progress = await callServer('getProgress');
    return isProgress(progress) ? progress.at : 0;
  } catch {
    return 0;
  }
}

/** Calls `onProgress` with each newer progress until the returned stop() is called. A failed poll is skipped. */
export function pollProgress(after: number, onProgress: (progress: LiveProgress) => void): () => void {
  let newest = after;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async (): Promise<void> => {
    try {
      const progress = await callServer('getProgress');
      if (!stopped && isProgress(progress) && progress.at > newest && progress.phase !== 'done') {
        newest = progress.at;
        onProgress(progress);
      }
    } catch {
      // The next poll tries again; the execution's own answer comes anyway.
    }
    if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
  };
  timer = setTimeout(() => void poll(), POLL_MS);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
