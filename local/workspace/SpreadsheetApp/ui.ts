/** The spreadsheet's user interface: alerts, prompts, dialogs and sidebars, recorded for tests. */
import { Runtime, expose, unwrap } from '../runtime';
import { LocalMenu, type MenuRecord } from './menu';
import { LocalPromptResponse } from './prompt-response';

export interface DialogRequest {
  kind: 'alert' | 'prompt' | 'modal' | 'modeless' | 'sidebar';
  title: string;
  prompt: string;
  buttons: string;
  html?: string;
}

export interface DialogAnswer {
  button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
  text?: string;
}

export const Button = Object.freeze({
  CLOSE: 'CLOSE',
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
} as const);
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);

const BUTTON_SETS = new Set<string>(Object.values(ButtonSet));

/** Answers as a user who agrees: OK, or YES when asked yes or no. */
function agree(d: DialogRequest): DialogAnswer {
  return { button: d.buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
}

export class LocalUi {
  menus: MenuRecord[] = [];
  toasts: { message: string; title: string; timeoutSeconds: number }[] = [];
  /** Every alert, prompt and dialog shown, in order. */
  dialogs: DialogRequest[] = [];
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  private responder: (d: DialogRequest) => DialogAnswer = agree;

  constructor(private readonly runtime: Runtime) {}

  /** Scripts the user's answers to alerts and prompts; the default answers OK (or YES). */
  respond(fn: (d: DialogRequest) => DialogAnswer): void {
    this.responder = fn;
  }

  _addMenu(menu: MenuRecord): void {
    // Adding a menu with the caption of one already shown replaces it.
    const i = this.menus.findIndex((m) => m.name === menu.name);
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
  }

  createMenu(caption: string): unknown {
    return expose(new LocalMenu(this, String(caption)), 'Menu', this.runtime);
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons). */
  alert(...args: unknown[]): string {
    const d = this.request('alert', args);
    return this.ask(d).button;
  }

  prompt(...args: unknown[]): unknown {
    const d = this.request('prompt', args);
    return expose(new LocalPromptResponse(this.ask(d)), 'PromptResponse', this.runtime);
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this.dialogs.push({
      kind: 'modal',
      title: String(title),
      prompt: '',
      buttons: '',
      html: htmlOf(userInterface),
    });
  }

  showModelessDialog(userInterface: unknown, title: string): void {
    this.dialogs.push({
      kind: 'modeless',
      title: String(title),
      prompt: '',
      buttons: '',
      html: htmlOf(userInterface),
    });
  }

  showSidebar(userInterface: unknown): void {
    const html = htmlOf(userInterface);
    this.dialogs.push({ kind: 'sidebar', title: titleOf(userInterface), prompt: '', buttons: '', html });
  }

  private request(kind: 'alert' | 'prompt', args: unknown[]): DialogRequest {
    const [a, b, c] = args;
    let d: DialogRequest;
    if (args.length >= 3) d = { kind, title: String(a), prompt: String(b), buttons: String(c) };
    else if (args.length === 2) d = { kind, title: '', prompt: String(a), buttons: String(b) };
    else d = { kind, title: '', prompt: String(a ?? ''), buttons: kind === 'prompt' ? 'OK' : 'OK' };
    if (!BUTTON_SETS.has(d.buttons)) {
      throw new Error(
        `The parameters (${args.map((x) => typeof x).join(',')}) don't match the method signature for Ui.${kind}.`,
      );
    }
    this.dialogs.push(d);
    return d;
  }

  private ask(d: DialogRequest): DialogAnswer {
    const answer = this.responder(d);
    return { button: answer.button, text: answer.text ?? '' };
  }
}

interface HtmlLike {
  getContent?: () => string;
  getTitle?: () => string;
}

function htmlOf(output: unknown): string | undefined {
  const raw = unwrap(output) as HtmlLike | null;
  if (raw && typeof raw.getContent === 'function') return raw.getContent();
  return typeof output === 'string' ? output : undefined;
}

function titleOf(output: unknown): string {
  const raw = unwrap(output) as HtmlLike | null;
  return raw && typeof raw.getTitle === 'function' ? raw.getTitle() : '';
}
