/**
 * DocumentApp for the local Workspace: the subset the committee briefing paper needs (headings, numbered
 * paragraphs, lists, the progress appendix table with coloured status cells, page breaks, landscape pages).
 * Elements are thin handles over a plain node tree, as in Apps Script, where getChild returns a fresh object
 * each time. Anything not here throws "not implemented in the local Workspace".
 * Reference: https://developers.google.com/apps-script/reference/document
 */
import type { ConvertedDocument } from '../../convert/docx';
import { LocalDrive } from '../Drive/drive';
import { DOCUMENT_MIME } from '../Drive/drive-file';
import { Runtime, expose } from '../runtime';
import { DocumentObject } from './document';
import {
  Attribute,
  ElementType,
  GlyphType,
  HorizontalAlignment,
  ParagraphHeading,
  TextAlignment,
  VerticalAlignment,
} from './enums';
import { nodesFromWord } from './from-word';
import { checkText } from './helpers';
import { MAX_DOCUMENT_CHARACTERS } from './document-session';
import { DOCUMENT_SCOPES } from './scopes';
import { FakeDocument } from './stored-document';

/**
 * The links openByUrl takes: a Doc's edit, view or copy link (https://docs.google.com/document/d/ID/...), also under
 * a signed-in user's index (/document/u/0/d/ID/) or a Workspace domain (/a/example.org/document/d/ID/). The reference
 * says only that it "Opens and returns the document with the specified URL"
 * (https://developers.google.com/apps-script/reference/document/document-app#openByUrl(String)). SpreadsheetApp's
 * openByUrl refuses a link with nothing after the id with "Invalid argument: url"
 * (https://github.com/ttsukagoshi/mail-merge-for-gmail/issues/324); the stricter reading is modelled here: any other
 * link, a Sheets or Drive one included, is refused the same way.
 */
const DOCS_LINK = /^https:\/\/docs\.google\.com\/(?:a\/[^/]+\/)?document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)\//;

export class DocumentAppObject {
  readonly Attribute = Attribute;
  readonly ElementType = ElementType;
  readonly GlyphType = GlyphType;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly ParagraphHeading = ParagraphHeading;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(
    private readonly runtime: Runtime,
    private readonly store: LocalDocuments,
  ) {}

  create(name: string): unknown {
    const title = checkText(name, 'create');
    return this.handle(this.store._create(title));
  }

  /** Any document the user can open in Drive (the documents scope is not per file, unlike drive.file). */
  openById(id: string): unknown {
    return this.open(checkText(id, 'openById'));
  }

  openByUrl(url: string): unknown {
    const id = DOCS_LINK.exec(checkText(url, 'openByUrl'))?.[1];
    if (id === undefined) throw new Error('Invalid argument: url');
    return this.open(id);
  }

  /**
   * A Doc that does not exist, a file that is not a Google Doc (a Word file Drive has not converted, a spreadsheet)
   * and a Doc the user may not open all give the one message, naming the id, as seen in execution logs
   * (e.g. "Document 1qjB-... is missing (perhaps it was deleted, or you don't have read access?)").
   */
  private open(id: string): unknown {
    const doc = this.store._openable(id);
    if (!doc) {
      throw new Error(`Document ${id} is missing (perhaps it was deleted, or you don't have read access?)`);
    }
    return this.handle(doc);
  }

  private handle(doc: FakeDocument): unknown {
    return expose(new DocumentObject(this.runtime, doc), 'Document', this.runtime);
  }
}

/** The documents of one local Workspace and the DocumentApp global that reaches them. */
export class LocalDocuments {
  readonly app: GoogleAppsScript.Document.DocumentApp;
  readonly drive: LocalDrive;
  private readonly byId = new Map<string, FakeDocument>();
  /**
   * The size a Doc may reach (Google's 1,020,000 characters). A measurement may lift it to learn how large a
   * document would have been; nothing a test of the product relies on changes it.
   */
  maxCharacters = MAX_DOCUMENT_CHARACTERS;

  constructor(
    private readonly runtime: Runtime,
    drive?: LocalDrive,
  ) {
    runtime.scopes.declare(DOCUMENT_SCOPES);
    this.drive = drive ?? new LocalDrive(runtime);
    this.app = expose<GoogleAppsScript.Document.DocumentApp>(
      new DocumentAppObject(runtime, this),
      'DocumentApp',
      runtime,
    );
  }

  /** Every document created or opened, in creation order (documents removed from Drive are left out). */
  documents(): FakeDocument[] {
    return [...this.byId.values()].filter((d) => this.drive.file(d.id));
  }

  get(id: string): FakeDocument {
    const doc = this._find(id);
    if (!doc) throw new Error(`No document with id ${id} in the local Workspace`);
    return doc;
  }

  /**
   * The Google Doc Drive makes when `owner` opens a Word file in Docs and saves it as a Google Doc: what
   * local/convert/docx.ts read from the file, as a new Doc in the owner's Drive.
   */
  createFromWord(word: ConvertedDocument, options: { name: string; owner: string }): FakeDocument {
    const file = this.drive.createFile({ name: options.name, mimeType: DOCUMENT_MIME, owner: options.owner });
    const doc = new FakeDocument(file, this.drive, () => this.maxCharacters);
    doc.body.children = nodesFromWord(word.body, () => doc._newListId());
    this.byId.set(doc.id, doc);
    return doc;
  }

  /** The end of an execution: Apps Script saves every document still open, so their edits are applied. */
  endExecution(): void {
    for (const doc of this.byId.values()) doc._unsaved.clear();
  }

  _create(name: string): FakeDocument {
    const file = this.drive.createFile({ name, mimeType: DOCUMENT_MIME });
    const doc = new FakeDocument(file, this.drive, () => this.maxCharacters);
    this.byId.set(doc.id, doc);
    return doc;
  }

  _find(id: string): FakeDocument | undefined {
    return this.drive.file(id) ? this.byId.get(id) : undefined;
  }

  /** The document if the user the script runs as may open it: another user's unshared Doc is "missing". */
  _openable(id: string): FakeDocument | undefined {
    const doc = this._find(id);
    return doc && this.drive.canOpen(doc.file, this.runtime.effectiveUser) ? doc : undefined;
  }
}
