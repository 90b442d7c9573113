/**
 * A synchronous HTTP client for Node, for fakes whose real counterparts are synchronous (UrlFetchApp, the
 * advanced services). A worker thread (syncHttpWorker.cjs) does each exchange while this thread waits on a
 * shared Int32Array with Atomics.wait; the answer is then taken off the MessagePort with
 * receiveMessageOnPort, without the event loop. So this thread's event loop doesn't run while a request is
 * out: the server must live in another thread or process.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { HttpMethod } from '../http';

export interface WireRequest {
  method: HttpMethod;
  /** an http:// URL */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface WireResponse {
  status: number;
  /** names lower-case, as Node reads them */
  headers: Record<string, string>;
  body: string;
}

type WorkerReply = { response: WireResponse } | { error: string };

/** Under jest __dirname is this folder; bundled by run-ts it isn't, and the project root is the cwd. */
function workerFile(): string {
  const beside = join(__dirname, 'syncHttpWorker.cjs');
  return existsSync(beside) ? beside : resolve('emulator/remote/syncHttpWorker.cjs');
}

export class SyncHttpClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  /** set after a timeout: a late answer would otherwise be taken for the next request's */
  private broken?: string;

  constructor(private readonly timeoutMs = 30_000) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerFile(), { workerData: { port: port2, signal: this.signal }, transferList: [port2] });
    // Neither keeps a test process alive; close() ends the worker.
    this.worker.unref();
    this.port.unref();
  }

  /** Sends one request and blocks until its answer; throws on a transport failure or after timeoutMs. */
  request(request: WireRequest): WireResponse {
    if (this.broken) throw new Error(`SyncHttpClient: unusable since ${this.broken}`);
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(request);
    if (Atomics.wait(this.signal, 0, 0, this.timeoutMs) === 'timed-out') {
      this.broken = `no answer from ${request.method} ${request.url} within ${this.timeoutMs} ms`;
      throw new Error(`SyncHttpClient: ${this.broken}`);
    }
    const received = receiveMessageOnPort(this.port);
    if (!received) throw new Error(`SyncHttpClient: woken without an answer for ${request.method} ${request.url}`);
    const reply = received.message as WorkerReply;
    if ('error' in reply) throw new Error(`SyncHttpClient: ${request.method} ${request.url} failed: ${reply.error}`);
    return reply.response;
  }

  async close(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }
}
