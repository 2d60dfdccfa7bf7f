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

/** State shared by every service of one in-memory Workspace. */
export class Runtime {
  readonly calls = new CallCounter();
  kind: ExecutionKind = 'editor';
  /** Milliseconds since the epoch that the script sees as now; null means the real clock. */
  fixedNow: number | null = null;
  /** The signed-in user: Session.getActiveUser() and the editor of onEdit events. */
  activeUserEmail = 'policy.officer@example.org';
  /** The user who owns the script and its triggers: Session.getEffectiveUser(). */
  effectiveUserEmail = 'policy.officer@example.org';
  scriptTimeZone = 'Europe/London';

  now(): Date {
    return new Date(this.fixedNow ?? Date.now());
  }

  /** Runs `fn` as Google would start an execution of the given kind. */
  runAs<T>(kind: ExecutionKind, fn: () => T): T {
    const previous = this.kind;
    this.kind = kind;
    try {
      return fn();
    } finally {
      this.kind = previous;
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
          runtime.calls.count(service, prop);
          const result = (value as (...a: unknown[]) => unknown).apply(obj, args.map(unwrap));
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
