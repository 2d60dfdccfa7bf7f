/**
 * Loads dist/Code.js, the very file clasp pushes, into a Node vm context whose globals are the in-memory
 * Workspace, and drives it as a user and Google would: onOpen, menu items by caption, installable onEdit,
 * time-driven triggers and google.script.run calls, each in its own execution context, by the person the
 * harness acts as (`as`), with the scopes of the manifest clasp pushes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { LocalWorkspace } from '../workspace';
import type { AdvancedService, WorkspaceOptions } from '../workspace';
import { visibleActiveUser } from '../workspace/Base';
import type { ExecutionKind, PausePoint } from '../workspace/runtime';
import {
  type ChangeType,
  type EditFields,
  type Target,
  clearContents,
  eventText,
  fillDown,
  pasteInto,
  storedValue,
  typeInto,
} from './user-actions';

export const DIST = join(__dirname, '../../dist');

interface Manifest {
  readonly oauthScopes?: unknown;
  readonly dependencies?: { readonly enabledAdvancedServices?: AdvancedService[] };
}

const readManifest = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

/** The manifest's oauthScopes, or null when it names none (Apps Script then grants what the code uses). */
export function readManifestScopes(path: string): readonly string[] | null {
  const { oauthScopes } = readManifest(path);
  return Array.isArray(oauthScopes) ? oauthScopes.map(String) : null;
}

/** The advanced services the manifest enables: only these are globals of the project. */
export function readAdvancedServices(path: string): AdvancedService[] {
  return readManifest(path).dependencies?.enabledAdvancedServices ?? [];
}

export function readBundle(dist = DIST): { code: string; htmlFiles: Record<string, string> } {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  const htmlFiles: Record<string, string> = {};
  for (const file of readdirSync(dist)) {
    if (file.endsWith('.html'))
      htmlFiles[file.replace(/\.html$/, '')] = readFileSync(join(dist, file), 'utf8');
  }
  return { code, htmlFiles };
}

type Handler = (...args: unknown[]) => unknown;

export class LoadedBundle {
  readonly context: vm.Context;

  constructor(
    readonly ws: LocalWorkspace,
    readonly code: string,
  ) {
    const runtime = ws.runtime;
    // `new Date()` and Date.now() in the script read the Workspace's clock; Dates stay host Dates so the fakes
    // and the script agree on what a Date is.
    const ClockDate = new Proxy(Date, {
      construct(target, args: unknown[]) {
        return args.length === 0
          ? new target(runtime.now().getTime())
          : new (target as DateConstructor)(...(args as []));
      },
      apply() {
        return new Date(runtime.now().getTime()).toString();
      },
      get(target, prop, receiver) {
        if (prop === 'now') return () => runtime.now().getTime();
        return Reflect.get(target, prop, receiver);
      },
    });
    this.context = vm.createContext({ ...ws.globals(), Date: ClockDate });
    vm.runInContext(code, this.context, { filename: 'Code.js' });
    // Template scriptlets run in the project's global scope, as in Apps Script.
    ws.html.globals = () => this.context;
  }

  /** True when `name` is a top-level function of the bundle, callable by Apps Script. */
  hasFunction(name: string): boolean {
    return vm.runInContext(`typeof ${name} === 'function'`, this.context) === true;
  }

