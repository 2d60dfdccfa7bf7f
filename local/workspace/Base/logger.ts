/** Logger of the local Workspace, and the execution log that Logger and console both write to. */
import { Runtime, expose } from '../runtime';
import { formatString } from '../Utilities/format-string';
import { ConsoleApp, describe } from './console';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  at: Date;
}

class LoggerApp {
  constructor(private readonly owner: LocalLogger) {}

  /** Logger.log(format, ...values) fills %s/%d placeholders as Utilities.formatString does. */
  log(data: unknown, ...values: unknown[]): this {
    const message =
      values.length > 0 && typeof data === 'string' ? formatString(data, ...values) : describe(data);
    this.owner._record('log', message);
    return this;
  }

  getLog(): string {
    return this.owner.entries.map((e) => e.message).join('\n');
  }

  clear(): void {
    this.owner.entries.length = 0;
  }
}

/** Logger.log and console.* both write here, in order, with the script's clock. */
export class LocalLogger {
  readonly entries: LogEntry[] = [];
  /** The global the bundle sees as Logger. */
  readonly app: GoogleAppsScript.Base.Logger;
  /** The global the bundle sees as console (Apps Script's V8 console writes to the same execution log). */
  readonly console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;

  constructor(private readonly runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Base.Logger>(new LoggerApp(this), 'Logger', runtime);
    this.console = expose<Pick<Console, 'log' | 'info' | 'warn' | 'error'>>(
      new ConsoleApp(this),
      'console',
      runtime,
    );
  }

  _record(level: LogEntry['level'], message: string): void {
    this.entries.push({ level, message, at: this.runtime.now() });
  }

  messages(): string[] {
    return this.entries.map((e) => e.message);
  }
}
