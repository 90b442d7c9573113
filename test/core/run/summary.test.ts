import { rosterSummary } from '../../../src/core/run/summary';

describe('rosterSummary (the sidebar before any run)', () => {
  it('counts a space once however its cell writes it, and leaves out empty or broken Space cells', () => {
    const summary = rosterSummary([
      { space: 'spaces/AAAA', status: '' },
      { space: ' https://chat.google.com/room/AAAA ', status: 'ADDED' },
      { space: 'AAAA', status: 'ADDED' },
      { space: 'Team Alpha', status: '' },
      { space: 'team alpha', status: 'INVALID' },
      { space: '', status: 'INVALID' },
      { space: 'spaces/not an id', status: 'INVALID' },
    ]);
    expect(summary).toEqual({ rows: 7, spaces: 3, counts: { '': 2, ADDED: 2, INVALID: 3 } });
  });
});
