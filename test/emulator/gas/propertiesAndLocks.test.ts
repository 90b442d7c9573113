/** PropertiesService and LockService: persistence across executions, size limits, locks held until an execution ends. */
import { AppsScriptWorld, typed } from '../../../emulator/gas/world';
import { StubGoogle } from './stubGoogle';

const ADMIN = 'admin@example.com';
const OTHER = 'other@example.com';

describe('PropertiesService', () => {
  it('keeps document properties across executions and users, user properties per user, values as strings', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const first = typed(world.startExecution({ user: ADMIN }));
    first.PropertiesService.getDocumentProperties()!.setProperty('run', JSON.stringify({ id: 1 }));
    first.PropertiesService.getUserProperties().setProperty('count', 3 as unknown as string);
    const second = typed(world.startExecution({ user: OTHER }));
    expect(second.PropertiesService.getDocumentProperties()!.getProperty('run')).toBe('{"id":1}');
    expect(second.PropertiesService.getUserProperties().getProperty('count')).toBeNull();
    expect(world.userProperties(ADMIN).getProperty('count')).toBe('3');
  });

  it('refuses a value over 9 KB and keeps the old one', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const properties = typed(world.startExecution({ user: ADMIN })).PropertiesService.getDocumentProperties()!;
    properties.setProperty('state', 'small');
    properties.setProperty('fits', 'x'.repeat(9 * 1024));
    expect(() => properties.setProperty('state', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => properties.setProperty('state', 'é'.repeat(5000))).toThrow('Argument too large: value');
    expect(properties.getProperty('state')).toBe('small');
  });

  it('refuses to grow a store past 500 KB', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const properties = typed(world.startExecution({ user: ADMIN })).PropertiesService.getScriptProperties();
    const chunk = 'x'.repeat(9000);
    for (let i = 0; i < 56; i++) properties.setProperty(`k${i}`, chunk);
    expect(() => properties.setProperty('one-more', chunk)).toThrow('You have exceeded the property storage quota.');
  });

  it('is out of reach in AuthMode.NONE', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const { PropertiesService } = typed(world.startExecution({ user: ADMIN, authMode: 'NONE' }));
    expect(() => PropertiesService.getDocumentProperties()).toThrow('Authorization is required to perform that action.');
  });
});

describe('LockService', () => {
  it('a document lock held by an unfinished execution blocks another, whose wait spends virtual time; end() releases it', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const first = world.startExecution({ user: ADMIN });
    expect(typed(first).LockService.getDocumentLock()!.tryLock(1000)).toBe(true);

    const second = world.startExecution({ user: OTHER });
    const lock = typed(second).LockService.getDocumentLock()!;
    const before = world.google.clock.now();
    expect(lock.tryLock(2000)).toBe(false);
    expect(world.google.clock.now() - before).toBe(2000);
    expect(() => lock.waitLock(500)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);

    first.end();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(typed(world.startExecution({ user: ADMIN })).LockService.getDocumentLock()!.tryLock(0)).toBe(true);
  });

  it('user locks are per user', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    expect(typed(world.startExecution({ user: ADMIN })).LockService.getUserLock().tryLock(0)).toBe(true);
    expect(typed(world.startExecution({ user: OTHER })).LockService.getUserLock().tryLock(0)).toBe(true);
    expect(typed(world.startExecution({ user: ADMIN })).LockService.getUserLock().tryLock(0)).toBe(false);
  });

  it('an ended execution can no longer call services', () => {
    const world = new AppsScriptWorld(new StubGoogle());
    const execution = world.startExecution({ user: ADMIN });
    execution.end();
    expect(() => typed(execution).LockService.getDocumentLock()).toThrow('This execution has ended.');
  });
});
