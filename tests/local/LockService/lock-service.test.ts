import { Runtime } from '../../../local/workspace/runtime';
import { LOCK_TIMEOUT_MESSAGE, LocalLock } from '../../../local/workspace/LockService';

function setup() {
  const runtime = new Runtime();
  runtime.fixedNow = Date.UTC(2024, 0, 1);
  const lock = new LocalLock(runtime);
  return { runtime, lock, LockService: lock.app };
}

describe('Lock', () => {
  it('is taken, held and released by the script', () => {
    const { lock, LockService } = setup();
    const l = LockService.getScriptLock();
    expect(l.hasLock()).toBe(false);
    expect(l.tryLock(1000)).toBe(true);
    expect(l.hasLock()).toBe(true);
    expect(lock.state('script')).toBe('script');
    l.releaseLock();
    expect(l.hasLock()).toBe(false);
    expect(lock.state('script')).toBe('free');
  });

  it('tryLock returns false at once while another execution holds the lock', () => {
    const { runtime, lock, LockService } = setup();
    lock.holdScriptLock();
    const l = LockService.getScriptLock();
    expect(l.tryLock(30_000)).toBe(false);
    expect(l.hasLock()).toBe(false);
    expect(runtime.now().getTime()).toBe(Date.UTC(2024, 0, 1));
    lock.releaseHeld();
    expect(l.tryLock(30_000)).toBe(true);
  });

  it('waitLock throws Google’s timeout message while the lock is held elsewhere', () => {
    const { lock, LockService } = setup();
    lock.holdScriptLock();
    expect(() => LockService.getScriptLock().waitLock(10_000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    lock.releaseHeld();
    expect(() => LockService.getScriptLock().waitLock(10_000)).not.toThrow();
  });

  it('keeps script, document and user locks apart', () => {
    const { runtime, lock, LockService } = setup();
    lock.holdScriptLock();
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    runtime.activeUserEmail = 'someone.else@example.org';
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
  });

  it('a second lock object of the same execution waits like anyone else', () => {
    const { LockService } = setup();
    const first = LockService.getScriptLock();
    first.waitLock(1000);
    expect(LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it('endExecution frees the script’s own locks but not one held elsewhere', () => {
    const { lock, LockService } = setup();
    LockService.getScriptLock().waitLock(1000);
    lock.hold('document');
    lock.endExecution();
    expect(lock.state('script')).toBe('free');
    expect(lock.state('document')).toBe('elsewhere');
  });
});
