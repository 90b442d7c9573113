/** What the rules together grant each person in each space: the higher role wins, every granting rule is named. */
import type { ApiRole, Rule } from '../../../src/core/model';
import type { DirectoryPerson } from '../../../src/core/ports';
import { ruleGrants } from '../../../src/core/rules/ruleGrants';
import { higherRole } from '../../../src/core/rows/roles';

const person = (id: number): DirectoryPerson => ({ name: `users/${id}`, email: `p${id}@example.com`, suspended: false });
const rule = (sheetRow: number, space: string, role: ApiRole): Rule =>
  ({ sheetRow, source: { kind: 'domain' }, space: { kind: 'name', name: space }, role });

describe('ruleGrants', () => {
  it('gives each person the highest role any rule gives them in a space, whatever the rules\' order', () => {
    const [ann, bob, cat] = [person(1), person(2), person(3)];
    const rules = [rule(5, 'spaces/AAAA', 'ROLE_ASSISTANT_MANAGER'), rule(2, 'spaces/AAAA', 'ROLE_MEMBER'), rule(3, 'spaces/AAAA', 'ROLE_MANAGER')];
    const people = new Map([[2, [ann, bob, cat]], [3, [bob]], [5, [ann, bob]]]);
    const grants = ruleGrants(rules, people).get('name:spaces/AAAA')!.grants;
    expect([...grants.values()].map((grant) => [grant.person.email, grant.role, grant.rules])).toEqual([
      ['p1@example.com', 'ROLE_ASSISTANT_MANAGER', [2, 5]],
      ['p2@example.com', 'ROLE_MANAGER', [2, 3, 5]],
      ['p3@example.com', 'ROLE_MEMBER', [2]],
    ]);
  });

  it('keeps spaces apart, and counts a person a rule lists twice once', () => {
    const ann = person(1);
    const grants = ruleGrants(
      [rule(2, 'spaces/AAAA', 'ROLE_MANAGER'), rule(3, 'spaces/BBBB', 'ROLE_MEMBER')],
      new Map([[2, [ann]], [3, [ann, ann]]]),
    );
    expect([...grants.keys()]).toEqual(['name:spaces/AAAA', 'name:spaces/BBBB']);
    expect(grants.get('name:spaces/BBBB')!.grants.get('users/1')).toEqual({ person: ann, role: 'ROLE_MEMBER', rules: [3] });
    expect(grants.get('name:spaces/AAAA')!.space).toEqual({ kind: 'name', name: 'spaces/AAAA' });
  });

  it('grants nothing for a rule whose expansion failed', () => {
    expect(ruleGrants([rule(2, 'spaces/AAAA', 'ROLE_MEMBER')], new Map()).size).toBe(0);
  });

  it('ranks Owner over Manager over Member', () => {
    expect(higherRole('ROLE_MEMBER', 'ROLE_MANAGER')).toBe('ROLE_MANAGER');
    expect(higherRole('ROLE_MANAGER', 'ROLE_ASSISTANT_MANAGER')).toBe('ROLE_MANAGER');
    expect(higherRole('ROLE_ASSISTANT_MANAGER', 'ROLE_MEMBER')).toBe('ROLE_ASSISTANT_MANAGER');
  });

  // Speed is the bench's business (no timed unit tests); this checks the result at scale.
  it('grants 6 rules of 50,000 people over 3 spaces, each person once per space with the higher role', () => {
    const everyone = Array.from({ length: 50_000 }, (_, index) => person(index));
    const rules = [0, 1, 2, 3, 4, 5].map((index) => rule(index + 2, `spaces/S${index % 3}`, index % 2 ? 'ROLE_MANAGER' : 'ROLE_MEMBER'));
    const grants = ruleGrants(rules, new Map(rules.map((each) => [each.sheetRow, everyone])));
    expect([...grants.values()].map((space) => space.grants.size)).toEqual([50_000, 50_000, 50_000]);
    expect(grants.get('name:spaces/S1')!.grants.get('users/7')).toMatchObject({ role: 'ROLE_MANAGER', rules: [3, 6] });
  });
});
