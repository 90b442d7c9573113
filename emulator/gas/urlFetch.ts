/**
 * UrlFetchApp over the emulated Google (reference/apps-script-advanced-chat.md §5, apps-script-limits.md §2, §8).
 *
 * - params → HttpRequest: method (default get); payload as a string is the body, a byte array its UTF-8
 *   text, a Blob its data, and a plain object is sent as **form fields** (so a JSON API answers 400);
 *   content type from `contentType`, else a Content-Type header, else application/x-www-form-urlencoded.
 * - `escaping` (default true) percent-encodes characters a URL can't hold — including '%', so an already
 *   encoded URL is encoded twice (stricter reading; Google doesn't say). With escaping false, such a URL throws.
 * - URL over 2 KB, over 100 headers or 8 KB of headers, or outside the manifest's urlFetchWhitelist: throws.
 * - Each request spends one unit of the user's daily 100,000 URL Fetch calls and counts as one API call
 *   for the execution's `killAtCall`.
 * - Latency: fetch advances the clock by google.latencyMs. fetchAll sends every request at the same virtual
 *   instant and advances the clock by latencyMs once: Google states neither ordering nor concurrency, we
 *   model full parallelism, responses in request order.
 * - muteHttpExceptions false: a status ≥ 400 throws "Request failed for <origin> returned code N. Truncated
 *   server response: … (use muteHttpExceptions option to examine full response)" (String(e) starts with
 *   'Exception: '); in fetchAll after every request was sent.
 * - Transport faults (transportFaults.ts): after the request (or every request of the batch) was sent and
 *   took effect, the call throws "Address unavailable: <url>" instead of answering — or, for a latency
 *   spike, answers that much later.
 * Response headers come back with Google's usual capitalisation (Content-Type, Retry-After), so callers must
 * match names case-insensitively. Not modelled: redirects, certificates, binary bodies, response size
 * limits, getRequest, the consumer-account quota (20,000).
 */
import type { HttpMethod, HttpRequest, HttpResponse } from '../http';
import type { DailyQuota } from './dailyQuota';
import type { ExecutionContext } from './execution';
import { sufferTransport, type TransportFaults } from './transportFaults';

type Params = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type Request = GoogleAppsScript.URL_Fetch.URLFetchRequest;

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const URL_LIMIT = 2 * 1024;
const HEADER_COUNT_LIMIT = 100;
const HEADER_BYTES_LIMIT = 8 * 1024;
const USER_AGENT = 'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: UAEmdDd-emulated)';

const capitalise = (name: string) => name.replace(/(^|-)([a-z])/g, (_match, dash: string, letter: string) => dash + letter.toUpperCase());

function bytesOf(text: string): GoogleAppsScript.Byte[] {
  return [...Buffer.from(text, 'utf8')].map((byte) => (byte > 127 ? byte - 256 : byte));
}

export class FakeBlob {
  constructor(private readonly text: string, private readonly contentType: string) {}
  getDataAsString(): string { return this.text; }
  getBytes(): GoogleAppsScript.Byte[] { return bytesOf(this.text); }
  getContentType(): string { return this.contentType; }
}

export class FakeHttpResponse {
  constructor(private readonly response: HttpResponse) {}

  getResponseCode(): number { return this.response.status; }
  getContentText(_charset?: string): string { return this.response.body; }
  getContent(): GoogleAppsScript.Byte[] { return bytesOf(this.response.body); }
  getBlob(): FakeBlob { return new FakeBlob(this.response.body, this.response.headers['content-type'] ?? 'application/octet-stream'); }

  getHeaders(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.response.headers).map(([name, value]) => [capitalise(name), value]));
  }

  getAllHeaders(): Record<string, string | string[]> {
    return this.getHeaders();
  }
}

function isBlob(value: unknown): value is { getDataAsString(): string } {
  return typeof value === 'object' && value !== null && typeof (value as { getDataAsString?: unknown }).getDataAsString === 'function';
}

