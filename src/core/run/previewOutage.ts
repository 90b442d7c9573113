/**
 * A preview that only learned Google Chat is down (DESIGN.md §6): every space it looked up failed with an
 * outage, so it knows nothing new about any row. Writing its ERRORs would wipe the last run's ADDED and
 * REMOVED for nothing: it writes nothing and says so. Decided on reason codes, never on sentences.
 */
import { httpNote } from '../details';
import type { ApiError, RowOutcome } from '../model';
import type { RunMode, RunReport } from '../../shared/report';
import { reportWithMessage } from './summary';

/** Google's error when the preview learned nothing but that Google is down; null otherwise. */
export function previewOutage(mode: RunMode, found: readonly RowOutcome[], resolvedSpaces: number): ApiError | null {
  if (mode !== 'preview' || resolvedSpaces > 0) return null;
  const outage = found.find((outcome) => outcome.reason === 'chatNotAnswering');
  return outage && 'error' in outage ? outage.error : null;
}

export function previewOutageReport(error: ApiError): RunReport {
  return reportWithMessage('preview', `Preview: Google Chat is not answering, so nothing could be previewed — the statuses are as the last run left them. Google's side: try again later. ${httpNote(error)}`);
}
