import { Accounts } from './accounts';
import { Scopes } from './scopes';

/**
 * What every fake service shares: the count of service calls, the execution context the script runs in,
 * the clock, and the proxy that turns an unimplemented method into a clear error.
 */

/** How Google started the current execution; services behave differently in each. */
export type ExecutionKind =
  | 'editor' // run from the script editor or a test calling a function directly
  | 'simple' // simple trigger (onOpen, onEdit): no authorised services
  | 'installable' // installable spreadsheet trigger (onEdit installed by ScriptApp)
  | 'menu' // a custom menu item clicked by a user
  | 'time' // time-driven trigger: no Ui
  | 'webapp'; // google.script.run from an HtmlService page

export class CallCounter {
  private readonly counts = new Map<string, number>();
  private paused = 0;

  /** True while the harness's own calls run (see uncounted): they are not the script's. */
  isPaused(): boolean {
    return this.paused > 0;
  }

  count(service: string, method: string): void {
    if (this.paused > 0) return;
    const key = `${service}.${method}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls per `Service.method`, sorted by name. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Calls per service (`Range`, `Sheet`, `MailApp` ...). */
  byService(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const [key, n] of this.counts) {
      const service = key.slice(0, key.indexOf('.'));
      totals[service] = (totals[service] ?? 0) + n;
    }
    return totals;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }

  /** Runs `fn` without counting: the harness's own calls (a user's typing, reading results) are not the script's. */
  uncounted<T>(fn: () => T): T {
    this.paused++;
    try {
      return fn();
    } finally {
      this.paused--;
    }
  }
}

export class NotImplementedError extends Error {
  constructor(name: string) {
    super(`not implemented in the local Workspace: ${name}`);
    this.name = 'NotImplementedError';
  }
}

/** The account the harness acts as unless told otherwise: the register's policy officer. */
export const DEFAULT_USER = 'policy.officer@example.org';

/** One run of the script, as Google starts it. Executions nest when the harness overlaps them. */
export interface Execution {
  readonly id: number;
  readonly kind: ExecutionKind;
  /** Who caused it: the person who clicked or edited; for a time-driven trigger, its owner. */
  readonly activeUser: string;
  /**
   * Whose authority it runs under: "If the script is running under an installable trigger, this returns the
   * account of the user who created the trigger. In most other scenarios, this returns the same account as
   * getActiveUser()" (https://developers.google.com/apps-script/reference/base/session#getEffectiveUser()).
   */
  readonly effectiveUser: string;
  /** Service calls this execution has made (calls of executions nested inside it are theirs). */
  calls: number;
}

/**
 * Where the harness pauses an execution to run another one to completion. JavaScript is single-threaded, so an
 * interleaving is modelled by running the second execution inside the first one's service call.
 */
export interface PausePoint {
  /** Pause once this many service calls of the execution have returned. */
  readonly afterCalls?: number;
  /** Pause just before the execution's nth call (the first unless `occurrence`) of `Class.method`. */
  readonly before?: string;
  /** Pause just after the execution's nth call of `Class.method` has returned, e.g. `Lock.waitLock`. */
  readonly after?: string;
  readonly occurrence?: number;
}

interface ArmedPause {
  readonly point: PausePoint;
  readonly run: () => void;
  target: Execution | null;
  seen: number;
  fired: boolean;
}

/** State shared by every service of one in-memory Workspace. */
export class Runtime {
  readonly calls = new CallCounter();
  readonly accounts = new Accounts();
  readonly scopes = new Scopes();
  /** Milliseconds since the epoch that the script sees as now; null means the real clock. */
  fixedNow: number | null = null;
  /** The owner of the script project: the developer of the reference's rule on who may be named. */
  scriptOwner = DEFAULT_USER;
  scriptTimeZone = 'Europe/London';
  private person = DEFAULT_USER;
  private clockOffset = 0;
  private readonly stack: Execution[] = [];
  private nextExecution = 1;
  private readonly ended: ((execution: Execution) => void)[] = [];
  private readonly pauses: ArmedPause[] = [];

  now(): Date {
    return new Date(this.fixedNow ?? Date.now() + this.clockOffset);
  }

  /** Moves the script's clock on, as a wait would, without waiting. */
  advance(milliseconds: number): void {
    const ms = Math.max(0, Number(milliseconds) || 0);
    if (this.fixedNow !== null) this.fixedNow += ms;
    else this.clockOffset += ms;
  }

  /** The person at the keyboard: who clicks, edits and opens dialogs when the harness starts an execution. */
  get user(): string {
    return this.person;
  }

  /** Runs `fn` with `email` at the keyboard: executions started inside it are that person's. */
  as<T>(email: string, fn: () => T): T {
    const previous = this.person;
    this.person = email;
    try {
      return fn();
    } finally {
      this.person = previous;
    }
  }

  /** The innermost running execution, or null outside any (a test calling a service directly). */
  get execution(): Execution | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  get kind(): ExecutionKind {
    return this.execution?.kind ?? 'editor';
  }

  /** See Execution.activeUser; outside an execution, the person at the keyboard. */
  get activeUser(): string {
    return this.execution?.activeUser ?? this.person;
  }

  /** See Execution.effectiveUser; outside an execution, the person at the keyboard. */
  get effectiveUser(): string {
    return this.execution?.effectiveUser ?? this.person;
  }

  /**
   * Runs `fn` as Google would start an execution of the given kind, by the person at the keyboard. Installable and
   * time-driven triggers run as `owner`, their creator; a time-driven run has nobody else behind it.
   */
  runAs<T>(kind: ExecutionKind, fn: () => T, owner?: string): T {
    const runsAsOwner = kind === 'installable' || kind === 'time';
    const effectiveUser = runsAsOwner ? (owner ?? this.person) : this.person;
    const execution: Execution = {
      id: this.nextExecution++,
      kind,
      activeUser: kind === 'time' ? effectiveUser : this.person,
      effectiveUser,
      calls: 0,
    };
    this.stack.push(execution);
    try {
      return fn();
    } finally {
      this.stack.pop();
      for (const listener of this.ended) listener(execution);
    }
  }

  /** Called when an execution ends, e.g. so that its locks are freed. */
  onExecutionEnd(listener: (execution: Execution) => void): void {
    this.ended.push(listener);
  }

  /**
   * Arms a pause for the next execution to start: when it reaches `point`, `run` runs (typically another
   * execution, to completion), then the first carries on. Returns the disarm, which says whether it paused.
   */
  pauseAt(point: PausePoint, run: () => void): () => boolean {
    const armed: ArmedPause = { point, run, target: null, seen: 0, fired: false };
    this.pauses.push(armed);
    return () => {
      const index = this.pauses.indexOf(armed);
      if (index >= 0) this.pauses.splice(index, 1);
      return armed.fired;
    };
  }

  /** Before each service call of the script: counted, checked against the scopes, maybe a pause. */
  enterCall(service: string, method: string): void {
    if (this.calls.isPaused()) return;
    this.calls.count(service, method);
    const execution = this.execution;
    this.scopes.check(service, method, this.kind === 'simple');
    if (execution) execution.calls++;
    this.maybePause(`${service}.${method}`, 'before');
  }

  /** After each service call of the script has returned. */
  leaveCall(service: string, method: string): void {
    if (this.calls.isPaused()) return;
    this.maybePause(`${service}.${method}`, 'after');
  }

  private maybePause(name: string, moment: 'before' | 'after'): void {
    const execution = this.execution;
    if (!execution) return;
    for (const armed of this.pauses) {
      if (armed.fired) continue;
      if (armed.target === null) armed.target = this.stack[0] ?? null;
      if (armed.target !== execution) continue;
      const { point } = armed;
      const named = moment === 'before' ? point.before : point.after;
      if (named === name) armed.seen++;
      const reached =
        (named === name && armed.seen === (point.occurrence ?? 1)) ||
        (moment === 'after' && point.afterCalls !== undefined && execution.calls === point.afterCalls);
      if (!reached) continue;
      armed.fired = true;
      armed.run();
    }
  }
}

const PASS_THROUGH = new Set<PropertyKey>(['then', 'toJSON', 'constructor', 'asymmetricMatch', 'nodeType']);

/**
 * Wraps a fake object for the script: each method call is counted as `service.method`, `this` stays the raw
 * object (so the fake's own internal calls are not counted), and a method the fake lacks throws
 * "not implemented in the local Workspace: Service.method" when called.
 */
export function expose<T>(target: object, service: string, runtime: Runtime): T {
  const cache = new Map<PropertyKey, unknown>();
  const proxy = new Proxy(target, {
    get(obj, prop) {
      if (typeof prop === 'symbol' || PASS_THROUGH.has(prop) || prop.startsWith('_')) {
        return Reflect.get(obj, prop);
      }
      const cached = cache.get(prop);
      if (cached) return cached;
      const value = Reflect.get(obj, prop);
      let wrapped: unknown;
      if (typeof value === 'function') {
        wrapped = (...args: unknown[]) => {
          runtime.enterCall(service, prop);
          const result = (value as (...a: unknown[]) => unknown).apply(obj, args.map(unwrap));
          runtime.leaveCall(service, prop);
          // Builders return `this`: hand back the proxy so chained calls are counted too.
          return result === obj ? proxy : result;
        };
      } else if (value === undefined) {
        wrapped = () => {
          throw new NotImplementedError(`${service}.${prop}`);
        };
      } else {
        return value;
      }
      cache.set(prop, wrapped);
      return wrapped;
    },
  });
  rawOf.set(proxy, target);
  return proxy as T;
}

const rawOf = new WeakMap<object, object>();

/** The fake object behind an exposed proxy (a script passes proxies back in, e.g. ranges to a rule). */
export function unwrap<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    if (Array.isArray(value)) return value.map(unwrap) as T;
    const raw = rawOf.get(value);
    if (raw) return raw as T;
  }
  return value;
}

/** True for a Date from any realm (the bundle runs in its own vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
