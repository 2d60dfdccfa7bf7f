/** A Lock of LockService. */
import type { LocalLock } from './lock-service';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Who holds a lock: nobody, a Lock object of the current execution, or another (simulated) execution. */
export type Holder = null | 'elsewhere' | LockImpl;

/** https://developers.google.com/apps-script/reference/lock/lock */
export class LockImpl {
  constructor(
    private readonly owner: LocalLock,
    private readonly key: string,
  ) {}

  /** Returns at once: a lock held elsewhere stays held for as long as any wait would last. */
  tryLock(_timeoutInMillis?: number): boolean {
    const holder = this.owner._holder(this.key);
    if (holder === this) return true;
    if (holder !== null) return false;
    this.owner._setHolder(this.key, this);
    return true;
  }

  waitLock(timeoutInMillis?: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    if (this.owner._holder(this.key) === this) this.owner._setHolder(this.key, null);
  }

  hasLock(): boolean {
    return this.owner._holder(this.key) === this;
  }
}
