/**
 * HtmlService for the local Workspace: outputs, the project's HTML files and templates with scriptlets.
 * Reference: https://developers.google.com/apps-script/guides/html/templates
 */
import { LocalBlob } from './blob';
import { Runtime, expose, unwrap } from './runtime';

export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });

/** Meta tag names HtmlOutput.addMetaTag accepts, per the HtmlOutput reference. */
const META_TAG_NAMES = new Set([
  'apple-mobile-web-app-capable',
  'apple-touch-fullscreen',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
]);

/** Contextual escaping for `<?= ?>` in HTML text and attribute values. */
export function escapeHtml(value: unknown): string {
  return printable(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function blobText(value: unknown): string | null {
  const raw = unwrap(value) as { getDataAsString?: () => string } | null;
  return raw && typeof raw === 'object' && typeof raw.getDataAsString === 'function'
    ? raw.getDataAsString()
    : null;
}

/**
 * Turns a template into the body of a function of (__data, __globals, __escape, __print, output): text is
 * appended as is, `<?= expr ?>` escaped, `<?!= expr ?>` raw, and `<? code ?>` runs in place.
 */
export function compileTemplate(source: string): string {
  const parts: string[] = ["var __out = '';", 'with (__globals) { with (__data) {'];
  const scriptlet = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (const match of source.matchAll(scriptlet)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(`__out += ${JSON.stringify(source.slice(last, at))};`);
    const code = match[2].trim().replace(/;+$/, '');
    if (match[1] === '=') parts.push(`__out += __escape(${code});`);
    else if (match[1] === '!=') parts.push(`__out += __print(${code});`);
    else parts.push(match[2]);
    last = at + match[0].length;
  }
  if (last < source.length) parts.push(`__out += ${JSON.stringify(source.slice(last))};`);
  parts.push('}}', 'return __out;');
  return parts.join('\n');
}

class HtmlOutputObject {
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: string = SandboxMode.IFRAME;
  private xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  private faviconUrl: string | null = null;
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly runtime: Runtime,
    private content: string,
  ) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: string): this {
    this.content = printable(content);
    return this;
  }

  append(addedContent: string): this {
    this.content += printable(addedContent);
    return this;
  }

  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(addedContent);
    return this;
  }

  clear(): this {
    this.content = '';
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string): this {
    this.title = printable(title);
    return this;
  }

  /** Null until set: the dialog or sidebar then uses its own default size. */
  getWidth(): number | null {
    return this.width;
  }

  setWidth(width: number): this {
    this.width = this.pixels(width, 'setWidth');
    return this;
  }

  getHeight(): number | null {
    return this.height;
  }

  setHeight(height: number): this {
    this.height = this.pixels(height, 'setHeight');
    return this;
  }

  getSandboxMode(): string {
    return this.sandboxMode;
  }

  setSandboxMode(mode: string): this {
    if (!(String(mode) in SandboxMode)) throw this.signature('setSandboxMode', mode);
    this.sandboxMode = String(mode);
    return this;
  }

  getXFrameOptionsMode(): string {
    return this.xFrameOptionsMode;
  }

  setXFrameOptionsMode(mode: string): this {
    if (!(String(mode) in XFrameOptionsMode)) throw this.signature('setXFrameOptionsMode', mode);
    this.xFrameOptionsMode = String(mode);
    return this;
  }

  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): this {
    this.faviconUrl = printable(iconUrl);
    return this;
  }

  addMetaTag(name: string, content: string): this {
    if (!META_TAG_NAMES.has(name)) {
      // The reference lists the only names allowed; others are refused.
      throw new Error(`Meta tag name is not allowed: ${name}`);
    }
    this.metaTags.push({ name, content: printable(content) });
    return this;
  }

  getMetaTags(): unknown[] {
    return this.metaTags.map((tag) =>
      expose({ getName: () => tag.name, getContent: () => tag.content }, 'HtmlOutputMetaTag', this.runtime),
    );
  }

  asTemplate(): unknown {
    return expose(
      new HtmlTemplateObject(this.runtime, this.content, () => ({})),
      'HtmlTemplate',
      this.runtime,
    );
  }

  getBlob(): unknown {
    const bytes = Buffer.from(this.content, 'utf8');
    return expose(new LocalBlob(bytes, 'text/html', this.title || null), 'Blob', this.runtime);
  }

  private pixels(value: number, method: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.signature(method, value);
    return value;
  }

  private signature(method: string, value: unknown): Error {
    const type = typeof value === 'string' ? 'String' : typeof value;
    return new Error(
      `The parameters (${type}) don't match the method signature for HtmlService.HtmlOutput.${method}.`,
    );
  }
}

/**
 * A template: the script assigns its data as properties (`template.actions = [...]`), then evaluate() runs
 * the scriptlets with those properties in scope.
 */
class HtmlTemplateObject {
  // Private fields keep the template's own properties free for the script's data.
  readonly #runtime: Runtime;
  readonly #source: string;
  readonly #globals: () => object;

  constructor(runtime: Runtime, source: string, globals: () => object) {
    this.#runtime = runtime;
    this.#source = source;
    this.#globals = globals;
  }

  evaluate(): unknown {
    const data: Record<string, unknown> = {};
    for (const key of Object.keys(this)) data[key] = (this as Record<string, unknown>)[key];
    // The local runner is trusted: the scriptlets run as ordinary JavaScript in Node.
    const run = new Function('__data', '__globals', '__escape', '__print', compileTemplate(this.#source)) as (
      data: object,
      globals: object,
      escape: (value: unknown) => string,
      print: (value: unknown) => string,
    ) => string;
    const content = run(data, this.#globals(), escapeHtml, printable);
    return expose(new HtmlOutputObject(this.#runtime, content), 'HtmlOutput', this.#runtime);
  }

  getCode(): string {
    return compileTemplate(this.#source);
  }

  getCodeWithComments(): string {
    return compileTemplate(this.#source);
  }

  getRawContent(): string {
    return this.#source;
  }
}

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
