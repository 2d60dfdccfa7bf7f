/**
 * DocumentApp for the local Workspace: the subset the committee briefing paper needs (headings, numbered
 * paragraphs, lists, the progress appendix table with coloured status cells, page breaks, landscape pages).
 * Elements are thin handles over a plain node tree, as in Apps Script, where getChild returns a fresh object
 * each time. Anything not here throws "not implemented in the local Workspace".
 * Reference: https://developers.google.com/apps-script/reference/document
 */
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
import { checkText } from './helpers';
import { FakeDocument } from './stored-document';

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
    const title = checkText(name, 'DocumentApp.create');
    return this.open(this.store._create(title));
  }

  openById(id: string): unknown {
    return this.open(this.store._find(id));
  }

  openByUrl(url: string): unknown {
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';
    return this.open(this.store._find(id));
  }

  private open(doc: FakeDocument | undefined): unknown {
    if (!doc) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return expose(new DocumentObject(this.runtime, doc), 'Document', this.runtime);
  }
}

/** The documents of one local Workspace and the DocumentApp global that reaches them. */
export class LocalDocuments {
  readonly app: GoogleAppsScript.Document.DocumentApp;
  readonly drive: LocalDrive;
  private readonly byId = new Map<string, FakeDocument>();

  constructor(runtime: Runtime, drive?: LocalDrive) {
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

  /** The end of an execution: Apps Script saves every document still open, so their edits are applied. */
  endExecution(): void {
    for (const doc of this.byId.values()) doc._unsaved.clear();
  }

  _create(name: string): FakeDocument {
    const file = this.drive.createFile({ name, mimeType: DOCUMENT_MIME });
    const doc = new FakeDocument(file, this.drive);
    this.byId.set(doc.id, doc);
    return doc;
  }

  _find(id: string): FakeDocument | undefined {
    return this.drive.file(id) ? this.byId.get(id) : undefined;
  }
}
