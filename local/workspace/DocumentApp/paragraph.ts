/** A paragraph of a document. */
import { applyTextAttributes, numberAttributes, uniformTextAttributes } from './attributes';
import { NodeElement } from './element';
import { HorizontalAlignment, ParagraphHeading } from './enums';
import { checkEnum, checkNumber, checkText, childAt, childIndexError } from './helpers';
import { imageNodeOf, insertImage, paragraphChildren, wrapImage } from './inline-image';
import type { ParagraphChild } from './inline-image';
import { dropImages, InlineKind, insertChars, ParagraphNode, setElementStyle } from './nodes';

const PARAGRAPH_NUMBERS = {
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  INDENT_START: 'indentStart',
  INDENT_END: 'indentEnd',
  INDENT_FIRST_LINE: 'indentFirstLine',
  LINE_SPACING: 'lineSpacing',
} as const;

export class ParagraphElement extends NodeElement<ParagraphNode> {
  protected readonly method: string = 'Paragraph';

  /** Returns nothing, as Paragraph.setText does in Apps Script. */
  setText(text: string): void {
    this.s.edit();
    const value = checkText(text, `${this.method}.setText`);
    this.s.checkSize(value.length - this._node.text.length);
    const template = this._node.runs[0] ?? {};
    this._node.text = value;
    this._node.runs = Array.from(value, () => ({ ...template }));
    this._node.inline = null;
    dropImages(this._node);
  }

  appendText(text: string): unknown {
    this.s.edit();
    const value = checkText(text, `${this.method}.appendText`);
    this.s.checkSize(value.length);
    const start = this._node.text.length;
    insertChars(this._node, start, value);
    return this.s.text({ node: this._node, start, length: value.length });
  }

  insertText(childIndex: number, text: string): unknown {
    this.s.edit();
    const value = checkText(text, `${this.method}.insertText`);
    // Apps Script counts children here; the paragraph holds one text run, so 0 is the start and 1 the end.
    if (childIndex !== 0 && childIndex !== 1) throw childIndexError(childIndex, 1, true);
    const start = childIndex === 0 ? 0 : this._node.text.length;
    insertChars(this._node, start, value);
    return this.s.text({ node: this._node, start, length: value.length });
  }

  /**
   * A paragraph's children are its inline elements: its text, one Text element whatever its formatting, then a
   * page break or horizontal rule if it holds one. An empty paragraph has none.
   */
  getNumChildren(): number {
    return this.inlineChildren().length;
  }

  getChild(childIndex: number): unknown {
    const child = childAt(this.inlineChildren(), childIndex);
    if (child === 'PAGE_BREAK' || child === 'HORIZONTAL_RULE') return this.s.inline(this._node, child);
    if (child.kind === 'IMAGE') return wrapImage(this.s, this._node, child.image);
    const whole = child.start === 0 && child.end === this._node.text.length;
    return this.s.text({
      node: this._node,
      start: child.start,
      length: whole ? null : child.end - child.start,
    });
  }

  clear(): this {
    this.s.edit();
    this._node.text = '';
    this._node.runs = [];
    this._node.inline = null;
    dropImages(this._node);
    return this;
  }

  appendPageBreak(): unknown {
    return this.inline('PAGE_BREAK');
  }

  /** An image (a BlobSource or a detached InlineImage) after the paragraph's text and images. */
  appendInlineImage(image: unknown): unknown {
    return this.inlineImage('end', image, 'appendInlineImage');
  }

