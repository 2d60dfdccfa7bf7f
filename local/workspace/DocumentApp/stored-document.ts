/** One Google Doc as the local Drive stores it: its Drive file and its node tree. */
import type { DriveFile } from '../Drive/drive-file';
import type { LocalDrive } from '../Drive/drive';
import { type DocBody, documentTree } from './document-tree';
import { type BodyNode, paragraphNode } from './nodes';

/** A4 portrait in points, the page a UK Docs user gets by default. */
export const A4_WIDTH = 595.276;
export const A4_HEIGHT = 841.89;
const DEFAULT_MARGIN = 72;

/** One Google Doc: its Drive file and its content. */
export class FakeDocument {
  readonly body: BodyNode = {
    kind: 'BODY',
    // A new document's body holds one empty paragraph.
    children: [paragraphNode('PARAGRAPH', '')],
    pageWidth: A4_WIDTH,
    pageHeight: A4_HEIGHT,
    marginTop: DEFAULT_MARGIN,
    marginBottom: DEFAULT_MARGIN,
    marginLeft: DEFAULT_MARGIN,
    marginRight: DEFAULT_MARGIN,
  };
  /** How many times a script called saveAndClose on it. */
  saveCount = 0;
  /**
   * Document handles holding DocumentApp edits not yet saved. Apps Script applies them at saveAndClose or at the
   * end of the execution (Document.saveAndClose: "Causes pending updates to be flushed and applied"), so until
   * then the Docs API does not see them.
   */
  readonly _unsaved = new Set<object>();
  private listCounter = 0;

  constructor(
    readonly file: DriveFile,
    private readonly drive: LocalDrive,
    /** The most characters the document may hold (LocalDocuments.maxCharacters). */
    readonly maxCharacters: () => number = () => Infinity,
  ) {}

  get id(): string {
    return this.file.id;
  }

  get name(): string {
    return this.file.name;
  }

  get url(): string {
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }

  getId(): string {
    return this.file.id;
  }

  getName(): string {
    return this.file.name;
  }

  get landscape(): boolean {
    return this.body.pageWidth > this.body.pageHeight;
  }

  tree(): DocBody {
    return documentTree(this);
  }

  _rename(name: string): void {
    this.file.name = name;
    this.drive.touch(this.file);
  }

  _touch(): void {
    this.drive.touch(this.file);
  }

  _newListId(): string {
    this.listCounter++;
    return `kix.list${this.listCounter}`;
  }
}
