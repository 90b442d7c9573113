/** Where an execution runs (inside a document or not) and Utilities.sleep's documented cap. */
import { AppsScriptWorld, typed } from '../../../emulator/gas/world';
import { START, StubGoogle } from './stubGoogle';

const ADMIN = 'admin@example.com';

describe('an execution outside a containing document (container: false)', () => {
  it('gets null for the document lock, document properties and document cache', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const { LockService, PropertiesService, CacheService } = typed(world.startExecution({ user: ADMIN, container: false, fromTrigger: true }));
    expect(LockService.getDocumentLock()).toBeNull();
    expect(PropertiesService.getDocumentProperties()).toBeNull();
    expect(CacheService.getDocumentCache()).toBeNull();
  });

  it('still has the script and user stores, and still ends like any execution', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const execution = world.startExecution({ user: ADMIN, container: false });
    const { LockService, PropertiesService, CacheService } = typed(execution);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(PropertiesService.getUserProperties().setProperty('k', 'v').getProperty('k')).toBe('v');
    expect(() => CacheService.getScriptCache().put('k', 'v')).not.toThrow();
    execution.end();
    expect(() => PropertiesService.getDocumentProperties()).toThrow('This execution has ended.');
  });

  it('is the exception: by default an execution has its document', () => {
    const { LockService, PropertiesService, CacheService } = typed(new AppsScriptWorld(new StubGoogle()).startExecution({ user: ADMIN }));
    expect(LockService.getDocumentLock()).not.toBeNull();
    expect(PropertiesService.getDocumentProperties()).not.toBeNull();
    expect(CacheService.getDocumentCache()).not.toBeNull();
  });
});

describe('Utilities.sleep', () => {
  it('sleeps up to 300,000 ms on the virtual clock and refuses more', () => {
    const google = new StubGoogle();
    const { Utilities } = typed(new AppsScriptWorld(google).startExecution({ user: ADMIN }));
    Utilities.sleep(300_000);
    expect(google.clock.now()).toBe(START + 300_000);
    expect(() => Utilities.sleep(300_001)).toThrow('Invalid argument: milliseconds');
    expect(google.clock.now()).toBe(START + 300_000);
  });
});
