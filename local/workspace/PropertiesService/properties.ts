/** Properties: the script's view of one store. */
import type { PropertyStore } from './property-store';

/** https://developers.google.com/apps-script/reference/properties/properties */
export class PropertiesImpl {
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
