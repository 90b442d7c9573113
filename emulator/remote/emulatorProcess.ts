/**
 * Starts `npm run emulator`'s script (scripts/emulator.ts through scripts/run-ts.mjs) as a child process on
 * a free port and reads its URL from the first line of its stdout. A child, not this process, because a
 * thread blocked in SyncHttpClient can't serve HTTP. The child gets an IPC channel, so it exits with us.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface EmulatorProcess {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  stop(): Promise<void>;
}

export function startEmulatorProcess(options: { latencyMs?: number; timeoutMs?: number } = {}): Promise<EmulatorProcess> {
  const args = [resolve('scripts/run-ts.mjs'), resolve('scripts/emulator.ts'), '--port', '0'];
  if (options.latencyMs !== undefined) args.push('--latency-ms', String(options.latencyMs));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, PORT: '' } });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolveStart, reject) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (why: string) => settle(() => {
      void stop();
      reject(new Error(`npm run emulator ${why}${stderr ? `: ${stderr.trim()}` : ''}`));
    });
    const timeoutMs = options.timeoutMs ?? 20_000;
    const timer = setTimeout(() => fail(`printed no URL within ${timeoutMs} ms`), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const newline = stdout.indexOf('\n');
      if (newline < 0 || settled) return;
      const url = stdout.slice(0, newline).trim();
      if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) return fail(`printed ${JSON.stringify(url)} instead of its URL`);
      settle(() => resolveStart({ url, stop }));
    });
    child.once('exit', (code) => fail(`exited (code ${code}) before printing its URL`));
  });
}
