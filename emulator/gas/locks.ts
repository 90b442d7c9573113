/**
 * LockService (reference/apps-script-limits.md §5). Locks live in the world, so a lock held by an execution
 * that hasn't ended blocks every other execution; `execution.end()` releases what it held, as Apps Script
 * does when a script ends. Executions run one at a time in one thread, so nobody can release a lock while
 * another waits: a wait on a held lock just spends its whole timeout of virtual time, then fails.
 * One world is one document, so the document lock and the script lock differ only in name here (for a
 * published add-on the script lock spans every user and document).
 * Not modelled: a maximum timeout, "too many LockService operations", lock expiry.
 */
import type { ExecutionContext } from './execution';

export class LockTable {
  /** lock key → id of the execution holding it */
  private readonly holders = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, execution: number): boolean {
    const holder = this.holders.get(key);
    if (holder !== undefined && holder !== execution) return false;
    this.holders.set(key, execution);
    return true;
  }

  release(key: string, execution: number): void {
    if (this.holders.get(key) === execution) this.holders.delete(key);
  }

  releaseAll(execution: number): void {
    for (const [key, holder] of [...this.holders]) if (holder === execution) this.holders.delete(key);
  }
}

class FakeLock implements GoogleAppsScript.Lock.Lock {
  constructor(private readonly table: LockTable, private readonly key: string, private readonly ctx: ExecutionContext) {}

  private get id(): number {
    return this.ctx.settings.id;
  }

  hasLock(): boolean {
    this.ctx.enter('Lock.hasLock');
    return this.table.holder(this.key) === this.id;
  }

  releaseLock(): void {
    this.ctx.enter('Lock.releaseLock');
    this.table.release(this.key, this.id);
  }

  tryLock(timeoutInMillis: number): boolean {
    this.ctx.enter('Lock.tryLock');
    if (this.table.acquire(this.key, this.id)) return true;
    this.ctx.advance(Math.max(0, Number(timeoutInMillis) || 0));
    this.ctx.checkDeadline();
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw this.ctx.error('Lock timeout: another process was holding the lock for too long.');
  }
}

/** Outside a containing document (execution option `container: false`) there is no document lock: null. */
export interface FakeLockService {
  getDocumentLock(): GoogleAppsScript.Lock.Lock | null;
  getScriptLock(): GoogleAppsScript.Lock.Lock;
  getUserLock(): GoogleAppsScript.Lock.Lock;
}

export function createLockService(table: LockTable, ctx: ExecutionContext): FakeLockService {
  const lock = (method: string, key: string) => {
    ctx.enter(`LockService.${method}`);
    ctx.requireAuthorization();
    return new FakeLock(table, key, ctx);
  };
  return {
    getDocumentLock: () => ctx.inDocument('LockService.getDocumentLock', () => lock('getDocumentLock', 'document')),
    getScriptLock: () => lock('getScriptLock', 'script'),
    getUserLock: () => lock('getUserLock', `user:${ctx.user}`),
  };
}
