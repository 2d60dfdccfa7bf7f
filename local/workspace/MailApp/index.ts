/** MailApp of the local Workspace. */
export {
  ATTACHMENTS_SIZE_MESSAGE,
  BODY_SIZE_MESSAGE,
  DEFAULT_DAILY_RECIPIENTS,
  LocalMail,
  MAIL_QUOTA_MESSAGE,
  MAX_ATTACHMENT_BYTES,
  MAX_BODY_BYTES,
  RECIPIENTS_PER_MESSAGE,
  bodyBytes,
} from './mail-app';
export { MAIL_SCOPES } from './scopes';
export type { MailAttachment, MailInlineImage, SentMail } from './mail-app';
