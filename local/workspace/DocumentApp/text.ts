/**
 * Text: a view over a paragraph (or part of one, as appendText returns) or over a container's paragraphs.
 */
import { NotImplementedError } from '../runtime';
import type { DocSession } from './document-session';
import { checkText, colour, signatureError } from './helpers';
import {
  AnyNode,
  deleteChars,
  effective,
  insertChars,
  leaves,
  ParagraphNode,
  replaceInParagraph,
  setElementStyle,
  setRunStyle,
  StyleKey,
  TEXT_ATTRIBUTES,
} from './nodes';

export type TextSource =
  { node: ParagraphNode; start: number; length: number | null } | { container: AnyNode };

interface Segment {
  node: ParagraphNode;
  from: number;
  to: number; // exclusive
  offset: number; // where `from` sits in the view's text
  whole: boolean;
}

export class TextElement {
  constructor(
    private readonly s: DocSession,
    private readonly source: TextSource,
  ) {}

  getType(): string {
    return 'TEXT';
  }

  getParent(): unknown {
    return 'node' in this.source ? this.s.wrap(this.source.node) : this.s.wrap(this.source.container);
  }

  editAsText(): this {
    return this;
  }

  asText(): this {
    return this;
  }

  getText(): string {
    return this.segments()
      .map((seg) => seg.node.text.slice(seg.from, seg.to))
      .join('\n');
  }

  setText(text: string): this {
    this.s.edit();
    const value = checkText(text, 'Text.setText');
    const source = this.leafSource('setText');
    const end = source.length === null ? source.node.text.length : source.start + source.length;
    const template = source.node.runs[source.start] ?? source.node.runs[source.start - 1] ?? {};
    source.node.text = source.node.text.slice(0, source.start) + value + source.node.text.slice(end);
    source.node.runs.splice(source.start, end - source.start, ...Array.from(value, () => ({ ...template })));
    if (source.length !== null) source.length = value.length;
    return this;
  }

  appendText(text: string): unknown {
    this.s.edit();
    const value = checkText(text, 'Text.appendText');
    const source = this.leafSource('appendText');
    const at = source.length === null ? source.node.text.length : source.start + source.length;
    insertChars(source.node, at, value);
    if (source.length !== null) source.length += value.length;
    return this.s.text({ node: source.node, start: at, length: value.length });
  }

  insertText(offset: number, text: string): this {
    this.s.edit();
    const value = checkText(text, 'Text.insertText');
    const source = this.leafSource('insertText');
    const length = this.getText().length;
    if (!Number.isInteger(offset) || offset < 0 || offset > length) throw this.indexError(offset, length);
    insertChars(source.node, source.start + offset, value);
    if (source.length !== null) source.length += value.length;
    return this;
  }

  deleteText(startOffset: number, endOffsetInclusive: number): this {
    this.s.edit();
    const source = this.leafSource('deleteText');
    this.checkRange(startOffset, endOffsetInclusive);
    deleteChars(source.node, source.start + startOffset, source.start + endOffsetInclusive);
    if (source.length !== null) source.length -= endOffsetInclusive - startOffset + 1;
    return this;
  }

  replaceText(searchPattern: string, replacement: string): this {
    this.s.edit();
    const pattern = new RegExp(checkText(searchPattern, 'Text.replaceText'), 'g');
    for (const seg of this.segments())
      replaceInParagraph(seg.node, pattern, checkText(replacement, 'Text.replaceText'));
    return this;
  }

  setBold(...args: unknown[]): this {
    return this.style('bold', args, 'setBold');
  }

  setItalic(...args: unknown[]): this {
    return this.style('italic', args, 'setItalic');
  }

  setUnderline(...args: unknown[]): this {
    return this.style('underline', args, 'setUnderline');
  }

  setStrikethrough(...args: unknown[]): this {
    return this.style('strikethrough', args, 'setStrikethrough');
  }

  setFontSize(...args: unknown[]): this {
    return this.style('fontSize', args, 'setFontSize');
  }

  setFontFamily(...args: unknown[]): this {
    return this.style('fontFamily', args, 'setFontFamily');
  }

  setForegroundColor(...args: unknown[]): this {
    return this.style('foregroundColor', args, 'setForegroundColor');
  }

  setBackgroundColor(...args: unknown[]): this {
    return this.style('backgroundColor', args, 'setBackgroundColor');
  }

  setLinkUrl(...args: unknown[]): this {
    return this.style('linkUrl', args, 'setLinkUrl');
  }

  isBold(offset?: number): boolean | null {
    return this.read('bold', offset) as boolean | null;
  }

  isItalic(offset?: number): boolean | null {
    return this.read('italic', offset) as boolean | null;
  }

  isUnderline(offset?: number): boolean | null {
    return this.read('underline', offset) as boolean | null;
  }

  isStrikethrough(offset?: number): boolean | null {
    return this.read('strikethrough', offset) as boolean | null;
  }

  getFontSize(offset?: number): number | null {
    return this.read('fontSize', offset) as number | null;
  }

  getFontFamily(offset?: number): string | null {
    return this.read('fontFamily', offset) as string | null;
  }

