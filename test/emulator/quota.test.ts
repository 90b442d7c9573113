import { Google } from '../../emulator/google';
import { bigOrg, client, demo, USER_SCOPES } from './helpers';

describe('per-project membership write quota', () => {
  it('429 after 300 writes within a minute; recovers once the window has slid 60 s', () => {
    const g = new Google({ seed: bigOrg(400), latencyMs: 300 });
    const owner = client(g, g.issueToken('owner@big.test', USER_SCOPES));
    const members = g.membersOf('BIG').slice(1);
    for (let i = 0; i < 300; i++) {
      expect(owner.del(`spaces/BIG/members/${members[i]?.member}`).status).toBe(200);
      g.clock.advance(100);
    }
    const over = owner.patch(`spaces/BIG/members/${g.userIdOf(members[300]?.member ?? '')}`, 'ROLE_ASSISTANT_MANAGER');
    expect([over.status, over.json.error?.status]).toEqual([429, 'RESOURCE_EXHAUSTED']);
    expect(over.headers['retry-after']).toBeUndefined();
    // Rejected calls spend nothing, and reads have their own budget.
    expect(owner.list('spaces/BIG').status).toBe(200);
    g.clock.advance(60_000);
    expect(owner.del(`spaces/BIG/members/${members[300]?.member}`).status).toBe(200);
    expect(g.writes()).toHaveLength(301);
  });

  it('is shared by every caller of the project and honours custom quotas', () => {
    const { g } = demo();
    const small = new Google({ seed: bigOrg(10), quotas: { membershipWritesPerMinute: 2 } });
    const a = client(small, small.issueToken('owner@big.test', USER_SCOPES));
    const b = client(small, small.issueToken('owner@big.test', USER_SCOPES));
    expect(a.del('spaces/BIG/members/u0@big.test').status).toBe(200);
    expect(b.del('spaces/BIG/members/u1@big.test').status).toBe(200);
    expect(a.del('spaces/BIG/members/u2@big.test').status).toBe(429);
    expect(g.quotas.membershipWritesPerMinute).toBe(300);
  });
});

describe('another user of the project (background consumer)', () => {
  it('takes its share of the write budget every minute, so a caller gets only the rest', () => {
    const g = new Google({ seed: bigOrg(600) });
    const owner = client(g, g.issueToken('owner@big.test', USER_SCOPES));
    const other = g.shareWriteBudget(150);
    const members = g.membersOf('BIG').slice(1);
    let ok = 0;
    // One attempt every 100 ms for three minutes: 600 a minute asked, 150 a minute left.
    for (let i = 0; i < 1800; i++) {
      if (owner.del(`spaces/BIG/members/${members[ok]?.member}`).status === 200) ok++;
      g.clock.advance(100);
    }
    expect(ok).toBeGreaterThanOrEqual(440);
    expect(ok).toBeLessThanOrEqual(460);
    expect(other.spent).toBeGreaterThanOrEqual(3 * 150);
    g.reset();
    expect(g.shareWriteBudget(1).spent).toBe(0);
  });
});

describe('what a failed call costs', () => {
  it('an injected 5xx passed the quota check and is charged; a quota 429 spends nothing', () => {
    const g = new Google({ seed: bigOrg(10), quotas: { membershipWritesPerMinute: 2 } });
    const owner = client(g, g.issueToken('owner@big.test', USER_SCOPES));
    g.injectFault({ methodId: 'chat.spaces.members.delete', code: 503, times: 1 });
    expect(owner.del('spaces/BIG/members/u0@big.test').status).toBe(503);
    expect(owner.del('spaces/BIG/members/u0@big.test').status).toBe(200);
    expect(owner.del('spaces/BIG/members/u1@big.test').status).toBe(429);
    expect(owner.del('spaces/BIG/members/u1@big.test').status).toBe(429);
    g.clock.advance(60_000);
    expect(owner.del('spaces/BIG/members/u1@big.test').status).toBe(200);
  });
});

describe('per-space read quota', () => {
  it('15 reads a second per space; another space is unaffected; the next second is fine', () => {
    const { g, admin } = demo();
    for (let i = 0; i < 15; i++) expect(admin.list('spaces/AAAAengineering').status).toBe(200);
    expect(admin.get('spaces/AAAAengineering/members/bob.jones@example.com').status).toBe(429);
    expect(admin.call('GET', 'spaces/AAAAengineering').status).toBe(429);
    expect(admin.list('spaces/AAAAdesignteam').status).toBe(200);
    g.clock.advance(1000);
    expect(admin.list('spaces/AAAAengineering').status).toBe(200);
  });
});

describe('fault injection', () => {
  it('fires a given number of times on one method, counted in calls, with an optional retry-after', () => {
    const { g, admin } = demo();
    g.injectFault({ methodId: 'chat.spaces.members.create', code: 503, times: 2 });
    g.injectFault({ methodId: 'chat.spaces.members.list', code: 429, times: 1, retryAfterSeconds: 7, message: 'slow down' });
    const listed = admin.list('spaces/AAAAengineering');
    expect([listed.status, listed.json.error?.message, listed.headers['retry-after']]).toEqual([429, 'slow down', '7']);
    expect(admin.list('spaces/AAAAengineering').status).toBe(200);
    expect(admin.addHuman('spaces/AAAAengineering', 'kevin.taylor@example.com').json.error?.status).toBe('UNAVAILABLE');
    expect(admin.addHuman('spaces/AAAAengineering', 'kevin.taylor@example.com').status).toBe(503);
    expect(admin.addHuman('spaces/AAAAengineering', 'kevin.taylor@example.com').status).toBe(200);
    expect(g.calls.map((c) => c.status)).toEqual([429, 200, 503, 503, 200]);
    expect(g.writes()).toHaveLength(1);
  });

  it('untilMs bounds an outage in virtual time', () => {
    const { g, admin } = demo();
    g.injectFault({ methodId: '*', code: 429, untilMs: g.clock.now() + 60_000 });
    expect(admin.list('spaces/AAAAengineering').status).toBe(429);
    g.clock.advance(59_999);
    expect(admin.list('spaces/AAAAengineering').status).toBe(429);
    g.clock.advance(1);
    expect(admin.list('spaces/AAAAengineering').status).toBe(200);
  });

  it('probability faults follow the seeded PRNG: same seed, same failures', () => {
    const run = (seed: number): number[] => {
      const { g, admin } = demo();
      g.setRandomSeed(seed);
      g.injectFault({ methodId: '*', code: 500, probability: 0.3 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        g.clock.advance(1000);
        statuses.push(admin.list('spaces/AAAAengineering').status);
      }
      return statuses;
    };
    const first = run(42);
    expect(run(42)).toEqual(first);
    expect(run(7)).not.toEqual(first);
    const failures = first.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(25);
  });

  it('clearFaults and reset remove faults', () => {
    const { g, admin } = demo();
    g.injectFault({ methodId: '*', code: 500 });
    expect(admin.list('spaces/AAAAengineering').status).toBe(500);
    g.clearFaults();
    expect(admin.list('spaces/AAAAengineering').status).toBe(200);
    g.injectFault({ methodId: '*', code: 500 });
    g.reset();
    expect(g.calls).toHaveLength(0);
    expect(g.spaces()).toEqual([]);
    expect(admin.list('spaces/AAAAengineering').status).toBe(401);
  });
});
