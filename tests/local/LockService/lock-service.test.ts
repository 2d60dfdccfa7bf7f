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

  it('tryLock waits out its timeout on the script’s clock, then returns false, while another execution holds the lock', () => {
    const { runtime, lock, LockService } = setup();
    lock.holdScriptLock();
    const l = LockService.getScriptLock();
    expect(l.tryLock(30_000)).toBe(false);
    expect(l.hasLock()).toBe(false);
    expect(runtime.now().getTime()).toBe(Date.UTC(2024, 0, 1) + 30_000);
    lock.releaseHeld();
    expect(l.tryLock(30_000)).toBe(true);
    expect(runtime.now().getTime()).toBe(Date.UTC(2024, 0, 1) + 30_000);
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
    runtime.as('someone.else@example.org', () => expect(LockService.getUserLock().tryLock(0)).toBe(true));
  });

  it('a second lock object of the same execution waits like anyone else', () => {
    const { LockService } = setup();
    const first = LockService.getScriptLock();
    first.waitLock(1000);
    expect(LockService.getScriptLock().tryLock(0)).toBe(false);
  });

  it('frees an execution’s locks when it ends, and no one else’s', () => {
    const { runtime, lock, LockService } = setup();
    runtime.runAs('menu', () => {
      LockService.getDocumentLock().waitLock(1000);
      expect(lock.state('document')).toBe('script');
    });
    expect(lock.state('document')).toBe('free');
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

describe('Locks across overlapping executions', () => {
  /** A first execution that takes `scope`'s lock, then calls Lock.hasLock: the pause comes between the two. */
  function overlapping(take: (service: GoogleAppsScript.Lock.LockService) => GoogleAppsScript.Lock.Lock) {
    const { runtime, lock, LockService } = setup();
    const seen: string[] = [];
    const disarm = runtime.pauseAt({ after: 'Lock.waitLock' }, () =>
      runtime.as('second.officer@example.org', () =>
        runtime.runAs('menu', () => {
          const theirs = take(LockService);
          seen.push(
            `tryLock ${String(theirs.tryLock(5_000))} at +${runtime.now().getTime() - Date.UTC(2024, 0, 1)}`,
          );
          try {
            theirs.waitLock(10_000);
            seen.push('waitLock got it');
          } catch (error) {
            seen.push(
              `waitLock: ${(error as Error).message} at +${runtime.now().getTime() - Date.UTC(2024, 0, 1)}`,
            );
          }
        }),
      ),
    );
    runtime.runAs('menu', () => {
      const mine = take(LockService);
      mine.waitLock(30_000);
      seen.push(`first still holds it: ${String(mine.hasLock())}`);
    });
    expect(disarm()).toBe(true);
    return { seen, lock, LockService, runtime };
  }

  it('keeps a second execution out of the document lock the paused first one holds, timing out on the clock', () => {
    const { seen, lock } = overlapping((service) => service.getDocumentLock());
    expect(seen).toEqual([
      'tryLock false at +5000',
      'waitLock: Lock timeout: another process was holding the lock for too long. at +15000',
      'first still holds it: true',
    ]);
    expect(lock.state('document')).toBe('free');
  });

  it('does the same for the script lock, whoever the second user is', () => {
    const { seen } = overlapping((service) => service.getScriptLock());
    expect(seen[0]).toBe('tryLock false at +5000');
    expect(seen[2]).toBe('first still holds it: true');
  });

  it('lets another user take their own user lock while the first holds theirs', () => {
    const { seen } = overlapping((service) => service.getUserLock());
    expect(seen).toEqual(['tryLock true at +0', 'waitLock got it', 'first still holds it: true']);
  });

  it('lets the second execution in once the first has released the lock before the pause', () => {
    const { runtime, LockService } = setup();
    const seen: boolean[] = [];
    const disarm = runtime.pauseAt({ after: 'Lock.releaseLock' }, () =>
      runtime.runAs('menu', () => seen.push(LockService.getDocumentLock().tryLock(0))),
    );
    runtime.runAs('menu', () => {
      const mine = LockService.getDocumentLock();
      mine.waitLock(1000);
      mine.releaseLock();
    });
    expect(disarm()).toBe(true);
    expect(seen).toEqual([true]);
  });
});
