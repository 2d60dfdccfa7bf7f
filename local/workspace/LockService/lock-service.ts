/**
 * LockService of the local Workspace. A lock belongs to the execution that took it and is freed when that
 * execution ends. Two executions overlap only when the harness runs one inside another's service call
 * (Runtime.pauseAt); a lock held elsewhere can also be arranged with hold() / releaseHeld(). Waiting never takes
 * real time: the script's clock moves on instead.
 */
import { Runtime, expose } from '../runtime';
import { Holder, LockImpl } from './lock';

export type LockScope = 'script' | 'document' | 'user';

/** A test calling the service outside any execution holds its locks as execution 0. */
const NO_EXECUTION = 0;

class LockServiceImpl {
  constructor(
    private readonly owner: LocalLock,
    private readonly runtime: Runtime,
  ) {}

  /** "Prevents any user from concurrently running a section of code." */
  getScriptLock(): LockImpl {
    return this.make('script');
  }

  /** "Prevents any user of the current document from concurrently running a section of code." */
  getDocumentLock(): LockImpl {
    return this.make('document');
  }

  /** "Prevents only the current user from concurrently running a section of code": the user the script runs as. */
  getUserLock(): LockImpl {
    return this.make(`user:${this.runtime.effectiveUser}`);
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
    // "Locks are released when the script completes" (https://developers.google.com/apps-script/reference/lock/lock).
    runtime.onExecutionEnd((execution) => this.releaseExecution(execution.id));
  }

  /** Another execution takes the script lock: the script's tryLock returns false and waitLock times out. */
  holdScriptLock(): void {
    this.hold('script');
  }

  /** Another execution takes the given lock (the user lock of the current user for 'user'). */
  hold(scope: LockScope): void {
    this.holders.set(this.keyOf(scope), 'elsewhere');
  }

  /** The other execution finishes: every lock it held is free again. */
  releaseHeld(): void {
    for (const [key, holder] of this.holders) if (holder === 'elsewhere') this.holders.delete(key);
  }

  /** Frees the locks a test took outside any execution, as the end of an execution would. */
  endExecution(): void {
    this.releaseExecution(NO_EXECUTION);
  }

  /** Whether the lock is free, held by the running execution ('script'), or by another one ('elsewhere'). */
  state(scope: LockScope): 'free' | 'script' | 'elsewhere' {
    const holder = this.holders.get(this.keyOf(scope)) ?? null;
    if (holder === null) return 'free';
    return holder !== 'elsewhere' && holder.execution === this._executionId() ? 'script' : 'elsewhere';
  }

  _holder(key: string): Holder {
    return this.holders.get(key) ?? null;
  }

  _setHolder(key: string, holder: Holder): void {
    if (holder === null) this.holders.delete(key);
    else this.holders.set(key, holder);
  }

  _executionId(): number {
    return this.runtime.execution?.id ?? NO_EXECUTION;
  }

  /** The wait of a lock that does not come free: the clock moves on by the timeout. */
  _wait(timeoutInMillis: number): void {
    this.runtime.advance(timeoutInMillis);
  }

  private releaseExecution(id: number): void {
    for (const [key, holder] of this.holders) {
      if (holder !== null && holder !== 'elsewhere' && holder.execution === id) this.holders.delete(key);
    }
  }

  private keyOf(scope: LockScope): string {
    return scope === 'user' ? `user:${this.runtime.effectiveUser}` : scope;
  }
}
