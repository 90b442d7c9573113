/**
 * npm run emulator: the emulated Google's REST server on http://127.0.0.1:8090/, seeded with the demo
 * organisation (example.com; admin@example.com is a Chat admin), for Google's own client libraries, curl, or
 * the loopback bundle test. The first line of stdout is the server's URL, so a parent process can read it.
 *
 *   npm run emulator -- [--port N] [--latency-ms N]     (PORT=N works too; port 0 = any free port)
 *
 * Run as a child with an IPC channel, it exits when its parent goes away, so a crashed test leaves no server.
 */
import { Google } from '../emulator/google';
import { demoOrg } from '../emulator/seed';
import { startRestServer } from '../emulator/server';

const DEFAULT_PORT = 8090;

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function integerOption(label: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    console.error(`${label} must be a whole number from 0 to ${max}, got ${text}`);
    process.exit(2);
  }
  return value;
}

const port = integerOption('--port / PORT', option('port') ?? process.env.PORT, DEFAULT_PORT, 65535);
const latencyMs = integerOption('--latency-ms', option('latency-ms'), 0, 300_000);
const google = new Google({ seed: demoOrg(), latencyMs });

startRestServer(google, port).then(
  (server) => {
    const scopes = ['chat.memberships', 'chat.memberships.app', 'chat.spaces.readonly'].map((s) => `"https://www.googleapis.com/auth/${s}"`);
    console.log(server.url);
    console.log(`Emulated Google (Chat API at ${server.url}/v1/, Directory at ${server.url}/admin/directory/v1/), seeded with the demo organisation example.com.`);
    console.log('A bearer token from the control API:');
    console.log(`  curl -s -X POST ${server.url}/__control/token -d '{"email":"admin@example.com","scopes":[${scopes.join(',')}]}'`);
    console.log(`Then: curl -H "Authorization: Bearer <token>" ${server.url}/v1/spaces. Control API: emulator/control.ts. Ctrl+C to stop.`);
    const stop = () => { server.close().finally(() => process.exit(0)); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('disconnect', stop);
  },
  (error: NodeJS.ErrnoException) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: try npm run emulator -- --port 0` : `Emulator failed to start: ${error.message}`);
    process.exit(1);
  },
);
