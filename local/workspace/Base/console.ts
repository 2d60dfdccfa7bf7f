/** console of the local Workspace: Apps Script's V8 console writes to the same execution log as Logger. */
import { isDate } from '../runtime';
import type { LocalLogger } from './logger';

export function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isDate(value)) return value.toString();
  if (value !== null && typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export class ConsoleApp {
  constructor(private readonly owner: LocalLogger) {}
  log(...values: unknown[]): void {
    this.owner._record('log', values.map(describe).join(' '));
  }
  info(...values: unknown[]): void {
    this.owner._record('info', values.map(describe).join(' '));
  }
  warn(...values: unknown[]): void {
    this.owner._record('warn', values.map(describe).join(' '));
  }
  error(...values: unknown[]): void {
    this.owner._record('error', values.map(describe).join(' '));
  }
}
