/**
 * One thin file per command (DESIGN.md §1, as clasp does): a command reaches the adapters through the
 * composition root, never through another command.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMMANDS = 'src/gas/commands';

describe('src/gas/commands', () => {
  it('no command imports another command', () => {
    const crossings = readdirSync(COMMANDS).filter((file) => file.endsWith('.ts')).flatMap((file) => {
      const text = readFileSync(join(COMMANDS, file), 'utf8');
      return [...text.matchAll(/from\s+'(\.\/[^']+)'/g)].map((match) => `${file} imports ${match[1]}`);
    });
    expect(crossings).toEqual([]);
  });
});
