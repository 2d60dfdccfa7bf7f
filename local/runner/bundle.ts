/**
 * Loads dist/Code.js, the very file clasp pushes, into a Node vm context whose globals are the in-memory
 * Workspace, and drives it as a user and Google would: onOpen, menu items by caption, installable onEdit,
 * time-driven triggers and google.script.run calls, each in its own execution context.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { LocalWorkspace } from '../workspace';
import type { AdvancedService, WorkspaceOptions } from '../workspace';
import type { ExecutionKind } from '../workspace/runtime';

export const DIST = join(__dirname, '../../dist');

export function readBundle(dist = DIST): {
  code: string;
  htmlFiles: Record<string, string>;
  advancedServices: AdvancedService[];
} {
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  const htmlFiles: Record<string, string> = {};
  for (const file of readdirSync(dist)) {
    if (file.endsWith('.html'))
      htmlFiles[file.replace(/\.html$/, '')] = readFileSync(join(dist, file), 'utf8');
  }
  const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
    dependencies?: { enabledAdvancedServices?: AdvancedService[] };
  };
  return { code, htmlFiles, advancedServices: manifest.dependencies?.enabledAdvancedServices ?? [] };
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
    if (!this.hasFunction(name)) throw new Error(`Script function not found: ${name}`);
    const fn = this.context[name] as Handler;
    try {
      return this.ws.runtime.runAs(kind, () => fn(...args));
    } finally {
      // Google frees an execution's locks when it ends, and saves the documents it left open.
      this.ws.lock.endExecution();
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

  /**
   * A user edits cells of a sheet: the values are written as typed, then the simple onEdit (if any) and every
   * installable onEdit trigger fire, each in its own context, with the event Google gives.
   */
  edit(sheetName: string, a1: string, values: unknown[][]): void {
    const { range, oldValue } = this.ws.runtime.calls.uncounted(() => {
      const sheet = this.spreadsheet().getSheetByName(sheetName);
      if (!sheet) throw new Error(`No sheet named ${sheetName}`);
      const r = sheet.getRange(a1);
      const single = r.getNumRows() === 1 && r.getNumColumns() === 1;
      const old = single ? r.getValue() : undefined;
      r.setValues(values);
      return { range: r, oldValue: old };
    });
    const single = values.length === 1 && values[0].length === 1;
    const user = { getEmail: () => this.ws.runtime.activeUserEmail, getNickname: () => '' };
    const event = (authMode: string, triggerUid?: string) => ({
      authMode,
      range,
      source: this.spreadsheet(),
      user,
      triggerUid,
      ...(single
        ? {
            value: values[0][0] === '' ? undefined : String(values[0][0]),
            oldValue: oldValue === '' || oldValue === undefined ? undefined : String(oldValue),
          }
        : {}),
    });
    if (this.hasFunction('onEdit')) this.call('onEdit', 'simple', event('LIMITED'));
    for (const trigger of this.ws.script.triggers()) {
      if (trigger.eventType === 'ON_EDIT')
        this.call(trigger.handlerFunction, 'installable', event('FULL', trigger.uniqueId));
    }
  }

  /** Google fires the time-driven triggers of a handler at the Workspace's current time. */
  fireClock(handlerFunction: string): number {
    let fired = 0;
    for (const trigger of this.ws.script.triggers()) {
      if (trigger.eventType !== 'CLOCK' || trigger.handlerFunction !== handlerFunction) continue;
      const now = this.ws.runtime.now();
      this.call(trigger.handlerFunction, 'time', {
        authMode: 'FULL',
        triggerUid: trigger.uniqueId,
        year: now.getUTCFullYear(),
        month: now.getUTCMonth() + 1,
        'day-of-month': now.getUTCDate(),
        hour: now.getUTCHours(),
        minute: now.getUTCMinutes(),
        second: now.getUTCSeconds(),
        timezone: 'UTC',
      });
      fired++;
    }
    return fired;
  }
}

/** A fresh Workspace with the built bundle loaded into it. */
export function loadBundle(options: WorkspaceOptions = {}, dist = DIST): LoadedBundle {
  const { code, htmlFiles, advancedServices } = readBundle(dist);
  const ws = new LocalWorkspace({
    ...options,
    htmlFiles: options.htmlFiles ?? htmlFiles,
    advancedServices: options.advancedServices ?? advancedServices,
  });
  return new LoadedBundle(ws, code);
}
