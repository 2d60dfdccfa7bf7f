/**
 * PropertiesService of the local Workspace: string key-value stores for the script, each user and the document.
 */
import { Runtime, expose } from './runtime';

/** Documented limits (https://developers.google.com/apps-script/guides/services/quotas#current_limitations). */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;
/**
 * Google reports both limits with the same message (observed on oversized single values as well as on a full
 * store); the reference documents the limits but not the text.
 */
export const PROPERTY_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class PropertyStore {
  readonly values = new Map<string, string>();

  /** Keys and values both count towards the store size. */
  size(): number {
    let total = 0;
    for (const [k, v] of this.values) total += bytes(k) + bytes(v);
    return total;
  }

  /** Applies the change only if the store stays within its limits. */
  apply(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(PROPERTY_QUOTA_MESSAGE);
      total += bytes(k) + bytes(v);
    }
    if (total > PROPERTY_STORE_LIMIT_BYTES) throw new Error(PROPERTY_QUOTA_MESSAGE);
    this.values.clear();
    for (const [k, v] of next) this.values.set(k, v);
  }
}

/** https://developers.google.com/apps-script/reference/properties/properties */
class PropertiesImpl {
  constructor(private readonly store: PropertyStore) {}

  getProperty(key: string): string | null {
    return this.store.values.get(String(key)) ?? null;
  }

  /** Everything is stored as a string ("Data types that are not already strings are automatically converted"). */
  setProperty(key: string, value: unknown): this {
    const next = new Map(this.store.values);
    next.set(String(key), String(value));
    this.store.apply(next);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store.values);
    for (const [k, v] of Object.entries(properties ?? {})) next.set(k, String(v));
    this.store.apply(next);
    return this;
  }

  /** A copy: changing it does not change the store. */
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store.values);
  }

  getKeys(): string[] {
    return [...this.store.values.keys()];
  }

  deleteProperty(key: string): this {
    this.store.values.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.store.values.clear();
    return this;
  }
}

class PropertiesServiceImpl {
  constructor(
    private readonly owner: LocalProperties,
    private readonly runtime: Runtime,
  ) {}

  getScriptProperties(): PropertiesImpl {
    return this.wrap(this.owner.script);
  }

  /** Each user of the script has a store of their own. */
  getUserProperties(): PropertiesImpl {
    return this.wrap(this.owner.user(this.runtime.activeUserEmail));
  }

  getDocumentProperties(): PropertiesImpl {
    return this.wrap(this.owner.document);
  }

  private wrap(store: PropertyStore): PropertiesImpl {
    return expose<PropertiesImpl>(new PropertiesImpl(store), 'Properties', this.runtime);
  }
}

export class LocalProperties {
  /** The global the bundle sees as PropertiesService. */
  readonly app: GoogleAppsScript.Properties.PropertiesService;
  readonly script = new PropertyStore();
  readonly document = new PropertyStore();
  private readonly users = new Map<string, PropertyStore>();

  constructor(runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Properties.PropertiesService>(
      new PropertiesServiceImpl(this, runtime),
      'PropertiesService',
      runtime,
    );
  }

  /** The user store of one account (created empty on first use). */
  user(email: string): PropertyStore {
    let store = this.users.get(email);
    if (!store) {
      store = new PropertyStore();
      this.users.set(email, store);
    }
    return store;
  }
}
