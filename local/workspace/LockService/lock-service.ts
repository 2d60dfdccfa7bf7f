/**
 * LockService of the local Workspace. Executions here never overlap, so "another execution holds the lock" is
 * something a test or the runner arranges with holdScriptLock() / releaseHeld(); waiting never takes real time.
 */
import { Runtime, expose } from '../runtime';
import { Holder, LockImpl } from './lock';

export type LockScope = 'script' | 'document' | 'user';

class LockServiceImpl {
  constructor(
    private readonly owner: LocalLock,
    private readonly runtime: Runtime,
  ) {}

  /** Prevents any user from running the section concurrently. */
  getScriptLock(): LockImpl {
    return this.make('script');
  }

  getDocumentLock(): LockImpl {
    return this.make('document');
  }

  /** Only the current user is kept out, so each user has a lock of their own. */
  getUserLock(): LockImpl {
    return this.make(`user:${this.runtime.activeUserEmail}`);
  }

  private make(key: string): LockImpl {
    return expose<LockImpl>(new LockImpl(this.owner, key), 'Lock', this.runtime);
  }
}

export class LocalLock {
  /** The global the bundle sees as LockService. */
  readonly app: GoogleAppsScript.Lock.LockService;
  private readonly holders = new Map<string, Holder>();

  constructor(private readonly runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Lock.LockService>(
      new LockServiceImpl(this, runtime),
      'LockService',
      runtime,
    );
  }

  /** Another execution takes the script lock: the script's tryLock returns false and waitLock times out. */
  holdScriptLock(): void {
    this.hold('script');
  }

  /** Another execution takes the given lock (the user lock of the current active user for 'user'). */
  hold(scope: LockScope): void {
    this.holders.set(this.keyOf(scope), 'elsewhere');
  }

  /** The other execution finishes: every lock it held is free again. */
  releaseHeld(): void {
    for (const [key, holder] of this.holders) if (holder === 'elsewhere') this.holders.delete(key);
  }

  /** Google releases a script's locks when its execution ends; the runner calls this after each run. */
  endExecution(): void {
    for (const [key, holder] of this.holders) if (holder !== 'elsewhere') this.holders.delete(key);
  }

  /** Whether the lock is held, and by whom, for assertions. */
  state(scope: LockScope): 'free' | 'script' | 'elsewhere' {
    const holder = this.holders.get(this.keyOf(scope)) ?? null;
    return holder === null ? 'free' : holder === 'elsewhere' ? 'elsewhere' : 'script';
  }

  _holder(key: string): Holder {
    return this.holders.get(key) ?? null;
  }

  _setHolder(key: string, holder: Holder): void {
    if (holder === null) this.holders.delete(key);
    else this.holders.set(key, holder);
  }

  private keyOf(scope: LockScope): string {
    return scope === 'user' ? `user:${this.runtime.activeUserEmail}` : scope;
  }
}
