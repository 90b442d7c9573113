'use strict';
// The worker thread behind SyncHttpClient (syncHttp.ts). Plain CommonJS so it loads the same way under jest
// (whose TypeScript transform doesn't reach worker threads), under run-ts and under plain Node.
// Protocol: the main thread posts one request on `port` and blocks on `signal[0]`; this thread does the HTTP
// exchange, posts {response} or {error} back on the port, then sets the signal and wakes the main thread.
const { workerData } = require('node:worker_threads');
const http = require('node:http');

const { port, signal } = workerData;
// Loopback only; keep-alive spares a TCP handshake per request.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function exchange({ method, url, headers, body }) {
  return new Promise((resolve, reject) => {
    const outgoing = { ...headers };
    if (body !== undefined) outgoing['content-length'] = String(Buffer.byteLength(body, 'utf8'));
    const request = http.request(url, { method, headers: outgoing, agent }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const replyHeaders = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) replyHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: response.statusCode, headers: replyHeaders, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

function reply(message) {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on('message', (request) => {
  exchange(request).then(
    (response) => reply({ response }),
    (error) => reply({ error: error && error.message ? error.message : String(error) }),
  );
});
