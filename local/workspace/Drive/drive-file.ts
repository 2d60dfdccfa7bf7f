/** A file or folder of the in-memory Drive, and the MIME types the project meets. */

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';
export const PDF_MIME = 'application/pdf';
/** A Word file as uploaded: Drive keeps it as it is until someone saves it as a Google Doc. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One file or folder in the in-memory Drive. */
export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  /** Drive v3 allows one parent per file; kept as a list because the API speaks in lists. */
  parents: string[];
  trashed: boolean;
  createdTime: string;
  modifiedTime: string;
  /** Uploaded bytes; null for folders and Google Docs, which have no binary content. */
  content: Uint8Array | null;
  /** The account whose Drive holds it: whoever made it. */
  owner: string;
  /** Accounts it is shared with in Drive (besides its owner), or ANYONE_WITH_LINK (see sharing.ts). */
  sharedWith: string[];
  /**
   * Accounts for whom this app holds per-file access under drive.file: the file was made through the app by
   * that user, or that user opened it with the Picker.
   */
  appUsers: string[];
}
