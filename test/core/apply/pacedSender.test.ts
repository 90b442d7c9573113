/**
 * Pacing and retries as an administrator would notice them: a long run never trips Google's 300 writes a
 * minute, transient failures don't become row errors, and nothing starts after the deadline.
 */
import { GOOGLE_LIMITS, MAX_TRIES, Pacer } from '../../../src/core/apply/pacing';
import type { MemberCall, MemberReply } from '../../../src/core/ports';
import { PacedSender } from '../../../src/core/apply/pacedSender';
import { FakeChat, TestClock } from '../fakes';

const create = (i: number, space = 'spaces/S'): MemberCall => ({
  method: 'create', parent: space, membership: { member: { name: `users/${1000 + i}`, type: 'HUMAN' } },
});
const list = (space: string): MemberCall => ({ method: 'list', parent: space, pageSize: 1000, showInvited: true, showGroups: true });

function chatWithSpaces(...names: string[]): FakeChat {
  const chat = new FakeChat();
  for (const name of names) chat.addSpace(name, name);
  return chat;
}

/** The most calls that fall in any window of `windowMs`, from their send times. */
function busiestWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end] - times[start] >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

function timedChat(chat: FakeChat, clock: TestClock, latencyMs: number) {
  const sentAt: number[] = [];
  const send = chat.send.bind(chat);
  chat.send = (calls) => {
    calls.forEach(() => sentAt.push(clock.now()));
    clock.sleep(latencyMs);
    return send(calls);
  };
  return sentAt;
}

describe('PacedSender', () => {
  it('keeps membership writes within 300 in any minute, and close to that rate', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/S');
    const sentAt = timedChat(chat, clock, 300);
    const sender = new PacedSender(chat, clock, Infinity, new Pacer(clock.now()));
    const replies = sender.send(Array.from({ length: 1500 }, (_, i) => create(i)));
    expect(replies.every((reply) => reply.code === 200)).toBe(true);
    expect(busiestWindow(sentAt, 60_000)).toBeLessThanOrEqual(GOOGLE_LIMITS.writesPerMinute);
    const minutes = (clock.now() - 1_000) / 60_000;
    expect(1500 / minutes).toBeGreaterThan(285);
  });

  it('reads a space at most 15 times in any second', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/S');
    const sentAt = timedChat(chat, clock, 0);
    new PacedSender(chat, clock, Infinity).send(Array.from({ length: 100 }, () => list('spaces/S')));
    expect(busiestWindow(sentAt, 1000)).toBeLessThanOrEqual(15);
  });

  it('reads at an execution\'s start go at once up to half the read budget: 1,000 spaces listed in ten batches', () => {
    const clock = new TestClock();
    const spaces = Array.from({ length: 1000 }, (_, i) => `spaces/S${i}`);
    const chat = chatWithSpaces(...spaces);
    timedChat(chat, clock, 300);
    const replies = new PacedSender(chat, clock, Infinity).send(spaces.map(list));
    expect(replies.every((reply) => reply.code === 200)).toBe(true);
    expect(chat.sends).toBe(10);
  });

  it('retries 429 and 5xx with growing waits, honouring Retry-After, until Google answers', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/S');
    const failures: MemberReply[] = [
      { code: 503, error: { code: 503, status: 'UNAVAILABLE', message: 'try later' } },
      { code: 429, error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' }, retryAfterSeconds: 20 },
      { code: 500, error: { code: 500, status: 'INTERNAL', message: 'oops' } },
    ];
    const attempts: number[] = [];
    chat.intercept = () => {
      attempts.push(clock.now());
      return failures.shift();
    };
    const [reply] = new PacedSender(chat, clock, Infinity, undefined, () => 0).send([create(1)]);
    expect(reply.code).toBe(200);
    expect(attempts).toHaveLength(4);
    const waits = attempts.slice(1).map((at, i) => at - attempts[i]);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(20_000);
    expect(waits[2]).toBeGreaterThanOrEqual(4000);
  });

  it('reads whose batch threw (the transport failed) are asked again and answered; writes in it are not re-sent', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/A', 'spaces/B');
    const send = chat.send.bind(chat);
    let batches = 0;
    chat.send = (calls) => {
      batches++;
      if (batches === 1) throw new Error('Exception: Address unavailable');
      return send(calls);
    };
    const replies = new PacedSender(chat, clock, Infinity, undefined, () => 0).send([list('spaces/A'), list('spaces/B'), create(1, 'spaces/A')]);
    expect(replies.map((reply) => reply.code)).toEqual([200, 200, 0]);
    expect(chat.writes()).toHaveLength(0);
  });

  it('a read that always throws fails alone: the reads batched with it are answered', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/A', 'spaces/B', 'spaces/C');
    const send = chat.send.bind(chat);
    chat.send = (calls) => {
      if (calls.some((call) => call.method === 'list' && call.parent === 'spaces/B')) throw new Error('Exception: bad request');
      return send(calls);
    };
    const replies = new PacedSender(chat, clock, Infinity, undefined, () => 0).send([list('spaces/A'), list('spaces/B'), list('spaces/C')]);
    expect(replies.map((reply) => reply.code)).toEqual([200, 0, 200]);
  });

  it('gives up after a bounded number of tries with Google’s answer', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/S');
    let tries = 0;
    chat.intercept = () => {
      tries++;
      return { code: 503, error: { code: 503, status: 'UNAVAILABLE', message: 'down' } };
    };
    const [reply] = new PacedSender(chat, clock, Infinity).send([create(1)]);
    expect(reply.code).toBe(503);
    expect(tries).toBe(MAX_TRIES);
  });

  it('does not retry answers that are final: 400, 403, 404, 409', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/S');
    for (const code of [400, 403, 404, 409]) {
      let tries = 0;
      chat.intercept = () => {
        tries++;
        return { code, error: { code, status: 'X', message: 'no' } };
      };
      expect(new PacedSender(chat, clock, Infinity).send([create(1)])[0].code).toBe(code);
      expect(tries).toBe(1);
    }
  });

  it('starts nothing after the deadline: the rest comes back deferred', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/S');
    timedChat(chat, clock, 300);
    const replies = new PacedSender(chat, clock, clock.now() + 10_000).send(Array.from({ length: 200 }, (_, i) => create(i)));
    const sent = replies.filter((reply) => !reply.deferred).length;
    expect(sent).toBeGreaterThan(40);
    expect(sent).toBeLessThan(60);
    expect(replies.slice(sent).every((reply) => reply.deferred)).toBe(true);
    expect(chat.writes()).toHaveLength(sent);
  });

  it('leaves a call for the next execution when Retry-After reaches past the deadline, instead of sleeping it out', () => {
    const clock = new TestClock();
    const chat = chatWithSpaces('spaces/S');
    const sleeps: number[] = [];
    const sleep = clock.sleep.bind(clock);
    clock.sleep = (ms) => {
      sleeps.push(ms);
      sleep(ms);
    };
    let tries = 0;
    chat.intercept = (call) => {
      if (call.method !== 'create' || (call.membership.member?.name ?? '') !== 'users/1001') return undefined;
      tries++;
      return { code: 429, error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'quota' }, retryAfterSeconds: 3600 };
    };
    const start = clock.now();
    const replies = new PacedSender(chat, clock, start + 345_000).send([create(1), create(2)]);
    expect(tries).toBe(1);
    expect(replies[0].deferred).toBe(true);
    expect(replies[1].code).toBe(200);
    expect(clock.now() - start).toBeLessThan(5_000);
    expect(Math.max(0, ...sleeps)).toBeLessThan(5_000);
  });
});
