/** An item of a bulleted or numbered list. */
import { unwrap } from '../runtime';
import { GlyphType } from './enums';
import { checkEnum, checkNumber, signatureError } from './helpers';
import { ParagraphElement } from './paragraph';

export class ListItemElement extends ParagraphElement {
  protected override readonly method = 'ListItem';

  getGlyphType(): string {
    return this._node.glyph;
  }

  setGlyphType(glyphType: string): this {
    return this.assign(this._node, 'glyph', () => checkEnum(GlyphType, glyphType, 'ListItem.setGlyphType'));
  }

  getNestingLevel(): number {
    return this._node.nesting;
  }

  setNestingLevel(nestingLevel: number): this {
    this.s.edit();
    const level = checkNumber(nestingLevel, 'ListItem.setNestingLevel');
    // Docs lists have nine levels, 0 to 8.
    if (!Number.isInteger(level) || level < 0 || level > 8) throw new Error('Invalid nesting level.');
    this._node.nesting = level;
    return this;
  }

  getListId(): string | null {
    return this._node.listId;
  }

  setListId(listItem: unknown): this {
    this.s.edit();
    const other = unwrap(listItem);
    if (!(other instanceof ListItemElement)) throw signatureError('ListItem.setListId', [listItem]);
    this._node.listId = other._node.listId;
    return this;
  }

  /** Docs indents each nesting level by half an inch, the bullet hanging a quarter inch before the text. */
  override getIndentStart(): number {
    return this._node.indentStart ?? 36 * (this._node.nesting + 1);
  }

  override getIndentFirstLine(): number {
    return this._node.indentFirstLine ?? this.getIndentStart() - 18;
  }

  override getAttributes(): Record<string, unknown> {
    return {
      ...super.getAttributes(),
      GLYPH_TYPE: this._node.glyph,
      NESTING_LEVEL: this._node.nesting,
      LIST_ID: this._node.listId,
    };
  }

  protected override listAttributes(attributes: Record<string, unknown>): void {
    if (attributes.GLYPH_TYPE !== undefined && attributes.GLYPH_TYPE !== null) {
      this._node.glyph = checkEnum(GlyphType, attributes.GLYPH_TYPE, 'ListItem.setAttributes');
    }
    if (typeof attributes.NESTING_LEVEL === 'number') this._node.nesting = attributes.NESTING_LEVEL;
  }
}
