/**
 * Date bound to the virtual clock, Utilities, Session, Logger and console.
 * - `new Date()`, `Date()` and `Date.now()` read google.clock.now(); everything else is the host's Date.
 * - Utilities.sleep advances the virtual clock; a sleep past the time limit ends the execution. Over
 *   300,000 ms ("The maximum allowed value is 300000") throws `Invalid argument: milliseconds` — the
 *   reference gives the cap, not the text (stricter reading: a refusal, not a shorter sleep).
 * - Session.getActiveUser/getEffectiveUser need userinfo.email (scopes.ts); in AuthMode NONE/LIMITED they
 *   return a user whose email is '' (the Session reference: not available without the user's authorization).
 * - Utilities.getUuid is deterministic (a counter per world), so runs are reproducible.
 * - Logger.log and console.* append to `execution.logs`.
 * Not modelled: Utilities.formatString, computeDigest/HMAC, gzip/zip, newBlob beyond text, parseCsv,
 * Session.getTemporaryActiveUserKey; getActiveUser returns the running user even in another domain.
 */
import { format } from 'node:util';
import { formatDate, isValidTimeZone } from './dateFormat';
import type { ExecutionContext } from './execution';
import { FakeBlob } from './urlFetch';
import type { VirtualClock } from './googleApi';

/** A Date class whose "now" is the virtual clock. Calling it without `new` returns a string, like Date(). */
export function virtualDateClass(clock: VirtualClock): DateConstructor {
  class VirtualDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [string | number | Date]));
    }
    static now(): number {
      return clock.now();
    }
  }
  return new Proxy(VirtualDate, {
    apply: () => new Date(clock.now()).toString(),
  }) as unknown as DateConstructor;
}

export const MAX_SLEEP_MS = 300_000;

export function createUtilities(ctx: ExecutionContext, nextUuid: () => string) {
  return {
    sleep(ms: number): void {
      ctx.enter('Utilities.sleep');
      const wait = Math.max(0, Number(ms) || 0);
      if (wait > MAX_SLEEP_MS) throw ctx.error('Invalid argument: milliseconds');
      ctx.advance(wait);
      ctx.checkDeadline();
    },
    formatDate(date: Date, timeZone: string, pattern: string): string {
      ctx.enter('Utilities.formatDate');
      if (!isValidTimeZone(timeZone)) throw ctx.error(`Invalid argument: timeZone`);
      return formatDate(date.getTime(), timeZone, pattern);
    },
    getUuid(): string {
      ctx.enter('Utilities.getUuid');
      return nextUuid();
    },
    base64Encode(data: string | number[]): string {
      ctx.enter('Utilities.base64Encode');
      return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff))).toString('base64');
    },
    base64Decode(encoded: string): number[] {
      ctx.enter('Utilities.base64Decode');
      return [...Buffer.from(encoded, 'base64')].map((byte) => (byte > 127 ? byte - 256 : byte));
    },
    newBlob(data: string, contentType = 'text/plain'): FakeBlob {
      ctx.enter('Utilities.newBlob');
      return new FakeBlob(String(data), contentType);
    },
  };
}

export function createSession(ctx: ExecutionContext, scriptTimeZone: string) {
  const user = (method: string) => {
    if (ctx.settings.authMode !== 'FULL') {
      ctx.checkAlive();
      return { getEmail: () => '' };
    }
    ctx.enter(`Session.${method}`);
    return { getEmail: () => ctx.user };
  };
  return {
    getActiveUser: () => user('getActiveUser'),
    getEffectiveUser: () => user('getEffectiveUser'),
    getScriptTimeZone(): string {
      ctx.enter('Session.getScriptTimeZone');
      return scriptTimeZone;
    },
    getActiveUserLocale(): string {
      ctx.enter('Session.getActiveUserLocale');
      return ctx.settings.locale;
    },
  };
}

export function createLogger(ctx: ExecutionContext) {
  const logger = {
    log(message: unknown, ...values: unknown[]) {
      ctx.log(values.length ? format(String(message), ...values) : String(message));
      return logger;
    },
    getLog: () => ctx.logs.join('\n'),
    clear() {
      ctx.logs.length = 0;
    },
  };
  return logger;
}

export function createConsole(ctx: ExecutionContext) {
  const write = (level: string) => (...values: unknown[]) => ctx.log(level + format(...values));
  return { log: write(''), info: write(''), warn: write('WARN '), error: write('ERROR '), debug: write('') };
}
