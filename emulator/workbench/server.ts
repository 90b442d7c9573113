/**
 * The workbench's HTTP face (loopback only): the page (page/), its JSON API over the Workbench model, and
 * the sidebar an execution opened, served with the google.script.run shim (page/shim.js) injected.
 *
 * Timing: an execution runs at once on the virtual clock; its answer is sent after virtualMs / speed real
 * milliseconds (speed 0 = at once), so a sidebar driving a long run shows its progress at a watchable pace.
 * Executions started while another's answer is on its way run at once (like parallel executions).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { FaultSpec } from '../faults';
import type { Google } from '../google';
import type { AppsScriptWorld } from '../gas/world';
import { FAULT_CODES, FAULT_METHODS, type RunRequest } from './api';
import { parseSetupChange } from './setup';
import { parseMove } from './units';
import { parsePaste } from './paste';
import { parseActAs } from './users';
import { Workbench, type WorkbenchOptions } from './workbench';

export interface StartOptions extends Partial<WorkbenchOptions> {
  /** 0 = any free port */
  port?: number;
  /** the page's files; default <cwd>/emulator/workbench/page (npm scripts and jest run from the root) */
  assetsDir?: string;
}

export interface RunningWorkbench {
  url: string;
  close(): Promise<void>;
  /** the current ones: a reset replaces them */
  readonly google: Google;
  readonly world: AppsScriptWorld;
  workbench: Workbench;
}

const ASSETS: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/dom.js': 'dom.js',
  '/dialogs.js': 'dialogs.js',
  '/menu.js': 'menu.js',
  '/sidebarFrame.js': 'sidebarFrame.js',
  '/sheetGrid.js': 'sheetGrid.js',
  '/cellEditing.js': 'cellEditing.js',
  '/googlePanel.js': 'googlePanel.js',
  '/setup.js': 'setup.js',
  '/units.js': 'units.js',
  '/paste.js': 'paste.js',
  '/clock.js': 'clock.js',
  '/users.js': 'users.js',
  '/gridWindow.js': 'gridWindow.js',
  '/style.css': 'style.css',
};
const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const MAX_BODY = 1_000_000;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Does what the page asked; a request the workbench refuses (bad input, unknown person) is a 400 with why. */
function asked(change: () => void): void {
  try {
    change();
  } catch (error) {
    throw new HttpError(400, error instanceof Error ? error.message : String(error));
  }
}

