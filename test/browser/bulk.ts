/** A roster too big for one execution: 2,000 adds to one space (about 1,700 writes fit in one at Google's budget). */
import { demoOrg, type OrgSeed } from '../../emulator/seed';
import { DEMO_ROSTER } from '../../emulator/runtime/demoRoster';

export const ADDS = 2000;
export const SPACE = 'spaces/AAAAbulk';
export const email = (i: number) => `bulk${String(i).padStart(4, '0')}@example.com`;

export function bulkOrg(): OrgSeed {
  const org = demoOrg();
  for (let i = 0; i < ADDS; i++) org.users.push({ id: String(130000000000000000000n + BigInt(i)), email: email(i) });
  org.spaces.push({ id: 'AAAAbulk', displayName: 'Bulk', spaceType: 'SPACE', members: [{ email: 'admin@example.com', role: 'ROLE_MANAGER' }] });
  return org;
}

export function bulkRoster(): string[][] {
  const rows = [DEMO_ROSTER[0]];
  for (let i = 0; i < ADDS; i++) rows.push([email(i), 'Bulk', '', 'add', '', '', '']);
  return rows;
}