function bodyOf(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  if (isBlob(payload)) return payload.getDataAsString();
  if (Array.isArray(payload) && payload.every((item) => typeof item === 'number')) {
    return Buffer.from(payload.map((byte: number) => byte & 0xff)).toString('utf8');
  }
  if (typeof payload === 'object' && payload !== null) {
    return Object.entries(payload)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(isBlob(value) ? value.getDataAsString() : String(value))}`)
      .join('&');
  }
  return String(payload);
}

/** Characters a URL may hold unescaped (RFC 3986 unreserved + reserved). */
const URL_SAFE = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/;

function escapeUrl(url: string): string {
  return [...url].map((char) => (URL_SAFE.test(char) ? char : encodeURIComponent(char))).join('');
}

export interface UrlFetchWorld {
  /** the manifest's urlFetchWhitelist, when it has one */
  urlFetchWhitelist?: string[];
  urlFetchQuota: DailyQuota;
  /** answers lost on the way back (tests and the workbench inject them) */
  transportFaults?: TransportFaults;
}

export function createUrlFetchApp(ctx: ExecutionContext, world: UrlFetchWorld) {
  const fail = (message: string) => ctx.error(message);

  /** Validates and translates one request; throws before anything is sent. */
  const translate = (url: string, params: Params): HttpRequest => {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) throw fail(`Invalid argument: ${String(url)}`);
    const escaped = params.escaping === false ? url : escapeUrl(url);
    if (!/^[\x21-\x7e]*$/.test(escaped)) throw fail(`Invalid argument: ${url}`);
    if (escaped.length > URL_LIMIT) throw fail('Limit Exceeded: URLFetch URL Length.');
    const whitelist = world.urlFetchWhitelist;
    if (whitelist && !whitelist.some((prefix) => escaped.startsWith(prefix))) {
      throw fail(`Script has attempted to access a URL that is not in the urlFetchWhitelist: ${url}`);
    }
    const headers: Record<string, string> = { 'user-agent': USER_AGENT };
    for (const [name, value] of Object.entries(params.headers ?? {})) headers[name.toLowerCase()] = String(value);
    const method = String(params.method ?? 'get').toUpperCase();
    if (!HTTP_METHODS.includes(method)) throw fail(`Invalid argument: method`);
    const request: HttpRequest = { method: method as HttpMethod, url: escaped, headers };
    if (params.payload !== undefined && params.payload !== null) {
      request.body = bodyOf(params.payload);
      headers['content-type'] = params.contentType ?? headers['content-type'] ?? 'application/x-www-form-urlencoded';
    }
    const headerBytes = Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
    if (Object.keys(headers).length > HEADER_COUNT_LIMIT || headerBytes > HEADER_BYTES_LIMIT) throw fail('Limit Exceeded: URLFetch headers.');
    return request;
  };

  const send = (request: HttpRequest): FakeHttpResponse => {
    ctx.beforeApiCall();
    if (!world.urlFetchQuota.spend(ctx.user, ctx.now())) throw fail('Service invoked too many times for one day: urlfetch.');
    ctx.counters.urlFetchCalls++;
    return new FakeHttpResponse(ctx.google.fetch(request));
  };

  const failure = (url: string, response: FakeHttpResponse): Error => {
    const text = response.getContentText();
    const truncated = text.length > 100 ? `${text.slice(0, 100)}...` : text;
    return fail(`Request failed for ${new URL(url).origin} returned code ${response.getResponseCode()}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`);
  };

  const begin = (method: string) => ctx.enter(`UrlFetchApp.${method}`);

  return {
    fetch(url: string, params: Params = {}): FakeHttpResponse {
      begin('fetch');
      const request = translate(url, params);
      const response = send(request);
      ctx.advance(ctx.google.latencyMs);
      sufferTransport(world.transportFaults?.next([request]), (ms) => ctx.advance(ms), fail);
      ctx.checkDeadline();
      if (!params.muteHttpExceptions && response.getResponseCode() >= 400) throw failure(request.url, response);
      return response;
    },

    fetchAll(requests: (Request | string)[]): FakeHttpResponse[] {
      begin('fetchAll');
      const all = requests.map((item) => (typeof item === 'string' ? { url: item } : item));
      const translated = all.map((item) => translate(item.url, item));
      const responses = translated.map(send);
      if (translated.length > 0) ctx.advance(ctx.google.latencyMs);
      sufferTransport(world.transportFaults?.next(translated), (ms) => ctx.advance(ms), fail);
      ctx.checkDeadline();
      const failed = responses.findIndex((response, i) => !all[i].muteHttpExceptions && response.getResponseCode() >= 400);
      if (failed >= 0) throw failure(translated[failed].url, responses[failed]);
      return responses;
    },
  };
}
