/**
 * Query parameters of one request, checked the way Google's front end checks them: a parameter the method
 * doesn't define is a 400 ("Cannot bind query parameter"), and typed values must parse.
 */
import { invalidArgument } from './errors';

/** System parameters every Google API accepts; the emulator ignores their effect (no partial responses). */
const SYSTEM_PARAMS = new Set(['alt', 'fields', 'prettyPrint', 'key', 'quotaUser', '$.xgafv', 'callback', 'upload_protocol', 'uploadType', 'access_token', 'oauth_token']);

export class QueryParams {
  constructor(private readonly search: URLSearchParams, allowed: readonly string[]) {
    for (const name of new Set(search.keys())) {
      if (!allowed.includes(name) && !SYSTEM_PARAMS.has(name)) {
        throw invalidArgument(`Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. Field '${name}' could not be found in request message.`);
      }
    }
  }

  string(name: string): string | undefined {
    return this.search.get(name) ?? undefined;
  }

  bool(name: string): boolean {
    const raw = this.search.get(name);
    if (raw === null || raw === '' || raw === 'false' || raw === '0') return false;
    if (raw === 'true' || raw === '1') return true;
    throw invalidArgument(`Invalid value at '${snake(name)}' (TYPE_BOOL), "${raw}"`);
  }

  int(name: string): number | undefined {
    const raw = this.search.get(name);
    if (raw === null || raw === '') return undefined;
    if (!/^-?\d+$/.test(raw)) throw invalidArgument(`Invalid value at '${snake(name)}' (TYPE_INT32), "${raw}"`);
    return Number(raw);
  }
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
