import vm from 'node:vm';
import { ATTACHMENTS_SIZE_MESSAGE, LocalMail } from '../../../local/workspace/MailApp';
import { Runtime } from '../../../local/workspace/runtime';
import { LocalUtilities } from '../../../local/workspace/Utilities';

function setup() {
  const runtime = new Runtime();
  runtime.fixedNow = Date.UTC(2010, 8, 13, 7, 0);
  const mail = new LocalMail(runtime);
  const utilities = new LocalUtilities(runtime).app;
  return { runtime, mail, MailApp: mail.app, utilities };
}

const PNG_SIGNATURE = [-119, 80, 78, 71, 13, 10, 26, 10];

describe('MailApp.sendEmail inlineImages', () => {
  it('records each image under its key for the cid the HTML body names', () => {
    const { mail, MailApp, utilities } = setup();
    const chart = utilities.newBlob(PNG_SIGNATURE, 'image/png', 'Actions by status.png');
    MailApp.sendEmail('owner@example.org', 'Weekly summary', 'Actions by status: see the HTML version.', {
      htmlBody: '<p>Actions by status</p><img src="cid:statusChart">',
      inlineImages: { statusChart: chart },
    });
    const [sent] = mail.sent;
    expect(sent.inlineImages).toHaveLength(1);
    expect(sent.inlineImages[0]).toMatchObject({
      cid: 'statusChart',
      contentType: 'image/png',
      name: 'Actions by status.png',
    });
    expect([...sent.inlineImages[0].bytes]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(sent.attachments).toEqual([]);
  });

  it('takes inline images from the message object form and from the script’s own realm', () => {
    const { mail, MailApp, utilities } = setup();
    const context = vm.createContext({ MailApp, Utilities: utilities });
    vm.runInContext(
      `MailApp.sendEmail({
         to: 'owner@example.org',
         subject: 'Weekly summary',
         htmlBody: '<img src="cid:trend">',
         inlineImages: { trend: Utilities.newBlob([1, 2, 3], 'image/png', 'trend.png') },
       });`,
      context,
    );
    expect(mail.sent[0].inlineImages.map((i) => i.cid)).toEqual(['trend']);
  });

  it('records none when the option is left out', () => {
    const { mail, MailApp } = setup();
    MailApp.sendEmail('lead@example.org', 'Overdue actions', 'text');
    expect(mail.sent[0].inlineImages).toEqual([]);
  });

  it('refuses inlineImages that is not an object of blobs, and sends nothing', () => {
    const { mail, MailApp } = setup();
    expect(() =>
      MailApp.sendEmail('owner@example.org', 'Summary', 'text', {
        inlineImages: 'statusChart' as unknown as Record<string, GoogleAppsScript.Base.BlobSource>,
      }),
    ).toThrow('Invalid argument: inlineImages');
    expect(() =>
      MailApp.sendEmail('owner@example.org', 'Summary', 'text', {
        inlineImages: { statusChart: 'not a blob' } as unknown as Record<
          string,
          GoogleAppsScript.Base.BlobSource
        >,
      }),
    ).toThrow('Invalid argument: inlineImages');
    expect(mail.sent).toHaveLength(0);
  });

  it('refuses attachments and inline images over 25 MB together, using no quota', () => {
    const { mail, MailApp, utilities } = setup();
    const half = 'x'.repeat(13 * 1024 * 1024);
    const blob = (name: string) => utilities.newBlob(half, 'image/png', name);
    expect(() =>
      MailApp.sendEmail('owner@example.org', 'Summary', 'text', {
        attachments: [blob('a.png')],
        inlineImages: { chart: blob('b.png') },
      }),
    ).toThrow(ATTACHMENTS_SIZE_MESSAGE);
    expect(mail.sent).toHaveLength(0);
    expect(mail.remaining()).toBe(100);
    MailApp.sendEmail('owner@example.org', 'Summary', 'text', { inlineImages: { chart: blob('b.png') } });
    expect(mail.sent).toHaveLength(1);
  });
});
