/** One store of properties (script, user or document) and the limits Google puts on it. */

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