  getForegroundColor(offset?: number): string | null {
    return this.read('foregroundColor', offset) as string | null;
  }

  getBackgroundColor(offset?: number): string | null {
    return this.read('backgroundColor', offset) as string | null;
  }

  getLinkUrl(offset?: number): string | null {
    return this.read('linkUrl', offset) as string | null;
  }

  getAttributes(offset?: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) out[name] = this.read(key, offset, true);
    return out;
  }

  setAttributes(...args: unknown[]): this {
    const attributes = (args.length === 3 ? args[2] : args[0]) as Record<string, unknown>;
    if (typeof attributes !== 'object' || attributes === null)
      throw signatureError('Text.setAttributes', args);
    for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
      if (name in attributes) {
        this.style(
          key,
          args.length === 3 ? [args[0], args[1], attributes[name]] : [attributes[name]],
          'setAttributes',
        );
      }
    }
    return this;
  }

  /** Offsets where the formatting changes, as Docs reports text runs. */
  getTextAttributeIndices(): number[] {
    const indices: number[] = [];
    let previous = '';
    let position = 0;
    for (const seg of this.segments()) {
      for (let i = seg.from; i < seg.to; i++, position++) {
        const key = JSON.stringify(effective(seg.node, i));
        if (key !== previous || i === seg.from) indices.push(position);
        previous = key;
      }
      position++;
    }
    return indices.length ? [...new Set(indices)] : [0];
  }

  private style(key: StyleKey, args: unknown[], method: string): this {
    this.s.edit();
    const value = args.length === 3 ? args[2] : args[0];
    if (args.length !== 1 && args.length !== 3) throw signatureError(`Text.${method}`, args);
    const checked = this.checkValue(key, value, method, args);
    if (args.length === 1) {
      for (const seg of this.segments()) {
        if (seg.whole) setElementStyle(seg.node, key, checked);
        else if (seg.to > seg.from) setRunStyle(seg.node, seg.from, seg.to - 1, key, checked);
      }
      return this;
    }
    const start = args[0] as number;
    const end = args[1] as number;
    this.checkRange(start, end);
    for (const seg of this.segments()) {
      const segEnd = seg.offset + (seg.to - seg.from) - 1;
      const a = Math.max(start, seg.offset);
      const b = Math.min(end, segEnd);
      if (a <= b) setRunStyle(seg.node, seg.from + a - seg.offset, seg.from + b - seg.offset, key, checked);
    }
    return this;
  }

  private checkValue(key: StyleKey, value: unknown, method: string, args: unknown[]): unknown {
    if (value === null) return null;
    switch (key) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strikethrough':
        if (typeof value !== 'boolean') throw signatureError(`Text.${method}`, args);
        return value;
      case 'fontSize':
        if (typeof value !== 'number') throw signatureError(`Text.${method}`, args);
        return value;
      case 'foregroundColor':
      case 'backgroundColor':
        return colour(value, `Text.${method}`);
      default:
        if (typeof value !== 'string') throw signatureError(`Text.${method}`, args);
        return value;
    }
  }

  private read(key: StyleKey, offset?: number, nullWhenUnset = false): unknown {
    const unset =
      nullWhenUnset || !['bold', 'italic', 'underline', 'strikethrough'].includes(key) ? null : false;
    const segments = this.segments();
    if (offset !== undefined) {
      const length = this.getText().length;
      if (!Number.isInteger(offset) || offset < 0 || offset >= length) throw this.indexError(offset, length);
      for (const seg of segments) {
        if (offset >= seg.offset && offset < seg.offset + (seg.to - seg.from)) {
          return effective(seg.node, seg.from + offset - seg.offset)[key] ?? unset;
        }
      }
      return unset;
    }
    const values = new Set<unknown>();
    for (const seg of segments) {
      if (seg.to === seg.from) values.add(seg.node.style[key] ?? unset);
      for (let i = seg.from; i < seg.to; i++) values.add(effective(seg.node, i)[key] ?? unset);
    }
    // Mixed formatting reads as null, as in Apps Script.
    return values.size === 1 ? [...values][0] : null;
  }

  private segments(): Segment[] {
    if ('node' in this.source) {
      const { node, start, length } = this.source;
      return [
        {
          node,
          from: start,
          to: length === null ? node.text.length : start + length,
          offset: 0,
          whole: length === null,
        },
      ];
    }
    let offset = 0;
    return leaves(this.source.container).map((node) => {
      const seg = { node, from: 0, to: node.text.length, offset, whole: true };
      offset += node.text.length + 1;
      return seg;
    });
  }

  private leafSource(method: string): { node: ParagraphNode; start: number; length: number | null } {
    if ('node' in this.source) return this.source;
    throw new NotImplementedError(`Text.${method} on the text of a container`);
  }

  private checkRange(start: unknown, end: unknown): void {
    const length = this.getText().length;
    if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start >= length) {
      throw this.indexError(start, length);
    }
    if (typeof end !== 'number' || !Number.isInteger(end) || end < start || end >= length) {
      throw this.indexError(end, length);
    }
  }

  private indexError(index: unknown, length: number): Error {
    return new Error(`Index (${String(index)}) must be less than the content length (${length}).`);
  }
}
