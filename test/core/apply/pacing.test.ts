/**
 * The pacer as an administrator would notice it, on a virtual clock: at a budget another user of the project
 * shares, the run holds the rate left without a stream of 429s; pauses for retries don't cost throughput;
 * a lone 429 costs a retry, not the pace; the pace comes back when the other user stops.
 */
import { backoffMs, isRetryable, Pacer } from '../../../src/core/apply/pacing';
import { PacedSender } from '../../../src/core/apply/pacedSender';
import type { MemberCall, MemberReply } from '../../../src/core/ports';
import { FakeChat, TestClock } from '../fakes';

const create = (i: number): MemberCall => ({
  method: 'create', parent: 'spaces/S', membership: { member: { name: `users/${1000 + i}`, type: 'HUMAN' } },
});

const MINUTE = 60_000;
const quota429: MemberReply = { code: 429, error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' } };
const unavailable: MemberReply = { code: 503, error: { code: 503, status: 'UNAVAILABLE', message: 'try later' } };

/**
 * Google's sliding minute of 300 membership writes, with another user of the project who spends
 * `otherPerMinute` of it (evenly, first at every freed slot), and optional 503s after the quota check.
 */
function sharedGoogle(clock: TestClock, otherPerMinute: number, fail503: () => boolean = () => false) {
  const window: number[] = [];
  let otherNext = clock.now() - MINUTE;
  const ours = { ok: 0, attempts: 0, rejected: 0, okTimes: [] as number[], attemptTimes: [] as number[], rejectedTimes: [] as number[] };
  const count = (now: number) => {
    while (window.length > 0 && window[0] <= now - MINUTE) window.shift();
    return window.length;
  };
  const other = (now: number) => {
    while (otherPerMinute > 0 && otherNext <= now) {
      if (count(otherNext) >= 300) otherNext = window[0] + MINUTE;
      else {
        window.push(otherNext);
        otherNext += MINUTE / otherPerMinute;
      }
    }
  };
  const chat = new FakeChat();
  chat.addSpace('spaces/S', 'S');
  const send = chat.send.bind(chat);
  chat.send = (calls) => {
    const now = clock.now();
    other(now);
    const replies = calls.map((call) => {
      ours.attempts++;
      ours.attemptTimes.push(now);
      if (count(now) >= 300) {
        ours.rejected++;
        ours.rejectedTimes.push(now);
        return quota429;
      }
      window.push(now);
      if (fail503()) return unavailable;
      ours.ok++;
      ours.okTimes.push(now);
      return send([call])[0];
    });
    clock.sleep(300);
    return replies;
  };
  return { chat, ours };
}

/** Sends `total` creates in rounds of 20, as runOperations does. */
function sendInRounds(sender: PacedSender, total: number, first = 0): MemberReply[] {
  const replies: MemberReply[] = [];
  for (let at = 0; at < total; at += 20) replies.push(...sender.send(Array.from({ length: Math.min(20, total - at) }, (_, i) => create(first + at + i))));
  return replies;
}

const perMinuteBetween = (times: number[], from: number, to: number) => times.filter((t) => t >= from && t < to).length / ((to - from) / MINUTE);

describe('Pacer', () => {
  it('holds the rate left when another user of the project spends half the write budget, with few 429s', () => {
    const clock = new TestClock();
    const { chat, ours } = sharedGoogle(clock, 150);
    const start = clock.now();
    const replies = sendInRounds(new PacedSender(chat, clock, Infinity, new Pacer(start), () => 0.5), 1500);
    expect(replies.every((reply) => reply.code === 200)).toBe(true);
    // After the first minute (learning), ours is the 150 a minute left, and few attempts are refused.
    const learnt = start + MINUTE;
    expect(perMinuteBetween(ours.okTimes, learnt, clock.now() - 1)).toBeGreaterThan(145);
    const after = (times: number[]) => times.filter((t) => t >= learnt).length;
    expect(after(ours.rejectedTimes) / after(ours.attemptTimes)).toBeLessThan(0.08);
  });

  it('a later execution finds the rate left sooner than a minute of 429s', () => {
    const clock = new TestClock();
    const { chat, ours } = sharedGoogle(clock, 150);
    sendInRounds(new PacedSender(chat, clock, Infinity, new Pacer(clock.now()), () => 0.5), 600);
    const rejectedBefore = ours.rejected;
    const start = clock.now();
    const next = new Pacer(start);
    const replies = sendInRounds(new PacedSender(chat, clock, Infinity, next, () => 0.5), 300, 600);
    expect(replies.every((reply) => reply.code === 200)).toBe(true);
    expect(ours.rejected - rejectedBefore).toBeLessThan(75);
    expect(perMinuteBetween(ours.okTimes, start, clock.now() - 1)).toBeGreaterThan(140);
  });

  it('a pause for retries costs no budget: with 10% of writes failing, the others fill the minute', () => {
    const clock = new TestClock();
    let n = 0;
    const { chat, ours } = sharedGoogle(clock, 0, () => ++n % 10 === 0);
    const start = clock.now();
    const replies = sendInRounds(new PacedSender(chat, clock, Infinity, new Pacer(start), () => 0.5), 1500);
    expect(replies.every((reply) => reply.code === 200)).toBe(true);
    expect(ours.rejected).toBe(0);
    // Every attempt spends the budget: 297 a minute of attempts, nine in ten succeed.
    expect(ours.ok / ((clock.now() - start) / MINUTE)).toBeGreaterThan(0.9 * 297 * 0.97);
  });

  it('a lone 429 (Google\'s backend, below the quota) costs a retry, not the pace', () => {
    const pacer = new Pacer(0);
    const before = pacer.writeRatePerMinute;
    expect(pacer.admit(create(1), 0)).toBe(true);
    pacer.answered(create(1), quota429, 0, 300);
    expect(pacer.writeRatePerMinute).toBe(before);
  });

  it('comes back to the whole budget once the other user stops', () => {
    const clock = new TestClock();
    const { chat } = sharedGoogle(clock, 200);
    const pacer = new Pacer(clock.now());
    sendInRounds(new PacedSender(chat, clock, Infinity, pacer, () => 0.5), 400);
    const shared = pacer.writeRatePerMinute;
    expect(shared).toBeLessThan(150);
    const alone = sharedGoogle(clock, 0);
    sendInRounds(new PacedSender(alone.chat, clock, Infinity, pacer, () => 0.5), 2000, 400);
    expect(pacer.writeRatePerMinute).toBeGreaterThan(290);
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
