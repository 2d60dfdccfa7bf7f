/** HtmlOutput: the content, title, size and modes of a page or dialog. */
import { LocalBlob } from '../Base/blob';
import { Runtime, expose } from '../runtime';
import { SandboxMode, XFrameOptionsMode } from './enums';
import { escapeHtml, printable } from './helpers';
import { HtmlTemplateObject } from './html-template';

/** Meta tag names HtmlOutput.addMetaTag accepts, per the HtmlOutput reference. */
const META_TAG_NAMES = new Set([
  'apple-mobile-web-app-capable',
  'apple-touch-fullscreen',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
]);

export class HtmlOutputObject {
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
