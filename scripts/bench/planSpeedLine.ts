/** The local speed target's line in the bench report (DESIGN.md §5): the ratio to the floor is hard, the time is information. */
import { FRESH_RUNS, PLAN_RATIO_LIMIT, type PlanSpeed } from './planSpeed';
import { int } from './format';
import type { Line } from './targets';

export function planSpeedLine(speed: PlanSpeed | null, note?: string): Line {
  const section = '5 local speed';
  const measure = 'parse + plan 1,000,000 rows ÷ floor loop';
  const target = `≤ ${PLAN_RATIO_LIMIT}×`;
  if (!speed) return { section, measure, value: `not measured${note ? ` (${note})` : ''}`, target, verdict: 'info', hard: false };
  const value = `${speed.ratio.toFixed(2)}× (${int(speed.totalMs)} ms against a floor of ${int(speed.floorMs)} ms; parse ${speed.parseMs}, `
    + `validate ${speed.validateMs}, resolve ${speed.resolveMs}, plan ${speed.planMs}; medians of ${FRESH_RUNS} fresh processes${note ? `, ${note}` : ''})`;
  return { section, measure, value, target, verdict: speed.ratio <= PLAN_RATIO_LIMIT ? 'PASS' : 'FAIL', hard: true };
}
