import { SPACE_STATUSES, spacesSentence, STATUSES } from '../../src/shared/statuses';

describe('Spaces-row statuses', () => {
  it('are counted in one sentence, UNCHANGED left out', () => {
    expect(spacesSentence(['UNCHANGED'])).toBe('');
    expect(spacesSentence(['WOULD_APPLY', 'UNCHANGED', 'HELD', 'WOULD_APPLY'])).toBe('Spaces sheet: 2 spaces to apply, 1 held (see its Details).');
  });

  it('APPLIED and WOULD_APPLY belong to Spaces rows only, never to the Roster table', () => {
    expect(STATUSES.map((info) => info.status)).not.toEqual(expect.arrayContaining(['APPLIED']));
    expect(STATUSES.map((info) => info.status)).not.toContain('WOULD_APPLY');
    expect(SPACE_STATUSES.map((info) => info.status)).toEqual(['APPLIED', 'UNCHANGED', 'WOULD_APPLY', 'PENDING', 'HELD', 'INVALID', 'ERROR']);
  });
});
