/** MailApp of the local Workspace. */
export {
  ATTACHMENTS_SIZE_MESSAGE,
  DEFAULT_DAILY_RECIPIENTS,
  LocalMail,
  MAIL_PERMISSION_MESSAGE,
  MAIL_QUOTA_MESSAGE,
  MAX_ATTACHMENT_BYTES,
} from './mail-app';
export type { MailAttachment, MailInlineImage, SentMail } from './mail-app';
