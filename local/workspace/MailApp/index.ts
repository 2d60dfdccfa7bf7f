/** MailApp of the local Workspace. */
export { DEFAULT_DAILY_RECIPIENTS, LocalMail, MAIL_PERMISSION_MESSAGE, MAIL_QUOTA_MESSAGE } from './mail-app';
export type { MailAttachment, SentMail } from './mail-app';
