/**
 * MailApp of the local Workspace: records every message instead of sending it, and enforces what Google
 * enforces: the daily recipient quota, valid addresses, and the send_mail scope (so no mail from a simple
 * trigger, and none when the manifest leaves the scope out).
 */
import { type BlobContent, readBlobSource } from '../Base/blob';
import { Runtime, expose } from '../runtime';
import { parseAddresses } from './addresses';
import { MAIL_SCOPES } from './scopes';

export type MailAttachment = BlobContent;

/** An image the HTML body shows through `<img src="cid:KEY">`: the inlineImages option's key and its blob. */
export interface MailInlineImage extends BlobContent {
  cid: string;
}

/** One message as Google would have sent it. */
export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  /** Display name of the sender (the `name` option). */
  name?: string;
  replyTo?: string;
  noReply: boolean;
  /** The effective user: MailApp always sends as the account the script runs under. */
  from: string;
  date: Date;
  attachments: MailAttachment[];
  /** The inlineImages option, in the order given; the .eml carries them as related parts with Content-ID. */
  inlineImages: MailInlineImage[];
}

/** Consumer accounts get 100 recipients a day (https://developers.google.com/apps-script/guides/services/quotas). */
export const DEFAULT_DAILY_RECIPIENTS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

/**
 * Per-message limits (https://developers.google.com/apps-script/guides/services/quotas#current_limitations):
 * "Email body size 200 KB / msg", "Email total attachments size 25 MB / msg", "Email recipients per message
 * 50 / msg". Whether the body limit counts the plain and HTML bodies apart, and KB as 1,000 or 1,024 bytes, is
 * not said: both bodies are counted together, in UTF-8 bytes, against 200,000 (the stricter reading). The
 * messages are the ones scripts report ("Limit Exceeded: Email Body Size." and the like).
 */
export const MAX_BODY_BYTES = 200_000;
export const MAX_ATTACHMENT_BYTES = 25_000_000;
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const BODY_SIZE_MESSAGE = 'Limit Exceeded: Email Body Size.';
export const ATTACHMENTS_SIZE_MESSAGE = 'Limit Exceeded: Email Total Attachments Size.';
export const RECIPIENTS_PER_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';

/** The size Google counts against the body limit: the plain body and the HTML body, in UTF-8 bytes. */
export function bodyBytes(body: string, htmlBody?: string): number {
  return Buffer.byteLength(body, 'utf8') + (htmlBody === undefined ? 0 : Buffer.byteLength(htmlBody, 'utf8'));
}

interface MailOptions {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
  noReply?: unknown;
  attachments?: unknown;
  inlineImages?: unknown;
}

function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/**
 * The inlineImages option: "a JavaScript object containing a mapping from image key (String) to image data
 * (BlobSource)", shown where the HTML body has `<img src="cid:imageKey" />`
 * (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(String,String,String,Object)).
 */
function readInlineImages(value: unknown): MailInlineImage[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('Invalid argument: inlineImages');
  return Object.entries(value).map(([cid, blob]) => ({ cid, ...readBlobSource(blob, 'inlineImages') }));
}

class MailAppImpl {
  constructor(private readonly owner: LocalMail) {}

  /**
   * sendEmail(recipient, subject, body[, options]), sendEmail(recipient, replyTo, subject, body) and
   * sendEmail(message) (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)).
   */
  sendEmail(...args: unknown[]): void {
    let message: MailOptions;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) {
      message = args[0] as MailOptions;
    } else if (
      args.length === 3 ||
      (args.length === 4 && (args[3] === undefined || typeof args[3] === 'object'))
    ) {
      const options = (args[3] ?? {}) as MailOptions;
      message = { ...options, to: args[0], subject: args[1], body: args[2] };
    } else if (args.length === 4 && typeof args[3] === 'string') {
      message = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    } else {
      throw new Error(
        `The parameters (${args.map(typeName).join(',')}) don't match the method signature for MailApp.sendEmail.`,
      );
    }
    this.owner._send(message);
  }

  getRemainingDailyQuota(): number {
    return this.owner.remaining();
  }
}

export class LocalMail {
  /** The global the bundle sees as MailApp. */
  readonly app: GoogleAppsScript.Mail.MailApp;
  /** Every message sent, oldest first. */
  readonly sent: SentMail[] = [];
  private readonly dailyQuota: number;
  private used = 0;
  /** Quotas "reset 24 hours after the first request" (quotas page): the window opens on first use. */
  private windowStart: number | null = null;

  constructor(
    private readonly runtime: Runtime,
    options: { dailyQuota?: number } = {},
  ) {
    this.dailyQuota = options.dailyQuota ?? DEFAULT_DAILY_RECIPIENTS;
    runtime.scopes.declare(MAIL_SCOPES);
    this.app = expose<GoogleAppsScript.Mail.MailApp>(new MailAppImpl(this), 'MailApp', runtime);
  }

  /** Recipients that can still be sent to in the current 24-hour window. */
  remaining(): number {
    this.roll();
    return Math.max(0, this.dailyQuota - this.used);
  }

  /** Sets what is left today, e.g. to rehearse a digest run that meets the quota part way. */
  setRemainingQuota(n: number): void {
    this.roll();
    this.used = Math.max(0, this.dailyQuota - n);
    this.windowStart ??= this.runtime.now().getTime();
  }

  private roll(): void {
    const now = this.runtime.now().getTime();
    if (this.windowStart !== null && now - this.windowStart >= DAY_MS) {
      this.windowStart = null;
      this.used = 0;
    }
  }

  _send(message: MailOptions): void {
    const to = parseAddresses(message.to);
    const cc = parseAddresses(message.cc);
    const bcc = parseAddresses(message.bcc);
    if (to.length + cc.length + bcc.length === 0) throw new Error('Failed to send email: no recipient');
    const replyTo = optionalText(message.replyTo);
    if (replyTo !== undefined && replyTo.trim() !== '') parseAddresses(replyTo);
    const attachments = Array.isArray(message.attachments)
      ? message.attachments.map((a) => readBlobSource(a, 'attachments'))
      : [];
    const inlineImages = readInlineImages(message.inlineImages);
    const parts = [...attachments, ...inlineImages];
    if (parts.reduce((sum, part) => sum + part.bytes.length, 0) > MAX_ATTACHMENT_BYTES) {
      throw new Error(ATTACHMENTS_SIZE_MESSAGE);
    }

    const cost = to.length + cc.length + bcc.length;
    if (cost > MAX_RECIPIENTS_PER_MESSAGE) throw new Error(RECIPIENTS_PER_MESSAGE);
    if (bodyBytes(String(message.body ?? ''), optionalText(message.htmlBody)) > MAX_BODY_BYTES) {
      throw new Error(BODY_SIZE_MESSAGE);
    }
    // Every recipient counts, including cc and bcc, and a send that does not fit is refused whole.
    if (cost > this.remaining()) throw new Error(MAIL_QUOTA_MESSAGE);
    this.windowStart ??= this.runtime.now().getTime();
    this.used += cost;

    const mail: SentMail = {
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      noReply: message.noReply === true,
      from: this.runtime.effectiveUser,
      date: this.runtime.now(),
      attachments,
      inlineImages,
    };
    const htmlBody = optionalText(message.htmlBody);
    if (htmlBody !== undefined) mail.htmlBody = htmlBody;
    const name = optionalText(message.name);
    if (name !== undefined) mail.name = name;
    if (replyTo !== undefined && replyTo.trim() !== '') mail.replyTo = replyTo.trim();
    this.sent.push(mail);
  }
}
