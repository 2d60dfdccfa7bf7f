/** The advanced Drive service (v3 subset) of the local Workspace. */
export { LocalDrive } from './drive';
export { DOCUMENT_MIME, DOCX_MIME, FOLDER_MIME, PDF_MIME } from './drive-file';
export { ANYONE_WITH_LINK } from './sharing';
export type { DriveFile } from './drive-file';
