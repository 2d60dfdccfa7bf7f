/**
 * HtmlTemplate: templates with scriptlets.
 * Reference: https://developers.google.com/apps-script/guides/html/templates
 */
import { Runtime, expose } from '../runtime';
import { escapeHtml, printable } from './helpers';
import { HtmlOutputObject } from './html-output';

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

/**
 * A template: the script assigns its data as properties (`template.actions = [...]`), then evaluate() runs
 * the scriptlets with those properties in scope.
 */
export class HtmlTemplateObject {
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
