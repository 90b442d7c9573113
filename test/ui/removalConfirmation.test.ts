/** What Apply asks before it removes anyone, and what it sends (src/ui/removalConfirmation.ts): pure parts, no DOM. */
import type { MirrorSpacePlan, RunReport } from '../../src/shared/report';
import { normalizeReport } from '../../src/ui/serverReport';
import { confirmationOf, mirrorRemovalCount, removalCount, removalPrompt } from '../../src/ui/removalConfirmation';

const report = (over: Partial<RunReport>): RunReport => ({
  mode: 'preview', rows: 0, done: 0, pending: 0, counts: {}, message: '', bySpace: [], ...over,
});
const team: MirrorSpacePlan = {
  space: 'spaces/T', label: 'Team', overLimit: null,
  removals: [{ member: 'users/1', label: 'erin@example.com', invited: false }, { member: 'users/2', label: 'olga@example.com', invited: true }],
};
const big: MirrorSpacePlan = {
  space: 'spaces/B', label: 'Big', overLimit: { total: 10, max: 20 },
  removals: [{ member: 'users/3', label: 'x@example.com', invited: false }, { member: 'users/4', label: 'y@example.com', invited: false }, { member: 'groups/g', label: 'group:g@example.com', invited: false }],
};

describe('the confirmation before Apply', () => {
  it('counts roster removals and mirror removals, and says what an over-limit space needs', () => {
    // Team's 2 removals are within its limit: the preview counts them as WOULD_REMOVE beside the 3 roster rows.
    const planned = report({
      rows: 11, done: 11, counts: { WOULD_REMOVE: 5, WOULD_ADD: 1 }, mirror: [team, big],
      bySpace: [{ space: 'A', counts: { WOULD_REMOVE: 3 } }, { space: 'Team', counts: { WOULD_REMOVE: 2 } }],
    });
    expect(mirrorRemovalCount(planned)).toBe(5);
    expect(removalCount(planned)).toBe(5);
    const prompt = removalPrompt(planned);
    expect(prompt.question).toBe('Remove 5 members?');
    expect(prompt.detail).toMatch(/^Apply removes only these: 3 roster rows say remove \(its WOULD_REMOVE rows\); mirror spaces lose 2 members the sheets don’t name, listed below\./);
    expect(prompt.detail).toMatch(/3 members stay in spaces over their Max removal % unless you tick the space\./);
    expect(removalPrompt(report({ counts: { WOULD_REMOVE: 1 } })).question).toBe('Remove 1 member?');
  });

  it('sends exactly the members shown, and an over-limit space only when ticked', () => {
    const planned = report({ mirror: [team, big] });
    expect(confirmationOf(planned, new Set())).toEqual({
      removals: [{ space: 'spaces/T', member: 'users/1' }, { space: 'spaces/T', member: 'users/2' }], overLimitSpaces: [],
    });
    expect(confirmationOf(planned, new Set(['spaces/B']))).toEqual({
      removals: [
        { space: 'spaces/T', member: 'users/1' }, { space: 'spaces/T', member: 'users/2' },
        { space: 'spaces/B', member: 'users/3' }, { space: 'spaces/B', member: 'users/4' }, { space: 'spaces/B', member: 'groups/g' },
      ],
      overLimitSpaces: ['spaces/B'],
    });
  });

  it('keeps the mirror plan of a report from the server, and drops what is malformed', () => {
    const normal = normalizeReport({ mode: 'preview', mirror: [team, { space: 7 }, { space: 'spaces/E', removals: [] }, null] }, 'preview');
    expect(normal.mirror).toEqual([team]);
    expect(normalizeReport({ mode: 'preview' }, 'preview').mirror).toBeUndefined();
  });
});
