/**
 * What the server sent, checked (google.script.run delivers whatever the execution returned, and a stale or
 * broken build may return anything): each RunReport field read with its type, the rest dropped.
 */
import type { MirrorSpacePlan, RulePlanView, RunMode, RunReport } from '../shared/report';
import { isRowStatus, type StatusCounts } from '../shared/statuses';
import { normalizePeople } from './normalizePeople';

/** Checked from the browser's copy of a report: anything malformed is dropped (it would confirm nothing). */
export function normalizeMirror(value: unknown): MirrorSpacePlan[] {
  if (!Array.isArray(value)) return [];
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const plans: MirrorSpacePlan[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const plan = item as Record<string, unknown>;
    const removals = (Array.isArray(plan.removals) ? plan.removals as unknown[] : [])
      .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && typeof (r as Record<string, unknown>).member === 'string')
      .map((r) => ({ member: text(r.member), label: text(r.label) || text(r.member), invited: r.invited === true }));
    const limit = typeof plan.overLimit === 'object' && plan.overLimit !== null ? plan.overLimit as Record<string, unknown> : null;
    const overLimit = limit && typeof limit.total === 'number' && typeof limit.max === 'number' ? { total: limit.total, max: limit.max } : null;
    if (typeof plan.space !== 'string' || removals.length === 0) continue;
    plans.push({ space: plan.space, label: text(plan.label) || plan.space, removals, overLimit });
  }
  return plans;
}

/** A rule's plan from the browser's copy of a report: text lists only. */
export function normalizeRules(value: unknown[]): RulePlanView[] {
  const texts = (v: unknown) => (Array.isArray(v) ? (v as unknown[]).filter((item): item is string => typeof item === 'string') : []);
  return value
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      row: typeof item.row === 'number' ? item.row : 0,
      source: typeof item.source === 'string' ? item.source : '',
      space: typeof item.space === 'string' ? item.space : '',
      add: texts(item.add),
      raise: texts(item.raise),
    }))
    .filter((rule) => rule.add.length + rule.raise.length > 0);
}

/** Whatever came back is read as a RunReport; missing or malformed fields become empty ones. */
export function normalizeReport(value: unknown, mode: RunMode): RunReport {
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  const counts = (v: unknown): StatusCounts => {
    const out: StatusCounts = {};
    if (typeof v === 'object' && v !== null) {
      for (const [key, n] of Object.entries(v as Record<string, unknown>)) if (isRowStatus(key) && number(n) > 0) out[key] = number(n);
    }
    return out;
  };
  const bySpace = Array.isArray(object.bySpace)
    ? object.bySpace
      .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
      .map((entry) => ({ space: typeof entry.space === 'string' ? entry.space : String(entry.space ?? ''), counts: counts(entry.counts) }))
    : [];
  return {
    mode: object.mode === 'preview' || object.mode === 'apply' ? object.mode : mode,
    rows: number(object.rows),
    done: number(object.done),
    pending: number(object.pending),
    counts: counts(object.counts),
    message: typeof object.message === 'string' ? object.message : '',
    bySpace,
    ...(Array.isArray(object.mirror) ? { mirror: normalizeMirror(object.mirror) } : {}),
    ...(Array.isArray(object.rules) ? { rules: normalizeRules(object.rules) } : {}),
    ...(Array.isArray(object.people) ? { people: normalizePeople(object.people) } : {}),
  };
}
