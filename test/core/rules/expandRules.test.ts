/** Whom each rule enrols, as an administrator would check it in the Admin console; and what a failure says. */
import { detailsOf } from '../../../src/core/details';
import type { ApiError, Rule } from '../../../src/core/model';
import { expandRules } from '../../../src/core/rules/expandRules';
import { readSourceCell } from '../../../src/core/rules/ruleSource';
import { FakePeopleDirectory } from '../fakes';

function rule(sheetRow: number, source: string, space = 'spaces/AAAA'): Rule {
  const read = readSourceCell(source);
  if ('problem' in read) throw new Error(`bad source ${source}`);
  return { sheetRow, source: read, space: { kind: 'name', name: space }, role: 'ROLE_MEMBER' };
}

function organisation(): FakePeopleDirectory {
  const directory = new FakePeopleDirectory();
  directory.person('ann@example.com', '1', '/Sales');
  directory.person('eve@example.com', '2', '/Sales/EMEA');
  directory.person('ops@example.com', '3', '/SalesOps');
  directory.person('eng@example.com', '4', '/Eng');
  directory.person('gone@example.com', '5', '/Sales', { suspended: true });
  directory.person('old@example.com', '6', '/Sales/EMEA', { archived: true });
  directory.person('top@example.com', '7', '/');
  return directory;
}

const emails = (expanded: ReturnType<typeof expandRules>, sheetRow: number) => expanded.people.get(sheetRow)?.map((person) => person.email);

describe('expandRules', () => {
  it('ou: takes the unit and every unit below it; ou= the unit alone; neither a unit that merely starts alike', () => {
    const directory = organisation();
    const expanded = expandRules([rule(2, 'ou:/Sales'), rule(3, 'ou=/Sales'), rule(4, 'ou:/sales/emea/'), rule(5, 'ou:/')], directory);
    expect(emails(expanded, 2)).toEqual(['ann@example.com', 'eve@example.com']);
    expect(emails(expanded, 3)).toEqual(['ann@example.com']);
    expect(emails(expanded, 4)).toEqual(['eve@example.com']);
    expect(emails(expanded, 5)).toEqual(['ann@example.com', 'eve@example.com', 'ops@example.com', 'eng@example.com', 'top@example.com']);
    expect(directory.asks).toEqual(["search:orgUnitPath='/Sales'", "search:orgUnitPath='/sales/emea'", "search:orgUnitPath='/'"]);
  });

  it('never enrols suspended or archived people, whatever the source (members.list tells suspension only)', () => {
    const directory = organisation();
    const [ann, , , , gone, old] = directory.people;
    directory.groups.set('team@example.com', [ann, gone, ann]);
    directory.searches.set("orgDepartment='Sales'", [gone, ann, old]);
    const expanded = expandRules([rule(2, 'group:team@example.com'), rule(3, "query:orgDepartment='Sales'"), rule(4, 'domain')], directory);
    expect(emails(expanded, 2)).toEqual(['ann@example.com']);
    expect(emails(expanded, 3)).toEqual(['ann@example.com']);
    expect(emails(expanded, 4)).not.toContain('gone@example.com');
    expect(emails(expanded, 4)).not.toContain('old@example.com');
    expect(expanded.failed).toEqual([]);
  });

  it('asks the Directory once per distinct question, however many rules share it', () => {
    const directory = organisation();
    directory.groups.set('team@example.com', []);
    expandRules([
      rule(2, 'ou:/Sales', 'spaces/AAAA'), rule(3, 'ou:/Sales', 'spaces/BBBB'), rule(4, 'ou=/Sales'), rule(5, 'OU: Sales/'),
      rule(6, 'group:team@example.com'), rule(7, 'group:TEAM@example.com', 'spaces/BBBB'), rule(8, 'domain'), rule(9, 'domain', 'spaces/BBBB'),
    ], directory);
    expect(directory.asks).toEqual(["search:orgUnitPath='/Sales'", 'group:team@example.com', 'search:']);
  });

  it('a source that names no one is no failure: the rule has 0 people', () => {
    const directory = organisation();
    const expanded = expandRules([rule(2, 'ou=/Empty'), rule(3, "query:orgTitle='Astronaut'")], directory);
    expect(expanded.people.get(2)).toEqual([]);
    expect(expanded.people.get(3)).toEqual([]);
    expect(expanded.failed).toEqual([]);
  });

  const E = (code: number, message: string): ApiError => ({ code, status: '', message });
  it.each([
    ['query:orgDept=Sales', 'search:orgDept=Sales', E(400, 'Invalid Input: orgDept'), 'INVALID', /^Google rejected the search "orgDept=Sales": Invalid Input: orgDept — see the user search guide/],
    ['ou:/Sails', "search:orgUnitPath='/Sails'", E(400, 'Invalid Input: INVALID_OU_ID'), 'INVALID', /^Your directory has no organisational unit \/Sails: copy its path from the Admin console/],
    ['group:nobody@example.com', 'group:nobody@example.com', E(404, 'Resource Not Found: groupKey'), 'INVALID', /^Your directory has no group nobody@example.com: check/],
    ['domain', 'search:', E(403, 'Not Authorized to access this resource/api'), 'INVALID', /^Chat Roster needs the Directory admin view to expand rules — your account isn't allowed/],
    ['ou:/Sales', "search:orgUnitPath='/Sales'", E(429, 'Quota exceeded'), 'ERROR', /^The directory couldn't expand this rule\. \(HTTP 429: Quota exceeded\)$/],
    ['group:team@example.com', 'group:team@example.com', E(503, 'Backend Error'), 'ERROR', /^The directory couldn't expand this rule\. /],
    ['domain', 'search:', E(0, 'Address unavailable'), 'ERROR', /^The directory couldn't expand this rule\. /],
  ])('%s failing with %s → %s', (source, question, error, status, details) => {
    const directory = organisation();
    directory.groups.set('team@example.com', []);
    directory.failures.set(question, error);
    const expanded = expandRules([rule(2, source), rule(3, 'ou=/Eng')], directory);
    expect(expanded.failed.map((outcome) => [outcome.sheetRow, outcome.status, detailsOf(outcome)])).toEqual([[2, status, expect.stringMatching(details)]]);
    expect(expanded.people.has(2)).toBe(false);
    expect(emails(expanded, 3)).toEqual(['eng@example.com']);
  });
});
