/**
 * The workbench units panel's model (emulator/workbench/units.ts): the Directory's units as a tree read
 * top-down with the people directly in each, what POST /api/directory/move accepts, and a move landing in
 * the Directory the emulated API reads.
 */
import { Google } from '../../emulator/google';
import { demoOrg } from '../../emulator/seed';
import { parseMove, unitsView } from '../../emulator/workbench/units';

describe('workbench units panel', () => {
  it('lists the demo units, parents before children, with their people; outsiders are not in the Directory', () => {
    const view = unitsView(new Google({ seed: demoOrg() }));
    expect(view.map((unit) => unit.path)).toEqual(['/', '/Engineering', '/Sales', '/Sales/EMEA']);
    expect(view.find((unit) => unit.path === '/Sales/EMEA')?.people).toEqual([
      { email: 'grace.lee@example.com', note: '' }, { email: 'heidi.clark@example.com', note: '' }, { email: 'judy.wilson@example.com', note: 'suspended' },
    ]);
    expect(view.flatMap((unit) => unit.people).map((person) => person.email)).not.toContain('pat.partner@gmail.com');
  });

  it('reads the tree by path segments: a sibling named with a space stays out of /Sales\'s children', () => {
    const google = new Google({ seed: { ...demoOrg(), orgUnits: ['/Sales/EMEA', '/Sales Ops', '/Engineering'] } });
    expect(google.directory.units()).toEqual(['/', '/Engineering', '/Sales', '/Sales/EMEA', '/Sales Ops']);
  });

  it('a move changes the unit the Directory reports; an unknown unit is refused', () => {
    const google = new Google({ seed: demoOrg() });
    google.directory.moveUser('bob.jones@example.com', '/Sales');
    expect(unitsView(google).find((unit) => unit.path === '/Sales')?.people.map((person) => person.email))
      .toEqual(['bob.jones@example.com', 'dave.brown@example.com']);
    expect(() => google.directory.moveUser('bob.jones@example.com', '/Nowhere')).toThrow(/No organisational unit \/Nowhere/);
  });

  it('accepts only a person and a unit path', () => {
    expect(parseMove({ email: 'bob.jones@example.com', orgUnitPath: '/Sales' })).toEqual({ email: 'bob.jones@example.com', orgUnitPath: '/Sales' });
    expect(() => parseMove(null)).toThrow('Send an object.');
    expect(() => parseMove({ email: '', orgUnitPath: '/Sales' })).toThrow(/email/);
    expect(() => parseMove({ email: 'bob.jones@example.com', orgUnitPath: 'Sales' })).toThrow(/orgUnitPath/);
  });
});
