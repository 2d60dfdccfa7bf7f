import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toEml, writeEml } from '../../local/export/eml';
import type { SentMail } from '../../local/workspace/MailApp';

/** Headers of one MIME entity, unfolded, by lower-case name. */
function parseEntity(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** RFC 2047 encoded words (Q and B), as a mail client would show them. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => `%${h}`);
      return decodeURIComponent(bytes);
    });
}

function decodeBody(entity: { headers: Map<string, string>; body: string }): string {
  const cte = (entity.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(entity.body, 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    const soft = entity.body.replace(/=\r\n/g, '');
    return Buffer.from(
      soft.replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return entity.body;
}

function parts(entity: { headers: Map<string, string>; body: string }) {
  const boundary = /boundary="?([^";]+)"?/.exec(entity.headers.get('content-type') ?? '')?.[1];
  if (!boundary) throw new Error('not multipart');
  return entity.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => parseEntity(p.replace(/^\r\n/, '').replace(/\r\n$/, '')));
}

const digest: SentMail = {
  to: ['jj@example.org'],
  cc: ['tg@example.org', 'jw@example.org'],
  bcc: ['owner@example.org'],
  subject: 'Actions overdue — Performance Management plan (2 due this week)',
  body: 'Dear JJ,\nAction 1.1 is overdue.',
  htmlBody: '<p>Dear JJ,</p><p>Action <b>1.1</b> is overdue.</p>',
  name: 'Action Plan Register',
  replyTo: 'owner@example.org',
  noReply: false,
  from: 'policy.officer@example.org',
  date: new Date('2024-10-21T07:00:00Z'),
  attachments: [],
  inlineImages: [],
};

describe('toEml', () => {
  it('writes the headers a mail client needs, Bcc included', async () => {
    const message = parseEntity((await toEml(digest)).toString('utf8'));
    const h = message.headers;
    expect(h.get('from')).toBe('Action Plan Register <policy.officer@example.org>');
    expect(h.get('to')).toBe('jj@example.org');
    expect(h.get('cc')).toBe('tg@example.org, jw@example.org');
    expect(h.get('bcc')).toBe('owner@example.org');
    expect(h.get('reply-to')).toBe('owner@example.org');
    expect(new Date(h.get('date') ?? '').toISOString()).toBe('2024-10-21T07:00:00.000Z');
    expect(h.get('mime-version')).toBe('1.0');
  });

  it('encodes a non-ASCII subject so it survives the trip', async () => {
    const message = parseEntity((await toEml(digest)).toString('utf8'));
    const subject = message.headers.get('subject') ?? '';
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(subject).toMatch(/=\?UTF-8\?[QB]\?/i);
    expect(decodeWords(subject)).toBe(digest.subject);
  });

  it('carries both the text and the HTML body as multipart/alternative', async () => {
    const message = parseEntity((await toEml(digest)).toString('utf8'));
    expect(message.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    const [text, html] = parts(message);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    expect(decodeBody(text).replace(/\r\n/g, '\n')).toBe(digest.body);
    expect(html.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(decodeBody(html)).toBe(digest.htmlBody);
  });

  it('sends a plain message without cc, bcc or html as a single text part', async () => {
    const plain: SentMail = {
      ...digest,
      cc: [],
      bcc: [],
      htmlBody: undefined,
      name: undefined,
      replyTo: undefined,
    };
    const message = parseEntity((await toEml(plain)).toString('utf8'));
    expect(message.headers.get('from')).toBe('policy.officer@example.org');
    expect(message.headers.has('cc')).toBe(false);
    expect(message.headers.has('bcc')).toBe(false);
    expect(message.headers.get('content-type')).toMatch(/^text\/plain/);
  });

  it('attaches files', async () => {
    const withFile: SentMail = {
      ...digest,
      attachments: [
        { name: 'actions.csv', contentType: 'text/csv', bytes: Buffer.from('Ref,Status\n1.1,Overdue') },
      ],
    };
    const message = parseEntity((await toEml(withFile)).toString('utf8'));
    expect(message.headers.get('content-type')).toMatch(/^multipart\/mixed;/);
    const [, attachment] = parts(message);
    expect(attachment.headers.get('content-disposition')).toMatch(/attachment; filename=actions\.csv/);
    expect(decodeBody(attachment).replace(/\r\n/g, '\n')).toBe('Ref,Status\n1.1,Overdue');
  });
});

describe('toEml inline images', () => {
  const png = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]);
  const summary: SentMail = {
    ...digest,
    htmlBody: '<p>Actions by status</p><img src="cid:statusChart">',
    inlineImages: [
      { cid: 'statusChart', name: 'Actions by status.png', contentType: 'image/png', bytes: png },
    ],
  };

  it('puts the HTML and its images in multipart/related, each image with its Content-ID', async () => {
    const message = parseEntity((await toEml(summary)).toString('utf8'));
    expect(message.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    const [text, related] = parts(message);
    expect(decodeBody(text).replace(/\r\n/g, '\n')).toBe(digest.body);
    expect(related.headers.get('content-type')).toMatch(/^multipart\/related;/);
    const [html, image] = parts(related);
    expect(decodeBody(html)).toContain('src="cid:statusChart"');
    expect(image.headers.get('content-type')).toMatch(/^image\/png/);
    expect(image.headers.get('content-id')).toBe('<statusChart>');
    expect(image.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(image.body, 'base64').equals(png)).toBe(true);
  });

  it('keeps attachments apart from the related images', async () => {
    const both: SentMail = {
      ...summary,
      attachments: [{ name: 'actions.csv', contentType: 'text/csv', bytes: Buffer.from('Ref,Status') }],
    };
    const message = parseEntity((await toEml(both)).toString('utf8'));
    expect(message.headers.get('content-type')).toMatch(/^multipart\/mixed;/);
    const [alternative, attachment] = parts(message);
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment; filename=actions\.csv/);
    const related = parts(alternative)[1];
    expect(parts(related)[1].headers.get('content-id')).toBe('<statusChart>');
  });
});

describe('writeEml', () => {
  it('writes the same bytes to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eml-'));
    try {
      const path = join(dir, 'digest.eml');
      await writeEml(digest, path);
      const written = parseEntity((await readFile(path)).toString('utf8'));
      expect(decodeWords(written.headers.get('subject') ?? '')).toBe(digest.subject);
      expect(parts(written)).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