export function startWorkbench(options: StartOptions = {}): Promise<RunningWorkbench> {
  const distDir = options.distDir ?? resolve('dist');
  const assetsDir = options.assetsDir ?? resolve('emulator/workbench/page');
  const workbench = new Workbench({ ...options, distDir });
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      json(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Loopback only, and only for pages of this origin (no DNS rebinding, no cross-site form posts).
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpError(403, 'Unexpected Host header.');
    const url = new URL(req.url ?? '/', `http://${host}`);
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      const asset = ASSETS[path];
      if (asset) return send(res, 200, TYPES[asset.split('.').pop()!], readFileSync(join(assetsDir, asset), 'utf8'));
      const sidebar = /^\/sidebar\/(\d+)$/.exec(path);
      if (sidebar) {
        const html = workbench.sidebarHtml(Number(sidebar[1]));
        if (html === undefined) throw new HttpError(404, 'This sidebar is gone: open it again from the menu.');
        return send(res, 200, TYPES.html, injectShim(html, readFileSync(join(assetsDir, 'shim.js'), 'utf8')));
      }
      if (path === '/api/state') return json(res, 200, workbench.state());
      if (path === '/api/menu') return json(res, 200, workbench.menu());
      if (path === '/api/sheet') {
        const view = workbench.sheet(url.searchParams.get('name') ?? '');
        if (!view) throw new HttpError(404, 'There is no such sheet.');
        return json(res, 200, view);
      }
      throw new HttpError(404, 'Not found.');
    }
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed.');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Send JSON.');
    const body = await readJson(req);
    const run = /^\/api\/run\/([^/]+)$/.exec(path);
    if (run) {
      const request = body as RunRequest;
      const args = Array.isArray(request.args) ? request.args : [];
      const answer = workbench.run(decodeURIComponent(run[1]), args, typeof request.via === 'string' ? request.via : 'sidebar');
      const wait = workbench.speed > 0 ? answer.virtualMs / workbench.speed : 0;
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      return json(res, 200, answer);
    }
    switch (path) {
      case '/api/sheet': {
        const { sheet, row, column, value } = body as { sheet: unknown; row: unknown; column: unknown; value: unknown };
        asked(() => {
          workbench.editCell(String(sheet), Number(row), Number(column), String(value ?? ''));
        });
        return json(res, 200, { ok: true });
      }
      case '/api/sheet/paste': {
        asked(() => {
          const { sheet, row, column, cells } = parsePaste(body);
          workbench.pasteCells(sheet, row, column, cells);
        });
        return json(res, 200, { ok: true });
      }
      case '/api/user': {
        asked(() => {
          workbench.actAs(parseActAs(body));
        });
        return json(res, 200, { ok: true });
      }
      case '/api/reset':
        workbench.reset();
        return json(res, 200, { ok: true });
      case '/api/faults': {
        const { methodId, code, probability } = body as { methodId: unknown; code: unknown; probability: unknown };
        const p = Number(probability ?? 1);
        if (!(FAULT_METHODS as readonly unknown[]).includes(methodId)) throw new HttpError(400, 'Unknown method.');
        if (!(FAULT_CODES as readonly unknown[]).includes(Number(code))) throw new HttpError(400, 'Unknown HTTP code.');
        if (!(p > 0 && p <= 1)) throw new HttpError(400, 'Probability must be within (0, 1].');
        workbench.injectFault(String(methodId), Number(code) as FaultSpec['code'], p);
        return json(res, 200, { ok: true });
      }
      case '/api/setup': {
        asked(() => {
          workbench.setup.change(parseSetupChange(body, workbench.world.consent.requested));
        });
        return json(res, 200, { ok: true });
      }
      case '/api/directory/move': {
        asked(() => {
          const { email, orgUnitPath } = parseMove(body);
          workbench.moveUser(email, orgUnitPath);
        });
        return json(res, 200, { ok: true });
      }
      case '/api/faults/clear':
        workbench.clearFaults();
        return json(res, 200, { ok: true });
      case '/api/speed': {
        const speed = Number((body as { speed: unknown }).speed);
        if (!(speed >= 0 && Number.isFinite(speed))) throw new HttpError(400, 'Speed must be 0 (instant) or more.');
        workbench.speed = speed;
        return json(res, 200, { ok: true });
      }
      case '/api/advance': {
        const ms = Number((body as { ms: unknown }).ms);
        if (!(ms > 0 && ms <= 7 * 24 * 3600_000)) throw new HttpError(400, 'Advance by up to a week.');
        workbench.advance(ms);
        return json(res, 200, { ok: true });
      }
      default:
        throw new HttpError(404, 'Not found.');
    }
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        get google() { return workbench.google; },
        get world() { return workbench.world; },
        workbench,
        close: () => new Promise<void>((done, fail) => {
          server.closeAllConnections();
          server.close((error) => (error ? fail(error) : done()));
        }),
      });
    });
  });
}

/** The shim goes first in <head> (after the doctype, so the page keeps standards mode). */
export function injectShim(html: string, shim: string): string {
  const tag = `<script>/* google.script.run, as the workbench provides it */\n${shim.replace(/<\/script/gi, '<\\/script')}\n</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + tag + html.slice(doctype[0].length);
  return tag + html;
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new HttpError(413, 'Too large.'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolvePromise(text ? JSON.parse(text) : {});
      } catch {
        reject(new HttpError(400, 'Malformed JSON.'));
      }
    });
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}
