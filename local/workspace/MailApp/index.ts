/** MailApp of the local Workspace. */
export { DEFAULT_DAILY_RECIPIENTS, LocalMail, MAIL_QUOTA_MESSAGE } from './mail-app';
export { MAIL_SCOPES } from './scopes';
export type { MailAttachment, SentMail } from './mail-app';
