/** The pacer's buckets as an administrator would notice them: a shared budget slows the run, then it recovers. */
import { backoffMs, isRetryable, Pacer } from '../../../src/core/apply/pacing';
import type { MemberCall } from '../../../src/core/ports';

const create = (i: number): MemberCall => ({
  method: 'create', parent: 'spaces/S', membership: { member: { name: `users/${1000 + i}`, type: 'HUMAN' } },
});

describe('Pacer', () => {
  it('slows down when 429s come in a burst (someone else spends the budget), not for a lone one, and recovers later', () => {
    const pacer = new Pacer(0);
    const before = pacer.writeRatePerMinute;
    pacer.rateLimited(create(1), 1000);
    expect(pacer.writeRatePerMinute).toBe(before);
    pacer.rateLimited(create(1), 2000);
    pacer.rateLimited(create(1), 3000);
    expect(pacer.writeRatePerMinute).toBeLessThan(before);
    pacer.admit(create(2), 11 * 60_000);
    expect(pacer.writeRatePerMinute).toBeCloseTo(before);
  });

  it('waits longer after each failure, within a cap, unless Google asks for longer', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4].map((tries) => backoffMs(tries, noJitter))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(20, noJitter)).toBe(32_000);
    expect(backoffMs(1, noJitter, 20)).toBe(20_000);
  });

  it('retries only what may succeed later: 429 and 5xx', () => {
    expect([429, 500, 502, 503, 504].every((code) => isRetryable({ code }))).toBe(true);
    expect([400, 403, 404, 409].some((code) => isRetryable({ code }))).toBe(false);
  });
});
