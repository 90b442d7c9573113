/**
 * The local speed target (DESIGN.md §5): parse + plan against a floor loop measured in the same process. The
 * verdict follows the ratio, never the absolute time (which swings with the machine).
 */
import { floorLoop, type PlanSpeed } from '../../scripts/bench/planSpeed';
import { planSpeedLine } from '../../scripts/bench/planSpeedLine';

const speed = (totalMs: number, floorMs: number): PlanSpeed => ({
  rows: 1_000_000, parseMs: 0, validateMs: 0, resolveMs: 0, planMs: 0, totalMs, floorMs, ratio: Math.round((totalMs / floorMs) * 100) / 100,
});

describe('the local speed line', () => {
  it('passes within 12× the floor, however slow the machine, and fails past it, however fast', () => {
    expect(planSpeedLine(speed(3_000, 260))).toMatchObject({ verdict: 'PASS', hard: true, target: '≤ 12×' });
    expect(planSpeedLine(speed(1_300, 100))).toMatchObject({ verdict: 'FAIL', hard: true });
    expect(planSpeedLine(speed(1_300, 100)).value).toMatch(/^13\.00× \(1,300 ms against a floor of 100 ms/);
  });

  it('is information only when nothing was measured', () => {
    expect(planSpeedLine(null, 'measurePlanSpeed failed: out of memory')).toMatchObject({ verdict: 'info', hard: false });
  });
});

describe('the floor loop', () => {
  it('reads the input columns by name, in any order, and looks each Space cell up once', () => {
    const spaces = new Map([['spaces/a', 1], ['spaces/b', 2]]);
    const grid = [
      ['Status', 'Space', 'Action', 'Member', 'Role'],
      ['ADDED', ' Spaces/A ', '', 'Bo@x.io', 'Owner'],
      ['', 'spaces/B', 'remove', 'al@x.io', ''],
      ['', 'nowhere', '', '', ''],
    ];
    // Lengths of the trimmed, lower-cased Member, Role and Action cells, plus each space's number (-1: none).
    expect(floorLoop(grid, spaces)).toBe((7 + 5 + 0 + 1) + (7 + 0 + 6 + 2) + (0 + 0 + 0 - 1));
  });
});
