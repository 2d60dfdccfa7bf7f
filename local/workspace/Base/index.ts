/** The Base service of the local Workspace: Blob, Session, User, Logger and console. */
export { LocalBlob, readBlob, readBlobSource, toBuffer, toSignedBytes } from './blob';
export type { BlobContent } from './blob';
export { LocalSession, visibleActiveUser } from './session';
export { LocalLogger } from './logger';
export type { LogEntry } from './logger';
