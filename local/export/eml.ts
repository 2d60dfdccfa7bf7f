/**
 * Writes a message recorded by the local MailApp as an .eml file any mail client opens, built by nodemailer's
 * MailComposer so the MIME (encoded headers, multipart/alternative, attachments, inline images in
 * multipart/related with their Content-ID) is standard.
 */
import { writeFile } from 'node:fs/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SentMail } from '../workspace/MailApp';

/** The message as RFC 5322 bytes. Bcc is kept as a header so the file shows everyone the digest went to. */
export async function toEml(mail: SentMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: mail.name ? { name: mail.name, address: mail.from } : mail.from,
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    bcc: mail.bcc.length > 0 ? mail.bcc : undefined,
    replyTo: mail.replyTo,
    subject: mail.subject,
    date: mail.date,
    text: mail.body,
    html: mail.htmlBody,
    attachments: [
      ...mail.attachments.map((a) => ({
        filename: a.name ?? undefined,
        contentType: a.contentType ?? undefined,
        content: a.bytes,
      })),
      // A part with a cid goes into multipart/related beside the HTML, which shows it through src="cid:KEY".
      ...mail.inlineImages.map((image) => ({
        cid: image.cid,
        filename: image.name ?? undefined,
        contentType: image.contentType ?? 'application/octet-stream',
        content: image.bytes,
        contentDisposition: 'inline' as const,
      })),
    ],
  });
  const message = composer.compile();
  message.keepBcc = true;
  return message.build();
}

export async function writeEml(mail: SentMail, path: string): Promise<void> {
  await writeFile(path, await toEml(mail));
}