  /** Top-level function declarations of the bundle (what Apps Script lists and can call). */
  topLevelFunctions(): string[] {
    return [...this.code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]);
  }

  /** Calls a top-level function as Google would start an execution of the given kind. */
  call(name: string, kind: ExecutionKind, ...args: unknown[]): unknown {
    return this.start(name, kind, () => args);
  }

  /**
   * Runs `fn` with `email` at the keyboard: the menus, edits, dialogs and simple triggers it starts are that
   * person's. Installable and time-driven triggers still run as the user who created them.
   */
  as<T>(email: string, fn: () => T): T {
    return this.ws.runtime.as(email, fn);
  }

  /**
   * Two executions at once: `first` starts an execution, which pauses at `pause` (after its nth service call, or
   * before or after its nth call of a method) while `second` runs another execution to completion; then the first
   * resumes. The second runs inside the first's service call, which is how a single thread models two
   * executions interleaving. An error of the second is thrown once the first has finished; a first execution
   * that never reaches the pause is an error too.
   */
  overlap<T>(first: () => T, pause: PausePoint, second: () => unknown): T {
    const secondErrors: unknown[] = [];
    const disarm = this.ws.runtime.pauseAt(pause, () => {
      try {
        second();
      } catch (error) {
        secondErrors.push(error);
      }
    });
    let result: T;
    try {
      result = first();
    } catch (error) {
      disarm();
      throw error;
    }
    if (!disarm()) throw new Error(`The first execution never reached ${JSON.stringify(pause)}.`);
    if (secondErrors.length > 0) throw secondErrors[0];
    return result;
  }

  /** Starts an execution of a top-level function; `owner` is the creator of the trigger that fires it. */
  private start(name: string, kind: ExecutionKind, args: () => unknown[], owner?: string): unknown {
    if (!this.hasFunction(name)) throw new Error(`Script function not found: ${name}`);
    const fn = this.context[name] as Handler;
    try {
      return this.ws.runtime.runAs(kind, () => fn(...args()), owner);
    } finally {
      // Apps Script saves the documents an execution left open when it ends.
      this.ws.docs.endExecution();
    }
  }

  /** Opening the spreadsheet: the simple onOpen trigger. */
  open(): void {
    if (this.hasFunction('onOpen'))
      this.call('onOpen', 'simple', { authMode: 'LIMITED', source: this.spreadsheet() });
  }

  /** The menu items onOpen added, by caption. */
  menuItems(): { caption: string; functionName: string }[] {
    const items: { caption: string; functionName: string }[] = [];
    const walk = (entries: readonly unknown[]): void => {
      for (const entry of entries) {
        const e = entry as {
          caption?: string;
          functionName?: string;
          items?: unknown[];
          submenu?: { items: unknown[] };
        };
        if (e.functionName && e.caption) items.push({ caption: e.caption, functionName: e.functionName });
        if (e.items) walk(e.items);
        if (e.submenu?.items) walk(e.submenu.items);
      }
    };
    walk(this.ws.sheets.ui.menus);
    return items;
  }

  /** A user clicks a menu item. */
  clickMenu(caption: string): unknown {
    const item = this.menuItems().find((i) => i.caption === caption);
    if (!item)
      throw new Error(
        `No menu item "${caption}"; the menu has: ${this.menuItems()
          .map((i) => i.caption)
          .join(', ')}`,
      );
    return this.call(item.functionName, 'menu');
  }

  /** google.script.run from an HtmlService page. */
  run(name: string, ...args: unknown[]): unknown {
    return this.call(name, 'webapp', ...args);
  }

  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.ws.runtime.calls.uncounted(() => this.ws.sheets.app.getActiveSpreadsheet());
  }

  // -------------------------------------------------------------------------------------------------------
  // A user at work in the sheet: each action stores what Sheets stores and fires what Google fires
  // (user-actions.ts says which event each sends).

  /**
   * The event's `user`, built inside each execution: whether it names the editor depends on who the trigger
   * runs as.
   */
  private editor(): { getEmail: () => string; getNickname: () => string } {
    return editorOf(visibleActiveUser(this.ws.runtime));
  }

  private target(sheetName: string, a1: string): Target {
    return this.ws.runtime.calls.uncounted(() => {
      const sheet = this.ws.sheets.active.sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new Error(`No sheet named ${sheetName}`);
      const r = sheet._range(a1);
      return { sheet, row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns };
    });
  }

  private rangeOf(t: Target): GoogleAppsScript.Spreadsheet.Range {
    return this.ws.runtime.calls.uncounted(
      () =>
        t.sheet
          ._range(t.row, t.column, t.numRows, t.numColumns)
          ._proxy() as GoogleAppsScript.Spreadsheet.Range,
    );
  }

  /** The simple onEdit and every installable edit trigger, then the change triggers with changeType EDIT. */
  private fireEdit(fields: EditFields): void {
    const event = (authMode: string, triggerUid?: string) => ({
      authMode,
      source: this.spreadsheet(),
      user: this.editor(),
      triggerUid,
      ...fields,
    });
    if (this.hasFunction('onEdit')) this.start('onEdit', 'simple', () => [event('LIMITED')]);
    for (const trigger of this.ws.script.triggers()) {
      if (trigger.eventType === 'ON_EDIT') {
        const fire = () => [event('FULL', trigger.uniqueId)];
        this.start(trigger.handlerFunction, 'installable', fire, trigger.owner);
      }
    }
    this.fireChange('EDIT');
  }

  /** Installable change triggers (forSpreadsheet(ss).onChange()); simple triggers get no change events. */
  private fireChange(changeType: ChangeType): void {
    for (const trigger of this.ws.script.triggers()) {
      if (trigger.eventType !== 'ON_CHANGE') continue;
      const fire = () => [
        {
          authMode: 'FULL',
          changeType,
          source: this.spreadsheet(),
          user: this.editor(),
          triggerUid: trigger.uniqueId,
        },
      ];
      this.start(trigger.handlerFunction, 'installable', fire, trigger.owner);
    }
  }

  /**
   * A user types into one cell. Returns false when a rejecting validation refuses it: then nothing is written
   * and nothing fires. The edit event has `value` and `oldValue` (a date as its serial number).
   */
  type(sheetName: string, a1: string, input: unknown): boolean {
    const t = this.target(sheetName, a1);
    if (t.numRows !== 1 || t.numColumns !== 1) throw new Error(`type() is for one cell, not ${a1}`);
    const { typed, old, now } = typeInto(t, input);
    if (!typed) return false;
    const timeZone = t.sheet.spreadsheet.timeZone;
    this.fireEdit({
      range: this.rangeOf(t),
      value: eventText(now, timeZone),
      oldValue: eventText(old, timeZone),
    });
    return true;
  }

  /** A user pastes a block at a1 (its top-left cell, or the whole block): the event has the range only. */
  paste(sheetName: string, a1: string, values: unknown[][]): void {
    const top = this.target(sheetName, a1);
    const t = { ...top, numRows: values.length, numColumns: values[0]?.length ?? 0 };
    pasteInto(t, values);
    this.fireEdit({ range: this.rangeOf(t) });
  }

  /** A user fills down (Ctrl+D, or drags the fill handle) over a1: the rows below the first are written. */
  fillDown(sheetName: string, a1: string): void {
    const t = this.target(sheetName, a1);
    if (t.numRows < 2) throw new Error(`fillDown() needs two rows or more, not ${a1}`);
    fillDown(t);
    this.fireEdit({ range: this.rangeOf({ ...t, row: t.row + 1, numRows: t.numRows - 1 }) });
  }

  /** A user deletes the contents of a1: one cell's event has `oldValue` and no `value`; a block, the range. */
  clear(sheetName: string, a1: string): void {
    const t = this.target(sheetName, a1);
    const single = t.numRows === 1 && t.numColumns === 1;
    const old = storedValue(t.sheet, t.row, t.column);
    clearContents(t);
    const range = this.rangeOf(t);
    this.fireEdit(single ? { range, oldValue: eventText(old, t.sheet.spreadsheet.timeZone) } : { range });
  }

  /** A user inserts rows above `beforeRow`: no edit event; change triggers get INSERT_ROW. */
  insertRows(sheetName: string, beforeRow: number, count = 1): void {
    const t = this.target(sheetName, `A${beforeRow}`);
    this.ws.runtime.calls.uncounted(() => t.sheet.insertRowsBefore(beforeRow, count));
    this.fireChange('INSERT_ROW');
  }

  /** A user deletes rows from `row`: no edit event; change triggers get REMOVE_ROW. */
  deleteRows(sheetName: string, row: number, count = 1): void {
    const t = this.target(sheetName, `A${row}`);
    this.ws.runtime.calls.uncounted(() => t.sheet.deleteRows(row, count));
    this.fireChange('REMOVE_ROW');
  }

  /** A user sorts the rows of a1 by a column (its letter): the rows move; the event has the range only. */
  sort(sheetName: string, a1: string, byColumn: string, ascending = true): void {
    const t = this.target(sheetName, a1);
    const by = this.target(sheetName, `${byColumn}1`).column;
    t.sheet.sortRows(t.row, t.column, t.numRows, t.numColumns, by, ascending);
    this.fireEdit({ range: this.rangeOf(t) });
  }

  /**
   * A user enters values into a1: one cell is typed (see type), a block is pasted (see paste). Kept for the
   * callers that only need values in place with the events Google sends for them.
   */
  edit(sheetName: string, a1: string, values: unknown[][]): void {
    const single = values.length === 1 && values[0].length === 1;
    if (!single) return this.paste(sheetName, a1, values);
    if (!this.type(sheetName, a1, values[0][0])) {
      throw new Error(`${sheetName}!${a1}: the sheet's validation refused "${String(values[0][0])}"`);
    }
  }

  /** Google fires the time-driven triggers of a handler at the Workspace's current time. */
  fireClock(handlerFunction: string): number {
    let fired = 0;
    for (const trigger of this.ws.script.triggers()) {
      if (trigger.eventType !== 'CLOCK' || trigger.handlerFunction !== handlerFunction) continue;
      const now = this.ws.runtime.now();
      const fire = () => [
        {
          authMode: 'FULL',
          triggerUid: trigger.uniqueId,
          year: now.getUTCFullYear(),
          month: now.getUTCMonth() + 1,
          'day-of-month': now.getUTCDate(),
          hour: now.getUTCHours(),
          minute: now.getUTCMinutes(),
          second: now.getUTCSeconds(),
          timezone: 'UTC',
        },
      ];
      this.start(trigger.handlerFunction, 'time', fire, trigger.owner);
      fired++;
    }
    return fired;
  }
}

/** The User of an edit event: the editor, or '' where Google withholds the address. */
function editorOf(email: string): { getEmail: () => string; getNickname: () => string } {
  return { getEmail: () => email, getNickname: () => email.slice(0, Math.max(0, email.indexOf('@'))) };
}

export interface BundleOptions extends WorkspaceOptions {
  /** The manifest whose oauthScopes the project is granted; dist/appsscript.json, as clasp pushes it. */
  readonly manifest?: string;
}

/** A fresh Workspace with the built bundle loaded into it, granted the scopes of its manifest. */
export function loadBundle(options: BundleOptions = {}, dist = DIST): LoadedBundle {
  const { code, htmlFiles } = readBundle(dist);
  const manifest = options.manifest ?? join(dist, 'appsscript.json');
  const scopes = options.scopes !== undefined ? options.scopes : readManifestScopes(manifest);
  const ws = new LocalWorkspace({
    ...options,
    scopes,
    htmlFiles: options.htmlFiles ?? htmlFiles,
    advancedServices: options.advancedServices ?? readAdvancedServices(manifest),
  });
  return new LoadedBundle(ws, code);
}
