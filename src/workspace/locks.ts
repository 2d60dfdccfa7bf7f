/**
 * Work done holding a lock (LockService): the document's lock keeps edits, imports, set-up and sidebar changes
 * from interleaving; the script's keeps two reminder runs apart.
 */

/**
 * Runs `work` holding `lock`, released however `work` ends; when the lock cannot be had within `waitMs`, gives
 * what `busy` says instead, and `work` does not run.
 */
export function whileHolding<T>(
  lock: GoogleAppsScript.Lock.Lock,
  waitMs: number,
  work: () => T,
  busy: () => T,
): T {
  if (!lock.tryLock(waitMs)) return busy();
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
