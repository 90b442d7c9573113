/**
 * The running execution's progress, published for the sidebar to poll (getProgress, DESIGN.md §1): without
 * it the sidebar learns nothing until the execution returns, up to six minutes later. Published at the start,
 * every few seconds while changes go out, and at the end; the pace is measured, not assumed (rows this
 * execution finished per minute since it started writing), so the time left follows what Google allows.
 * Publishing is best effort: a cache that fails costs the sidebar a live view, never the run.
 */
import type { Clock, ProgressBoard } from '../ports';
import type { LiveProgress, RunReport } from '../../shared/report';

/** How often a round of changes publishes (the sidebar polls every few seconds). */
export const PROGRESS_PUBLISH_MS = 3_000;

export class ProgressPublisher {
  private lastAt = -Infinity;
  private firstWriteAt: number | null = null;

  constructor(
    private readonly board: ProgressBoard | undefined, private readonly clock: Clock,
    private readonly run: { id: string; executions: number },
  ) {}

  /** Before any change: the counts the plan settled, while the spaces are read. */
  planning(report: RunReport): void {
    this.publish('planning', report, 0);
  }

  /** After a round of changes; `finishedHere`: rows this execution has finished so far. Throttled. */
  round(report: () => RunReport, finishedHere: number): void {
    const now = this.clock.now();
    if (this.firstWriteAt === null) this.firstWriteAt = now;
    if (now - this.lastAt < PROGRESS_PUBLISH_MS) return;
    this.publish('applying', report(), finishedHere);
  }

  done(report: RunReport, finishedHere: number): void {
    this.publish('done', report, finishedHere);
  }

  private publish(phase: LiveProgress['phase'], report: RunReport, finishedHere: number): void {
    if (!this.board) return;
    const now = this.clock.now();
    this.lastAt = now;
    const minutes = this.firstWriteAt === null ? 0 : (now - this.firstWriteAt) / 60_000;
    const rowsPerMinute = minutes > 0 && finishedHere > 0 ? finishedHere / minutes : 0;
    const secondsLeft = rowsPerMinute > 0 ? Math.round((report.pending / rowsPerMinute) * 60) : report.pending === 0 ? 0 : null;
    try {
      this.board.publish({ run: this.run.id, execution: this.run.executions, at: now, phase, report, rowsPerMinute: Math.round(rowsPerMinute), secondsLeft });
    } catch {
      // Best effort: the sidebar falls back to what each execution returns.
    }
  }
}
