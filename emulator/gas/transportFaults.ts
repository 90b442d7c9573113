/**
 * Transport failures of UrlFetchApp (DESIGN.md §6: "transport exceptions"): the request left, Google may
 * have acted on it, but the answer never came back, and UrlFetchApp throws instead of returning a response.
 * Apps Script throws such errors as `Exception: Address unavailable: <url>` (or DNS error / Timeout); a
 * fetchAll with one such request throws for the whole batch, so every answer of the batch is lost.
 * Stricter reading (Google states neither): every request of the batch reached Google and took effect.
 */
export interface TransportFaultSpec {
  /** only requests whose URL contains this text (e.g. '/members'); default every request */
  urlIncludes?: string;
  /** how many batches (or single fetches) it breaks; default until cleared */
  times?: number;
}

export class TransportFaults {
  private faults: Array<{ spec: TransportFaultSpec; remaining: number }> = [];
  /** batches and fetches broken so far (for tests' counts) */
  fired = 0;

  add(spec: TransportFaultSpec = {}): void {
    this.faults.push({ spec: { ...spec }, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /** The URL whose failure breaks this batch, if a fault fires for one of its requests. */
  next(urls: readonly string[]): string | undefined {
    for (const fault of this.faults) {
      if (fault.remaining <= 0) continue;
      const url = urls.find((candidate) => candidate.includes(fault.spec.urlIncludes ?? ''));
      if (url === undefined) continue;
      fault.remaining -= 1;
      this.fired += 1;
      this.faults = this.faults.filter((f) => f.remaining > 0);
      return url;
    }
    return undefined;
  }
}

export const transportFailureMessage = (url: string): string => `Address unavailable: ${url}`;
