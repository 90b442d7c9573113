/**
 * Terminal demo on the embedded emulator: seeds a demo organisation and roster, previews, provisions,
 * and prints the roster with statuses and the resulting space memberships. No Google account needed.
 */
import { Google } from '../emulator/google';
import { demoOrg } from '../emulator/seed';
import { AppsScriptWorld } from '../emulator/gas/world';
import { runEntryPoint } from '../emulator/runtime/addon';
import { DEMO_ROSTER } from '../emulator/runtime/demoRoster';
import type { RunReport } from '../src/shared/report';

const ADMIN = 'admin@example.com';
const ROLE_NAMES: Record<string, string> = {
  ROLE_MEMBER: 'Member', ROLE_ASSISTANT_MANAGER: 'Manager', ROLE_MANAGER: 'Owner', MEMBERSHIP_ROLE_UNSPECIFIED: '',
};

const google = new Google({ seed: demoOrg(), latencyMs: 300 });
const world = new AppsScriptWorld(google);
world.spreadsheet.setSheet('Roster', DEMO_ROSTER);

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return (flat.length > width ? `${flat.slice(0, width - 1)}…` : flat).padEnd(width);
}

function printRoster(): void {
  const [header, ...rows] = world.spreadsheet.sheet('Roster') ?? [];
  const widths = [28, 26, 8, 7, 18];
  const line = (cells: string[]) => cells.slice(0, 5).map((cell, i) => cut(String(cell), widths[i])).join(' ') + '  ' + String(cells[5] ?? '');
  console.log(`  ${line(header)}`);
  rows.forEach((row) => console.log(`  ${line(row)}`));
}

function run(name: 'previewRoster' | 'provisionRoster'): void {
  const result = runEntryPoint<RunReport>(world, name, [], { user: ADMIN });
  if (result.error) throw new Error(`${name} failed: ${result.error}`);
  console.log(`  → ${result.value!.message}  (${result.sheetCalls} Sheets round trips, ${result.urlFetchCalls} Chat API calls)\n`);
  printRoster();
  console.log('');
}

console.log(`Chat Roster demo on the emulated Google (organisation example.com, you are ${ADMIN})\n`);
// As an administrator would: Set up roster sheet first (headers, dropdowns, the log sheet).
runEntryPoint(world, 'setupRosterSheet', [], { user: ADMIN });
console.log('1. Preview: what would change (nothing is changed in Chat)');
run('previewRoster');
console.log('2. Provision: apply the roster');
run('provisionRoster');
console.log('3. The spaces now');
for (const space of google.spaces().filter((s) => s.spaceType === 'SPACE')) {
  console.log(`  ${space.displayName} (${space.name})`);
  for (const m of google.membersOf(space.name)) {
    const role = ROLE_NAMES[m.role] ?? m.role;
    console.log(`    ${m.member.padEnd(32)} ${role.padEnd(8)} ${m.state === 'INVITED' ? 'invited' : 'joined'}`);
  }
}
const writes = google.writes().length;
console.log('\n4. Run again: an unchanged roster makes no change');
run('provisionRoster');
console.log(`  Membership writes on the second run: ${google.writes().length - writes}`);
