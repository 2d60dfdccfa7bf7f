/** The Document a script opens or creates: its name, its body, saveAndClose and the PDF it exports. */
import { LocalBlob } from '../Base/blob';
import { DOCUMENT_MIME, DOCX_MIME, PDF_MIME } from '../Drive/drive-file';
import { Runtime, expose } from '../runtime';
import { DocSession } from './document-session';
import { checkText } from './helpers';
import { renderPdf } from './pdf';
import type { FakeDocument } from './stored-document';

export class DocumentObject {
  private readonly session: DocSession;

  constructor(runtime: Runtime, doc: FakeDocument) {
    this.session = new DocSession(runtime, doc);
  }

  getId(): string {
    return this.session.doc.id;
  }

  getUrl(): string {
    return this.session.doc.url;
  }

  getName(): string {
    return this.session.doc.name;
  }

  setName(name: string): this {
    this.session.edit();
    this.session.doc._rename(checkText(name, 'Document.setName'));
    return this;
  }

  getBody(): unknown {
    return this.session.wrap(this.session.doc.body);
  }

  /** Edits through this object (and the elements it gave out) throw afterwards; reading still works. */
  saveAndClose(): void {
    this.session.checkSize(0);
    const doc = this.session.doc;
    if (!this.session.closed) doc.saveCount++;
    doc._unsaved.delete(this.session);
    this.session.closed = true;
  }

  /**
   * Docs exports only PDF through getAs. The local Workspace cannot lay out a paper, so the PDF is a plain
   * text rendering (name, then the text of each paragraph and table row): enough to open, name and attach.
   */
  getAs(contentType: string): unknown {
    if (contentType !== PDF_MIME) {
      // A .docx copy comes from local/export/docx.ts, not from the script.
      const target = contentType === DOCX_MIME ? contentType : String(contentType);
      throw new Error(`Converting from ${DOCUMENT_MIME} to ${target} is not supported.`);
    }
    const doc = this.session.doc;
    const blob = new LocalBlob(renderPdf(doc), PDF_MIME, `${doc.name}.pdf`);
    return expose(blob, 'Blob', this.session.runtime);
  }

  getBlob(): unknown {
    return this.getAs(PDF_MIME);
  }
}
