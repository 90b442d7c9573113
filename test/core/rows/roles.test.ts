import { API_ROLE, parseRoleCell, roleLabel } from '../../../src/core/rows/roles';

describe('roles', () => {
  it('reads the sheet’s words in any case and spacing; empty is Member', () => {
    expect(['', 'Member', ' member ', 'MEMBER'].map(parseRoleCell)).toEqual(Array(4).fill('ROLE_MEMBER'));
    expect(parseRoleCell('manager')).toBe('ROLE_ASSISTANT_MANAGER');
    expect(parseRoleCell(' Owner')).toBe('ROLE_MANAGER');
    expect([parseRoleCell('Boss'), parseRoleCell('ROLE_MANAGER')]).toEqual([null, null]);
  });

  it('keeps the trap straight: the UI’s Owner is the API’s ROLE_MANAGER, its Manager ROLE_ASSISTANT_MANAGER', () => {
    expect(API_ROLE).toEqual({ Member: 'ROLE_MEMBER', Manager: 'ROLE_ASSISTANT_MANAGER', Owner: 'ROLE_MANAGER' });
    expect(['ROLE_MANAGER', 'ROLE_ASSISTANT_MANAGER', 'ROLE_MEMBER', 'MEMBERSHIP_ROLE_UNSPECIFIED', null].map(roleLabel))
      .toEqual(['Owner', 'Manager', 'Member', 'no role', 'no role']);
  });
});
