/**
 * HtmlService for the local Workspace: outputs, the project's HTML files and templates with scriptlets.
 * Reference: https://developers.google.com/apps-script/guides/html/templates
 */
import { Runtime, expose } from '../runtime';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { blobText, printable } from './helpers';
import { HtmlOutputObject } from './html-output';
import { HtmlTemplateObject } from './html-template';

class HtmlServiceObject {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    private readonly runtime: Runtime,
    private readonly owner: LocalHtml,
  ) {}

  createHtmlOutput(html?: unknown): unknown {
    const content = html === undefined ? '' : (blobText(html) ?? printable(html));
    return expose(new HtmlOutputObject(this.runtime, content), 'HtmlOutput', this.runtime);
  }

  createHtmlOutputFromFile(filename: string): unknown {
    return expose(new HtmlOutputObject(this.runtime, this.owner.file(filename)), 'HtmlOutput', this.runtime);
  }

  createTemplate(html: unknown): unknown {
    const source = blobText(html) ?? printable(html);
    return expose(
      new HtmlTemplateObject(this.runtime, source, () => this.owner.globals?.() ?? {}),
      'HtmlTemplate',
      this.runtime,
    );
  }

  createTemplateFromFile(filename: string): unknown {
    const source = this.owner.file(filename);
    return expose(
      new HtmlTemplateObject(this.runtime, source, () => this.owner.globals?.() ?? {}),
      'HtmlTemplate',
      this.runtime,
    );
  }
}

/** HtmlService over the project's HTML files, named without extension ('Dialog' for Dialog.html). */
export class LocalHtml {
  readonly app: GoogleAppsScript.HTML.HtmlService;
  /** What scriptlets see besides the template's properties, e.g. the bundle's globals; none by default. */
  globals: (() => object) | null = null;

  constructor(
    runtime: Runtime,
    private readonly files: Record<string, string>,
  ) {
    this.app = expose<GoogleAppsScript.HTML.HtmlService>(
      new HtmlServiceObject(runtime, this),
      'HtmlService',
      runtime,
    );
  }

  file(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const source = this.files[name];
    if (source === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return source;
  }
}
