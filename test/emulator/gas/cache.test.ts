/** CacheService: persistence across executions, expiry on the virtual clock, size limits, best-effort eviction. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { require as gasRequire } from 'gas-local';
import { AppsScriptWorld, typed } from '../../../emulator/gas/world';
import { StubGoogle } from './stubGoogle';

const ADMIN = 'admin@example.com';
const OTHER = 'other@example.com';
const SECOND = 1000;

function setup() {
  const world = new AppsScriptWorld(new StubGoogle());
  const run = (user = ADMIN) => typed(world.startExecution({ user })).CacheService;
  return { world, run, advance: (ms: number) => world.google.clock.advance(ms) };
}

describe('CacheService', () => {
  it('keeps the document cache across executions and users, the user cache per user, values as strings', () => {
    const { world, run } = setup();
    const first = run(ADMIN);
    first.getDocumentCache()!.put('run', JSON.stringify({ id: 1 }));
    first.getUserCache().put('count', 3 as unknown as string);
    first.getScriptCache().put('config', 'on');
    const second = run(OTHER);
    expect(second.getDocumentCache()!.get('run')).toBe('{"id":1}');
    expect(second.getScriptCache().get('config')).toBe('on');
    expect(second.getUserCache().get('count')).toBeNull();
    expect(run(ADMIN).getUserCache().get('count')).toBe('3');
    expect(world.userCache(ADMIN).get('count')).toBe('3');
    expect(world.documentCache.get('count')).toBeNull();
  });

  // Each read is a fresh execution: one execution dies at 6 minutes, before most TTLs run out.
  it('expires an entry on the virtual clock, 600 s by default', () => {
    const { run, advance } = setup();
    const cache = () => run().getDocumentCache()!;
    cache().put('default', 'a');
    cache().put('short', 'b', 30);
    advance(30 * SECOND - 1);
    expect(cache().getAll(['default', 'short'])).toEqual({ default: 'a', short: 'b' });
    advance(1);
    expect(cache().get('short')).toBeNull();
    advance(570 * SECOND - 1);
    expect(cache().get('default')).toBe('a');
    advance(1);
    expect(cache().get('default')).toBeNull();
  });

  it('clamps an expiration above 21,600 s to 21,600 s and refuses one below 1 s', () => {
    const { run, advance } = setup();
    const cache = () => run().getScriptCache();
    expect(() => cache().put('zero', 'z', 0)).toThrow('Invalid argument: expirationInSeconds');
    expect(() => cache().putAll({ nan: 'z' }, 'soon' as unknown as number)).toThrow('Invalid argument: expirationInSeconds');
    cache().put('long', 'x', 86_400);
    cache().put('max', 'y', 21_600);
    advance(21_600 * SECOND - 1);
    expect(cache().getAll(['long', 'max'])).toEqual({ long: 'x', max: 'y' });
    advance(1);
    expect(cache().getAll(['long', 'max'])).toEqual({});
  });

  it('a re-put replaces the value and restarts the expiration', () => {
    const { run, advance } = setup();
    const cache = run().getDocumentCache()!;
    cache.put('k', 'old', 10);
    advance(5 * SECOND);
    cache.put('k', 'new', 10);
    advance(9 * SECOND);
    expect(cache.get('k')).toBe('new');
  });

  it('getAll leaves out missing keys; remove and removeAll delete', () => {
    const { run } = setup();
    const cache = run().getDocumentCache()!;
    cache.putAll({ a: '1', b: 2, c: '3' });
    expect(cache.getAll(['a', 'missing', 'b'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    cache.removeAll(['b', 'missing']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
  });

  it('refuses a value over 100 KB or a key over 250 characters, storing nothing (putAll is all or nothing)', () => {
    const { run } = setup();
    const cache = run().getDocumentCache()!;
    cache.put('fits', 'x'.repeat(100 * 1024));
    expect(cache.get('fits')).toHaveLength(100 * 1024);
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('wide', 'é'.repeat(60 * 1024))).toThrow('Argument too large: value');
    expect(() => cache.putAll({ ok: 'small', big: 'x'.repeat(100 * 1024 + 1) })).toThrow('Argument too large: value');
    expect(cache.getAll(['big', 'wide', 'ok'])).toEqual({});
    cache.put('k'.repeat(250), 'v');
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(() => cache.putAll({ ok: 'small', ['k'.repeat(251)]: 'v' })).toThrow('Argument too large: key');
    expect(cache.get('ok')).toBeNull();
    expect(() => cache.get('k'.repeat(251))).toThrow('Argument too large: key');
  });

  it('keeps at most 1,000 items, evicting the oldest put first; expired items do not count', () => {
    const { world, run, advance } = setup();
    const cache = run().getDocumentCache()!;
    for (let i = 0; i < 999; i++) cache.put(`k${i}`, String(i));
    cache.put('expiring', 'gone soon', 1);
    advance(1 * SECOND);
    cache.put('k999', '999');
    expect(world.documentCache.keys()).toHaveLength(1000);
    expect(cache.get('k0')).toBe('0');
    cache.put('k0', 'again');
    cache.putAll({ n1: 'a', n2: 'b' });
    expect(cache.getAll(['k0', 'k1', 'k2', 'k3', 'n1', 'n2'])).toEqual({ k0: 'again', k3: '3', n1: 'a', n2: 'b' });
    expect(world.documentCache.keys()).toHaveLength(1000);
  });

  it('evictAll and evict play Google dropping entries before they expire', () => {
    const { world, run } = setup();
    const cache = run().getDocumentCache()!;
    cache.putAll({ a: '1', b: '2', c: '3' });
    world.documentCache.evict('a');
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ b: '2', c: '3' });
    world.documentCache.evictAll();
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({});
  });

  it('spends no virtual time and counts no Sheets round trips', () => {
    const { world } = setup();
    const execution = world.startExecution({ user: ADMIN });
    const before = world.google.clock.now();
    typed(execution).CacheService.getDocumentCache()!.put('k', 'v');
    expect(world.google.clock.now()).toBe(before);
    expect(execution.counters.sheetCalls()).toBe(0);
  });

  it('is out of reach in AuthMode.NONE and after the execution ends', () => {
    const { world } = setup();
    const { CacheService } = typed(world.startExecution({ user: ADMIN, authMode: 'NONE' }));
    expect(() => CacheService.getDocumentCache()).toThrow('Authorization is required to perform that action.');
    const execution = world.startExecution({ user: ADMIN });
    const cache = typed(execution).CacheService.getUserCache();
    execution.end();
    expect(() => cache.get('k')).toThrow('This execution has ended.');
  });

  it('reaches the script under gas-local, whose errors are instanceof Error in its own realm', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-cache-'));
    writeFileSync(join(dir, 'Code.js'), `
      function remember() { CacheService.getDocumentCache().put('seen', 'yes', 60); return CacheService.getDocumentCache().get('seen'); }
      function tooBig() {
        try { CacheService.getDocumentCache().put('big', new Array(102402).join('x')); } catch (e) { return [e instanceof Error, e.message]; }
      }
    `);
    const world = new AppsScriptWorld(new StubGoogle(), { distDir: dir });
    const context = gasRequire(dir, world.startExecution({ user: ADMIN }).globals, { filter: (file) => file.endsWith('.js') });
    expect((context.remember as () => unknown)()).toBe('yes');
    expect((context.tooBig as () => unknown)()).toEqual([true, 'Argument too large: value']);
    expect(world.documentCache.get('seen')).toBe('yes');
    expect(world.documentCache.get('big')).toBeNull();
  });
});
