/**
 * Organisational units: a tree of paths under '/', the root every organisation has ("/" is the top-level
 * unit; the Admin console shows it under the domain's name, but its path is '/'). Paths compare exactly
 * (stricter reading: Google doesn't document case-insensitive unit paths). orgunits reference:
 * https://developers.google.com/workspace/admin/directory/reference/rest/v1/orgunits
 */
export const ROOT_UNIT = '/';

/** '/Sales/EMEA' → ['/Sales', '/Sales/EMEA']; throws on anything but '/'-separated non-empty names. */
export function unitChain(path: string): string[] {
  if (path === ROOT_UNIT) return [];
  const names = path.split('/').slice(1);
  if (!path.startsWith('/') || names.some((name) => name.trim() === '')) throw new Error(`bad organisational unit path: ${path}`);
  return names.map((_, index) => `/${names.slice(0, index + 1).join('/')}`);
}

/** Whether `unit` is `ancestor` or below it ("matches all org unit chains under the target"). */
export function isWithinUnit(unit: string, ancestor: string): boolean {
  return ancestor === ROOT_UNIT || unit === ancestor || unit.startsWith(`${ancestor}/`);
}
