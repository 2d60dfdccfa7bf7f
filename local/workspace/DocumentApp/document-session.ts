/** One Document object's view of a document, through which every element reads and edits it. */
import { Runtime, expose } from '../runtime';
import { BodyElement } from './body';
import { InlineElement } from './inline-element';
import { ListItemElement } from './list-item';
import { type AnyNode, type InlineKind, type ParagraphNode, characterCount } from './nodes';
import { ParagraphElement } from './paragraph';
import type { FakeDocument } from './stored-document';
import { TableElement } from './table';
import { TableCellElement } from './table-cell';
import { TableRowElement } from './table-row';
import { TextElement, type TextSource } from './text';

/**
 * A Google Doc holds about 1.02 million characters ("Documents: Up to 1.02 million characters",
 * https://support.google.com/drive/answer/37603). Google documents no message for passing it; this one is the
 * local Workspace's own, and the edit that would pass the limit is refused whole (the stricter reading).
 */
export const MAX_DOCUMENT_CHARACTERS = 1_020_000;
export const DOCUMENT_TOO_LARGE =
  'Document is too large: a Google Doc holds at most 1,020,000 characters (https://support.google.com/drive/answer/37603).';

/** One Document object handed to a script; saveAndClose closes this handle, not the file. */
export class DocSession {
  closed = false;

  constructor(
    readonly runtime: Runtime,
    readonly doc: FakeDocument,
  ) {}

  /** Guards every change: a Document closed by saveAndClose refuses further edits. */
  edit(): void {
    // https://github.com/brucemcpherson/gas-fakes/issues/45 records the live message.
    if (this.closed) throw new Error('Document is closed, its contents cannot be updated.');
    this.doc._touch();
    this.doc._unsaved.add(this);
  }

  /** Refuses an edit that would take the document past its size: `added` characters more than now. */
  checkSize(added: number): void {
    if (characterCount(this.doc.body) + added > this.doc.maxCharacters()) throw new Error(DOCUMENT_TOO_LARGE);
  }

  wrap(node: AnyNode): unknown {
    switch (node.kind) {
      case 'BODY':
        return expose(new BodyElement(this, node), 'Body', this.runtime);
      case 'PARAGRAPH':
        return expose(new ParagraphElement(this, node), 'Paragraph', this.runtime);
      case 'LIST_ITEM':
        return expose(new ListItemElement(this, node), 'ListItem', this.runtime);
      case 'TABLE':
        return expose(new TableElement(this, node), 'Table', this.runtime);
      case 'TABLE_ROW':
        return expose(new TableRowElement(this, node), 'TableRow', this.runtime);
      case 'TABLE_CELL':
        return expose(new TableCellElement(this, node), 'TableCell', this.runtime);
    }
  }

  text(source: TextSource): unknown {
    return expose(new TextElement(this, source), 'Text', this.runtime);
  }

  inline(paragraph: ParagraphNode, kind: InlineKind): unknown {
    return expose(
      new InlineElement(this, paragraph, kind),
      kind === 'PAGE_BREAK' ? 'PageBreak' : 'HorizontalRule',
      this.runtime,
    );
  }
}
