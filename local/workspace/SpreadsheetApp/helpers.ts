/** Helpers every SpreadsheetApp class shares: Apps Script's signature errors and argument checks. */
import { isDate } from '../runtime';

/** Exposes an object to the script under a service name (see runtime.expose). */
export type Wrap = (target: object, service: string) => unknown;

function describeArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (a === null || a === undefined) return 'null';
      if (typeof a === 'number') return 'number';
      if (typeof a === 'boolean') return 'Boolean';
      if (typeof a === 'string') return 'String';
      if (Array.isArray(a)) return 'Object[]';
      return 'Object';
    })
    .join(',');
}

/** Apps Script's complaint when arguments do not fit any overload of a method. */
export function signatureError(method: string, args: unknown[]): Error {
  return new Error(`The parameters (${describeArgs(args)}) don't match the method signature for ${method}.`);
}

export function isInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

export function copyArg(arg: unknown): unknown {
  if (isDate(arg)) return new Date(arg.getTime());
  if (Array.isArray(arg)) return arg.map(copyArg);
  return arg;
}
