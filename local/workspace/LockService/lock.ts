/** A Lock of LockService. */
import type { LocalLock } from './lock-service';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/**
 * Who holds a lock: nobody, a Lock object of a running execution, or an execution outside the harness's view
 * ('elsewhere', arranged with LocalLock.hold).
 */
export type Holder = null | 'elsewhere' | { readonly execution: number; readonly lock: LockImpl };

/** https://developers.google.com/apps-script/reference/lock/lock */
export class LockImpl {
  constructor(
    private readonly owner: LocalLock,
    private readonly key: string,
  ) {}

  /**
   * "Attempts to acquire the lock, timing out after the provided number of milliseconds." A holder here is
   * another execution that is paused (the harness runs this one inside it) or outside the harness's view, so it
   * cannot let go during the wait: the whole timeout passes on the script's clock, then false.
   */
  tryLock(timeoutInMillis: number): boolean {
    if (this.take()) return true;
    this.owner._wait(timeoutInMillis);
    return false;
  }

  /** As tryLock, but throws Google's timeout message instead of returning false. */
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    if (this.hasLock()) this.owner._setHolder(this.key, null);
  }

  hasLock(): boolean {
    const holder = this.owner._holder(this.key);
    return holder !== null && holder !== 'elsewhere' && holder.lock === this;
  }

  /** Takes the lock if it is free; true when this object holds it. */
  private take(): boolean {
    if (this.hasLock()) return true;
    if (this.owner._holder(this.key) !== null) return false;
    this.owner._setHolder(this.key, { execution: this.owner._executionId(), lock: this });
    return true;
  }
}
