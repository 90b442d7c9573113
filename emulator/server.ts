/**
 * The REST face: a loopback HTTP server speaking the emulated APIs' wire format (paths /v1/… for Chat and
 * /admin/directory/v1/… for the Directory, forwarded unchanged to google.fetch), so Google's own client
 * libraries can point at it. The control API (control.ts) lives apart under /__control/ and is never part
 * of the emulated surface.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRequest } from './control';
import type { Google } from './google';
import type { HttpMethod } from './http';
import { ADMIN_BASE, CHAT_BASE } from './router';
import { errorResponse, GoogleError, notFound } from './errors';

export interface RestServer {
  url: string;
  close(): Promise<void>;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

export function startRestServer(google: Google, port = 0): Promise<RestServer> {
  const server = createServer((req, res) => {
    readBody(req).then((body) => handle(google, req, body, res)).catch((error: unknown) => {
      send(res, 500, { 'content-type': 'text/plain' }, String(error));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((done, fail) => {
          server.closeAllConnections();
          server.close((error) => (error ? fail(error) : done()));
        }),
      });
    });
  });
}

function handle(google: Google, req: IncomingMessage, body: string, res: ServerResponse): void {
  const path = req.url ?? '/';
  const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
  if (path.startsWith('/__control/')) {
    control(google, method, path, body, res);
    return;
  }
  const base = path.startsWith('/admin/directory/v1/') || path.startsWith('/admin/directory/v1?') ? ADMIN_BASE
    : path.startsWith('/v1/') || path.startsWith('/v1?') ? CHAT_BASE : undefined;
  if (!base || !METHODS.includes(method)) {
    const r = errorResponse(notFound(`The requested URL ${path} was not found on this server.`));
    send(res, r.status, r.headers, r.body);
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const response = google.fetch({ method, url: base + path, headers, ...(body ? { body } : {}) });
  send(res, response.status, response.headers, response.body);
}

function control(google: Google, method: HttpMethod, path: string, body: string, res: ServerResponse): void {
  try {
    const reply = controlRequest(google, method, path, body);
    send(res, reply.status, { 'content-type': 'application/json' }, JSON.stringify(reply.body));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const r = errorResponse(new GoogleError(400, 'INVALID_ARGUMENT', message));
    send(res, r.status, r.headers, r.body);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}
