/**
 * Transport failures of UrlFetchApp (DESIGN.md §6: "transport exceptions"): the request left, Google may
 * have acted on it, but the answer never came back, and UrlFetchApp throws instead of returning a response.
 * Apps Script throws such errors as `Exception: Address unavailable: <url>` (or DNS error / Timeout); a
 * fetchAll with one such request throws for the whole batch, so every answer of the batch is lost.
 * Stricter reading (Google states neither): every request of the batch reached Google and took effect.
 * A fault may instead be a latency spike: the answers come, late (past the run's deadline, or its time limit).
 */
import type { HttpMethod, HttpRequest } from '../http';
import { seededRandom } from '../random';

export interface TransportFaultSpec {
  /** only requests of these HTTP methods (e.g. ['POST', 'DELETE'] for membership writes); default any */
  methods?: HttpMethod[];
  /** only requests whose URL contains this text (e.g. '/members'); default every request */
  urlIncludes?: string;
  /** how many batches (or single fetches) it breaks; default until cleared */
  times?: number;
  /** a latency spike instead: the call answers normally, this much later (virtual ms) */
  delayMs?: number;
  /** chance (0..1) that a matching batch breaks, drawn from a seeded PRNG (setSeed); default 1 */
  probability?: number;
}

/** What a fired fault does to the call: lose its answers (throw for this URL), or answer late. */
export type TransportEffect = { lostUrl: string } | { delayMs: number };

export class TransportFaults {
  private faults: Array<{ spec: TransportFaultSpec; remaining: number }> = [];
  /** batches and fetches broken so far (for tests' counts) */
  fired = 0;
  private random = seededRandom(1);

  add(spec: TransportFaultSpec = {}): void {
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
      throw new Error(`transportFaults: probability must be within 0..1, got ${spec.probability}`);
    }
    this.faults.push({ spec: { ...spec }, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  setSeed(seed: number): void {
    this.random = seededRandom(seed);
  }

  /** What happens to this batch, if a fault fires for one of its requests. */
  next(requests: readonly HttpRequest[]): TransportEffect | undefined {
    for (const fault of this.faults) {
      const { methods, urlIncludes = '' } = fault.spec;
      if (fault.remaining <= 0) continue;
      const url = requests.find((request) => request.url.includes(urlIncludes) && (!methods || methods.includes(request.method)))?.url;
      if (url === undefined) continue;
      if (fault.spec.probability !== undefined && this.random() >= fault.spec.probability) continue;
      fault.remaining -= 1;
      this.fired += 1;
      this.faults = this.faults.filter((f) => f.remaining > 0);
      return fault.spec.delayMs !== undefined ? { delayMs: fault.spec.delayMs } : { lostUrl: url };
    }
    return undefined;
  }
}

/** Applies a fired fault: waits out a spike (the caller checks the deadline after), or throws Apps Script's message. */
export function sufferTransport(effect: TransportEffect | undefined, wait: (ms: number) => void, fail: (message: string) => Error): void {
  if (!effect) return;
  if ('delayMs' in effect) wait(effect.delayMs);
  else throw fail(`Address unavailable: ${effect.lostUrl}`);
}
