/** Every form a Source cell may take, and the mistakes an administrator makes writing one. */
import { readSourceCell, sourceLabel } from '../../../src/core/rules/ruleSource';

describe('a Source cell', () => {
  it.each([
    ['ou:/Sales', { kind: 'ou', path: '/Sales', below: true }],
    ['OU:/Sales/EMEA/', { kind: 'ou', path: '/Sales/EMEA', below: true }],
    ['  ou: Sales//EMEA ', { kind: 'ou', path: '/Sales/EMEA', below: true }],
    ['ou=/Sales', { kind: 'ou', path: '/Sales', below: false }],
    ['Ou=Sales/', { kind: 'ou', path: '/Sales', below: false }],
    ['ou:/', { kind: 'ou', path: '/', below: true }],
    ['group:Team@Example.com', { kind: 'group', email: 'team@example.com' }],
    ['GROUP: team@example.com ', { kind: 'group', email: 'team@example.com' }],
    ["query:orgDepartment='Sales' addressLocality='Paris'", { kind: 'query', query: "orgDepartment='Sales' addressLocality='Paris'" }],
    ["Query:  isAdmin=true ", { kind: 'query', query: 'isAdmin=true' }],
    ['domain', { kind: 'domain' }],
    [' DOMAIN ', { kind: 'domain' }],
  ])('reads %j', (cell, source) => {
    expect(readSourceCell(cell)).toEqual(source);
  });

  it.each([
    ['', { problem: 'sourceEmpty' }],
    ['ou:', { problem: 'badSourceUnit', text: 'ou:' }],
    ['ou=  ', { problem: 'badSourceUnit', text: 'ou=' }],
    ['group:team', { problem: 'badSourceGroup', text: 'group:team' }],
    ['group:', { problem: 'badSourceGroup', text: 'group:' }],
    ['query:', { problem: 'sourceQueryEmpty' }],
    ['team@example.com', { problem: 'badSource', text: 'team@example.com' }],
    ['/Sales', { problem: 'badSource', text: '/Sales' }],
    ['domains', { problem: 'badSource', text: 'domains' }],
  ])('refuses %j', (cell, problem) => {
    expect(readSourceCell(cell)).toEqual(problem);
  });

  it('is named in its canonical spelling', () => {
    expect(['OU: Sales/', 'ou=/Sales', 'group:A@example.com', 'query: x=1', 'Domain'].map((cell) => {
      const source = readSourceCell(cell);
      return 'kind' in source ? sourceLabel(source) : source.problem;
    })).toEqual(['ou:/Sales', 'ou=/Sales', 'group:a@example.com', 'query:x=1', 'domain']);
  });
});
