/** Argument checks and errors with Apps Script's wording, shared by the DocumentApp classes. */

export function describeArg(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `${value.length ? describeArg(value[0]) : 'Object'}[]`;
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  return 'Object';
}

export function signatureError(method: string, args: unknown[]): Error {
  return new Error(
    `The parameters (${args.map(describeArg).join(',')}) don't match the method signature for DocumentApp.${method}.`,
  );
}

export function childIndexError(index: number, count: number, inclusive: boolean): Error {
  return new Error(
    `Child index (${index}) must be less than ${inclusive ? 'or equal to ' : ''}the number of child elements (${count}).`,
  );
}

/** A child index must be below the count, or may equal it (`inclusive`) where a child is inserted at the end. */
export function checkChildIndex(index: number, count: number, inclusive: boolean): void {
  if (!Number.isInteger(index) || index < 0 || (inclusive ? index > count : index >= count)) {
    throw childIndexError(index, count, inclusive);
  }
}

export function childAt<T>(children: T[], index: number): T {
  checkChildIndex(index, children.length, false);
  return children[index];
}

export function checkEnum<K extends string>(
  values: Readonly<Record<K, K>>,
  value: unknown,
  method: string,
): K {
  if (typeof value !== 'string' || !(value in values)) throw signatureError(method, [value]);
  return value as K;
}

export function checkText(value: unknown, method: string): string {
  if (value === null || value === undefined || typeof value === 'object')
    throw signatureError(method, [value]);
  return String(value);
}

export function checkNumber(value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, [value]);
  return value;
}

export function colour(value: unknown, method: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw signatureError(method, [value]);
  return value.toLowerCase();
}
