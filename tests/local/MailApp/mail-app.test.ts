import vm from 'node:vm';
import { Runtime } from '../../../local/workspace/runtime';
import {
  BODY_SIZE_MESSAGE,
  LocalMail,
  MAIL_QUOTA_MESSAGE,
  RECIPIENTS_PER_MESSAGE,
} from '../../../local/workspace/MailApp';
import { LocalUtilities } from '../../../local/workspace/Utilities';

function setup(dailyQuota?: number) {
  const runtime = new Runtime();
  runtime.fixedNow = Date.UTC(2024, 10, 4, 9, 0);
  const mail = new LocalMail(runtime, dailyQuota === undefined ? {} : { dailyQuota });
  return { runtime, mail, MailApp: mail.app };
}

describe('MailApp.sendEmail', () => {
  it('records the three-argument form with sender and date', () => {
    const { runtime, mail, MailApp } = setup();
    runtime.as('owner@example.org', () =>
      MailApp.sendEmail('lead@example.org', 'Overdue actions', 'You have 2 overdue actions.'),
    );
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({
      to: ['lead@example.org'],
      cc: [],
      bcc: [],
      subject: 'Overdue actions',
      body: 'You have 2 overdue actions.',
      from: 'owner@example.org',
      noReply: false,
    });
    expect(mail.sent[0].date.getTime()).toBe(runtime.fixedNow);
    expect(mail.sent[0].htmlBody).toBeUndefined();
  });

  it('takes options: htmlBody, cc, bcc, name, replyTo, attachments', () => {
    const { runtime, mail, MailApp } = setup();
    const blob = new LocalUtilities(runtime).app.newBlob(
      'Ref,Status\n1.1,Overdue',
      'text/csv',
      'actions.csv',
    );
    MailApp.sendEmail('a@example.org', 'Digest', 'plain', {
      htmlBody: '<p>html</p>',
      cc: 'b@example.org, c@example.org',
      bcc: 'd@example.org',
      name: 'Action Plan Register',
      replyTo: 'owner@example.org',
      noReply: true,
      attachments: [blob as unknown as GoogleAppsScript.Base.BlobSource],
    });
    const sent = mail.sent[0];
    expect(sent.cc).toEqual(['b@example.org', 'c@example.org']);
    expect(sent.bcc).toEqual(['d@example.org']);
    expect(sent.htmlBody).toBe('<p>html</p>');
    expect(sent.name).toBe('Action Plan Register');
    expect(sent.replyTo).toBe('owner@example.org');
    expect(sent.noReply).toBe(true);
    expect(sent.attachments).toHaveLength(1);
    expect(sent.attachments[0].name).toBe('actions.csv');
    expect(sent.attachments[0].contentType).toBe('text/csv');
    expect(sent.attachments[0].bytes.toString('utf8')).toBe('Ref,Status\n1.1,Overdue');
  });

  it('takes the message object form', () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail({
      to: 'a@example.org,b@example.org',
      subject: 'Summary',
      body: 'text',
      htmlBody: '<b>text</b>',
      cc: 'c@example.org',
      name: 'Register',
      replyTo: 'owner@example.org',
    });
    expect(mail.sent[0]).toMatchObject({
      to: ['a@example.org', 'b@example.org'],
      cc: ['c@example.org'],
      subject: 'Summary',
      htmlBody: '<b>text</b>',
      name: 'Register',
      replyTo: 'owner@example.org',
    });
  });

  it('rejects an invalid address with Google’s message and sends nothing', () => {
    const { mail, MailApp } = setup();
    expect(() => MailApp.sendEmail('a@example.org, not-an-address', 's', 'b')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(mail.sent).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('refuses a call that matches no signature', () => {
    const { MailApp } = setup();
    const loose = MailApp as unknown as { sendEmail: (...args: unknown[]) => void };
    expect(() => loose.sendEmail('a@example.org', 'subject')).toThrow(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
  });
});

describe('MailApp recipient quota', () => {
  it('counts every recipient, not every message', () => {
    const { MailApp } = setup();
    MailApp.sendEmail('a@example.org', 's', 'b', { cc: 'b@example.org', bcc: 'c@example.org' });
    expect(MailApp.getRemainingDailyQuota()).toBe(97);
    MailApp.sendEmail({ to: 'd@example.org,e@example.org', subject: 's', body: 'b' });
    expect(MailApp.getRemainingDailyQuota()).toBe(95);
  });

  it('refuses a send needing more recipients than remain, and records nothing', () => {
    const { mail, MailApp } = setup();
    mail.setRemainingQuota(2);
    expect(() => MailApp.sendEmail('a@example.org,b@example.org,c@example.org', 's', 'b')).toThrow(
      MAIL_QUOTA_MESSAGE,
    );
    expect(MAIL_QUOTA_MESSAGE).toBe('Service invoked too many times for one day: email.');
    expect(mail.sent).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    MailApp.sendEmail('a@example.org,b@example.org', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
  });

  it('uses the configured daily quota and resets 24 hours after the first send', () => {
    const { runtime, mail, MailApp } = setup(3);
    MailApp.sendEmail('a@example.org,b@example.org,c@example.org', 's', 'b');
    expect(() => MailApp.sendEmail('d@example.org', 's', 'b')).toThrow(MAIL_QUOTA_MESSAGE);
    runtime.fixedNow = (runtime.fixedNow ?? 0) + 23 * 3_600_000;
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    runtime.fixedNow = (runtime.fixedNow ?? 0) + 3_600_000;
    expect(MailApp.getRemainingDailyQuota()).toBe(3);
    MailApp.sendEmail('d@example.org', 's', 'b');
    expect(mail.sent.map((m) => m.to)).toEqual([
      ['a@example.org', 'b@example.org', 'c@example.org'],
      ['d@example.org'],
    ]);
  });
});

describe('MailApp in a simple trigger', () => {
  it('throws the permission error and sends nothing', () => {
    const { runtime, mail, MailApp } = setup();
    expect(() => runtime.runAs('simple', () => MailApp.sendEmail('a@example.org', 's', 'b'))).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(mail.sent).toHaveLength(0);
    expect(() =>
      runtime.runAs('installable', () => MailApp.sendEmail('a@example.org', 's', 'b')),
    ).not.toThrow();
  });
});

describe('expose', () => {
  it('counts MailApp calls and rejects methods the fake lacks', () => {
    const { runtime, MailApp } = setup();
    MailApp.sendEmail('a@example.org', 's', 'b');
    MailApp.getRemainingDailyQuota();
    MailApp.getRemainingDailyQuota();
    expect(runtime.calls.snapshot()).toEqual({ 'MailApp.getRemainingDailyQuota': 2, 'MailApp.sendEmail': 1 });
    const loose = MailApp as unknown as { sendEmailDraft: () => void };
    expect(() => loose.sendEmailDraft()).toThrow(
      'not implemented in the local Workspace: MailApp.sendEmailDraft',
    );
  });
});

describe('MailApp seen from a script in its own vm context', () => {
  it('accepts option objects and blobs created in the script’s realm', () => {
    const { runtime, mail, MailApp } = setup();
    const Utilities = new LocalUtilities(runtime).app;
    vm.runInNewContext(
      `MailApp.sendEmail('lead@example.org', 'Digest', 'text', {
         cc: 'owner@example.org', attachments: [Utilities.newBlob('x', 'text/plain', 'a.txt')] });`,
      { MailApp, Utilities },
    );
    expect(mail.sent[0].cc).toEqual(['owner@example.org']);
    expect(mail.sent[0].attachments[0].name).toBe('a.txt');
    expect(MailApp.getRemainingDailyQuota()).toBe(98);
  });
});

describe('MailApp message size limits', () => {
  it('takes a body of 200,000 bytes, plain and HTML together, and refuses one byte more, sending nothing', () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('lead@example.org', 'Digest', 'x'.repeat(100_000), { htmlBody: 'y'.repeat(100_000) });
    expect(mail.sent).toHaveLength(1);
    expect(() =>
      MailApp.sendEmail('lead@example.org', 'Digest', 'x'.repeat(100_000), { htmlBody: 'y'.repeat(100_001) }),
    ).toThrow(BODY_SIZE_MESSAGE);
    // Bytes, not characters: "£" is two bytes in UTF-8.
    expect(() => MailApp.sendEmail('lead@example.org', 'Digest', '£'.repeat(100_001))).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    expect(mail.sent).toHaveLength(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(99);
  });

  it('refuses attachments over 25 MB in all, and more than 50 recipients in one message', () => {
    const { runtime, mail, MailApp } = setup(1000);
    const big = new LocalUtilities(runtime).app.newBlob('z'.repeat(25_000_001), 'text/plain', 'big.txt');
    expect(() => MailApp.sendEmail('lead@example.org', 'Paper', 'attached', { attachments: [big] })).toThrow(
      'Limit Exceeded: Email Total Attachments Size.',
    );
    const many = Array.from({ length: 51 }, (_, i) => `officer${i}@example.org`).join(',');
    expect(() => MailApp.sendEmail(many, 'Digest', 'hello')).toThrow(RECIPIENTS_PER_MESSAGE);
    expect(mail.sent).toHaveLength(0);
  });
});

describe('MailApp without the send_mail scope', () => {
  it('refuses every call with Google’s message and sends nothing', () => {
    const { runtime, mail, MailApp } = setup();
    runtime.scopes.grant(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(
      'Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(() => MailApp.sendEmail('a@example.org', 's', 'b')).toThrow(
      'Specified permissions are not sufficient to call MailApp.sendEmail.',
    );
    expect(mail.sent).toHaveLength(0);
  });
});