  /** An image before the paragraph's child at childIndex: its runs of text and its images count as children. */
  insertInlineImage(childIndex: number, image: unknown): unknown {
    const count = paragraphChildren(this._node).length;
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex > count) {
      throw childIndexError(childIndex, count, true);
    }
    return this.inlineImage(childIndex, image, 'insertInlineImage');
  }

  appendHorizontalRule(): unknown {
    return this.inline('HORIZONTAL_RULE');
  }

  getHeading(): string {
    return this._node.heading;
  }

  setHeading(heading: string): this {
    return this.assign(this._node, 'heading', () =>
      checkEnum(ParagraphHeading, heading, `${this.method}.setHeading`),
    );
  }

  getAlignment(): string {
    return this._node.alignment ?? 'LEFT';
  }

  setAlignment(alignment: string): this {
    return this.assign(this._node, 'alignment', () =>
      checkEnum(HorizontalAlignment, alignment, `${this.method}.setAlignment`),
    );
  }

  getSpacingBefore(): number {
    return this._node.spacingBefore ?? 0;
  }

  setSpacingBefore(spacingBefore: number): this {
    return this.number('spacingBefore', spacingBefore, 'setSpacingBefore');
  }

  getSpacingAfter(): number {
    return this._node.spacingAfter ?? 0;
  }

  setSpacingAfter(spacingAfter: number): this {
    return this.number('spacingAfter', spacingAfter, 'setSpacingAfter');
  }

  getIndentStart(): number {
    return this._node.indentStart ?? 0;
  }

  setIndentStart(indentStart: number): this {
    return this.number('indentStart', indentStart, 'setIndentStart');
  }

  getIndentEnd(): number {
    return this._node.indentEnd ?? 0;
  }

  setIndentEnd(indentEnd: number): this {
    return this.number('indentEnd', indentEnd, 'setIndentEnd');
  }

  getIndentFirstLine(): number {
    return this._node.indentFirstLine ?? this.getIndentStart();
  }

  setIndentFirstLine(indentFirstLine: number): this {
    return this.number('indentFirstLine', indentFirstLine, 'setIndentFirstLine');
  }

  getLineSpacing(): number {
    return this._node.lineSpacing ?? 1;
  }

  setLineSpacing(multiplier: number): this {
    return this.number('lineSpacing', multiplier, 'setLineSpacing');
  }

  getLinkUrl(): string | null {
    return uniformTextAttributes([this._node]).LINK_URL as string | null;
  }

  setLinkUrl(url: string | null): this {
    this.s.edit();
    setElementStyle(this._node, 'linkUrl', url);
    return this;
  }

  isLeftToRight(): boolean {
    return true;
  }

  getAttributes(): Record<string, unknown> {
    return {
      ...uniformTextAttributes([this._node]),
      HEADING: this._node.heading,
      HORIZONTAL_ALIGNMENT: this._node.alignment,
      LEFT_TO_RIGHT: true,
      ...numberAttributes(this._node, PARAGRAPH_NUMBERS),
    };
  }

  setAttributes(attributes: Record<string, unknown>): this {
    this.s.edit();
    const method = `${this.method}.setAttributes`;
    if (attributes.HEADING !== undefined && attributes.HEADING !== null) {
      this._node.heading = checkEnum(ParagraphHeading, attributes.HEADING, method);
    }
    if (attributes.HORIZONTAL_ALIGNMENT !== undefined) {
      this._node.alignment =
        attributes.HORIZONTAL_ALIGNMENT === null
          ? null
          : checkEnum(HorizontalAlignment, attributes.HORIZONTAL_ALIGNMENT, method);
    }
    for (const [name, key] of Object.entries(PARAGRAPH_NUMBERS)) {
      if (attributes[name] === null) this._node[key] = null;
      else if (attributes[name] !== undefined) this._node[key] = checkNumber(attributes[name], method);
    }
    this.listAttributes(attributes);
    applyTextAttributes([this._node], attributes);
    return this;
  }

  protected listAttributes(attributes: Record<string, unknown>): void {
    void attributes;
  }

  protected number(
    key: (typeof PARAGRAPH_NUMBERS)[keyof typeof PARAGRAPH_NUMBERS],
    value: number,
    method: string,
  ): this {
    return this.assign(this._node, key, () =>
      value === null ? null : checkNumber(value, `${this.method}.${method}`),
    );
  }

  /** The paragraph's children in order: runs of text, inline images, then a page break or rule it holds. */
  private inlineChildren(): (ParagraphChild | InlineKind)[] {
    const children: (ParagraphChild | InlineKind)[] = paragraphChildren(this._node);
    return this._node.inline ? [...children, this._node.inline] : children;
  }

  private inlineImage(at: 'end' | number, image: unknown, method: string): unknown {
    this.s.edit();
    const node = imageNodeOf(image, `${this.method}.${method}`);
    return wrapImage(this.s, this._node, insertImage(this._node, node, at));
  }

  private inline(kind: InlineKind): unknown {
    this.s.edit();
    this._node.inline = kind;
    return this.s.inline(this._node, kind);
  }
}
