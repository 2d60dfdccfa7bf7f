/** LockService of the local Workspace. */
export { LocalLock } from './lock-service';
export type { LockScope } from './lock-service';
export { LOCK_TIMEOUT_MESSAGE } from './lock';
