/**
 * Request bodies, checked as Google's JSON transcoder checks them: invalid JSON and unknown field names are
 * 400 INVALID_ARGUMENT (this catches misspelt fields that a lenient fake would silently ignore).
 */
import { invalidArgument } from './errors';

export type JsonObject = Record<string, unknown>;

const MEMBERSHIP_FIELDS = ['name', 'state', 'role', 'member', 'groupMember', 'createTime', 'deleteTime', 'affiliation'];
const USER_FIELDS = ['name', 'displayName', 'domainId', 'type', 'isAnonymous'];
const GROUP_FIELDS = ['name'];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Membership body: the top-level object, with member / groupMember checked for unknown names too. */
export function parseMembershipBody(text: string | undefined): JsonObject {
  let value: unknown;
  try {
    value = text === undefined || text === '' ? {} : JSON.parse(text);
  } catch {
    throw invalidArgument('Invalid JSON payload received. Unexpected token.');
  }
  if (!isObject(value)) throw invalidArgument('Invalid JSON payload received. Expected an object for membership.');
  checkFields(value, MEMBERSHIP_FIELDS, 'membership');
  if (value.member !== undefined) {
    if (!isObject(value.member)) throw invalidArgument("Invalid value at 'membership.member': expected an object.");
    checkFields(value.member, USER_FIELDS, 'membership.member');
  }
  if (value.groupMember !== undefined) {
    if (!isObject(value.groupMember)) throw invalidArgument("Invalid value at 'membership.group_member': expected an object.");
    checkFields(value.groupMember, GROUP_FIELDS, 'membership.group_member');
  }
  return value;
}

function checkFields(value: JsonObject, allowed: string[], at: string): void {
  for (const name of Object.keys(value)) {
    if (!allowed.includes(name)) {
      throw invalidArgument(`Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`);
    }
  }
}

export function optionalString(value: JsonObject, field: string, at: string): string | undefined {
  const v = value[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidArgument(`Invalid value at '${at}.${field}' (TYPE_STRING), ${JSON.stringify(v)}`);
  return v;
}
