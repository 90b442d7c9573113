/**
 * Injected faults: transient or permanent errors a test or the workbench asks for, consumed before the real
 * handler runs. Probability faults draw from a seeded PRNG so a failing run can be replayed exactly.
 */
import { GoogleError, statusForCode } from './errors';
import { seededRandom } from './random';

export interface FaultSpec {
  /** a method id such as 'chat.spaces.members.create', or '*' for every call */
  methodId: string;
  code: 429 | 500 | 503 | 403 | 404 | 400;
  /** how many times it fires; default: until clearFaults() */
  times?: number;
  /** chance (0..1) that a matching call fails; default 1 */
  probability?: number;
  message?: string;
  /** sets a retry-after header (Chat doesn't document one; only faults send it) */
  retryAfterSeconds?: number;
  /** virtual epoch ms from which it no longer fires (an outage of a given length, e.g. a whole minute of 429s) */
  untilMs?: number;
  /** lets this many matching calls through before firing (e.g. a list's second page) */
  skip?: number;
}

const DEFAULT_MESSAGES: Record<FaultSpec['code'], string> = {
  400: 'Request contains an invalid argument.',
  403: 'The caller does not have permission',
  404: 'Requested entity was not found.',
  429: 'Resource has been exhausted (e.g. check quota).',
  500: 'Internal error encountered.',
  503: 'The service is currently unavailable.',
};

export class FaultInjector {
  private faults: Array<{ spec: FaultSpec; remaining: number; skip: number }> = [];
  private random = seededRandom(1);

  add(spec: FaultSpec): void {
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
      throw new Error(`injectFault: probability must be within 0..1, got ${spec.probability}`);
    }
    this.faults.push({ spec: { ...spec }, remaining: spec.times ?? Number.POSITIVE_INFINITY, skip: spec.skip ?? 0 });
  }

  clear(): void {
    this.faults = [];
  }

  setSeed(seed: number): void {
    this.random = seededRandom(seed);
  }

  /** The error for this call, if a fault fires; faults are tried in the order they were injected. */
  next(methodId: string, now: number): GoogleError | undefined {
    for (const fault of this.faults) {
      const { spec } = fault;
      if (fault.remaining <= 0 || (spec.methodId !== '*' && spec.methodId !== methodId)) continue;
      if (spec.untilMs !== undefined && now >= spec.untilMs) continue;
      if (fault.skip > 0) {
        fault.skip -= 1;
        continue;
      }
      if (spec.probability !== undefined && this.random() >= spec.probability) continue;
      fault.remaining -= 1;
      this.faults = this.faults.filter((f) => f.remaining > 0);
      return new GoogleError(spec.code, statusForCode(spec.code), spec.message ?? DEFAULT_MESSAGES[spec.code],
        spec.code === 429 ? 'RATE_LIMIT_EXCEEDED' : statusForCode(spec.code), { injectedFault: 'true' }, spec.retryAfterSeconds);
    }
    return undefined;
  }
}
