/**
 * The My actions sidebar in a real browser (Debian's headless Chromium): the page the server renders for the
 * person who opened it, with google.script.run replaced by a shim that records each call, which the test then
 * answers through the bundle's own server function, called as that person.
 */
import type { Page } from 'playwright-core';
import type { LoadedBundle } from '../../local/runner/bundle';
import { registerRows, sampleRegister, sheetOf, valuesOf } from '../helpers';
import { calls, pageWith, useBrowser } from './harness';

const BEA = 'bea.marsh@example.org';
const CHRIS = 'chris.rowe@example.org';
const OWNER = 'policy.officer@example.org';

const browser = useBrowser();

/** The sidebar exactly as the server rendered it for `who`, from the menu item `caption`. */
async function sidebar(bundle: LoadedBundle, who: string, caption = 'My actions'): Promise<Page> {
  bundle.as(who, () => bundle.clickMenu(caption));
  const dialog = bundle.ws.sheets.ui.dialogs.at(-1);
  if (dialog?.kind !== 'sidebar' || !dialog.html) throw new Error(`no sidebar for ${who}`);
  return pageWith(browser(), dialog.html, { width: 300, height: 800 });
}

/** Answers the page's last call with what the bundle's server function does for `who`. */
async function answer(page: Page, bundle: LoadedBundle, who: string): Promise<void> {
  const all = await calls(page);
  const last = all.at(-1);
  if (!last) throw new Error('the page made no call');
  const index = all.length - 1;
  try {
    const result = bundle.as(who, () => bundle.run(last.name, ...last.args));
    await page.evaluate(([i, r]) => window.__calls[i as number].success(r), [index, result] as const);
  } catch (error) {
    // The bundle's errors come from its own vm realm: read the message, not the class.
    const message =
      typeof error === 'object' && error !== null && 'message' in error
        ? String(error.message)
        : String(error);
    await page.evaluate(([i, m]) => window.__calls[i as number].failure(new Error(m as string)), [
      index,
      message,
    ] as const);
  }
}

const card = (page: Page, ref: string) =>
  page.locator('article', { has: page.locator(`h3 span:text-is("${ref}")`) });
const idOf = (bundle: LoadedBundle, ref: string): string =>
  String(registerRows(bundle).find((r) => r.Ref === ref)?.['Action ID']);

describe('My actions sidebar', () => {
  it('lists the officer’s open actions, most urgent first, each value shown as text', async () => {
    const bundle = sampleRegister();
    // An action's text that is markup stays text in the page.
    const [header] = valuesOf(bundle, 'Register');
    const row = registerRows(bundle).findIndex((r) => r.Ref === '8.1') + 2;
    bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register')
        .getRange(row, (header as string[]).indexOf('Action') + 1)
        .setValue(
          '<img src=x onerror="window.__xss=1"></script><script>window.__xss=2</script> Publish the plan',
        ),
    );
    const page = await sidebar(bundle, BEA);
    await expect(page.locator('#mine-intro').innerText()).resolves.toBe(
      'Bea Marsh, you lead 4 open actions, most urgent first (1 more completed or closed).',
    );
    await expect(page.locator('article h3').allInnerTexts()).resolves.toEqual([
      '3.1 Overdue',
      '4.1 Overdue',
      '5.3 In Progress but not reached due date',
      '8.1 In Progress but not reached due date',
    ]);
    await expect(card(page, '3.1').locator('.urgency').innerText()).resolves.toBe('68 days overdue');
    await expect(card(page, '3.1').locator('.progress').innerText()).resolves.toMatch(
      /^Last progress \(31 Jul 2010\): /,
    );
    await expect(card(page, '8.1').locator('.what').innerText()).resolves.toBe(
      '<img src=x onerror="window.__xss=1"></script><script>window.__xss=2</script> Publish the plan',
    );
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => window.__xss)).resolves.toBeUndefined();
    await expect(page.locator('#owner').isHidden()).resolves.toBe(true);
    await expect(calls(page)).resolves.toEqual([]);
    await page.close();
  });

  it('adds a progress update: a labelled box with the progress as it is, saved through the server', async () => {
    const bundle = sampleRegister();
    const page = await sidebar(bundle, BEA);
    await card(page, '3.1').getByRole('button', { name: 'Update progress' }).click();
    const box = card(page, '3.1').getByLabel('Progress');
    await expect(box.inputValue()).resolves.toBe(String(registerRows(bundle)[1].Progress));
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
    await box.fill('Draft framework sent to CMT.');
    await card(page, '3.1').getByRole('button', { name: 'Save progress' }).click();
    await expect(calls(page)).resolves.toEqual([
      { name: 'addProgressUpdate', args: [idOf(bundle, '3.1'), 'Draft framework sent to CMT.'] },
    ]);
    // While the server works every button waits, and a second click sends nothing.
    await expect(
      page.getByRole('button', { name: 'No change this week' }).first().isDisabled(),
    ).resolves.toBe(true);
    await expect(page.getByRole('status').innerText()).resolves.toBe('Saving…');
    await answer(page, bundle, BEA);
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      'Progress of 3.1 updated and stamped 6 Sep 2010.',
    );
    await expect(card(page, '3.1').locator('.progress').innerText()).resolves.toBe(
      'Last progress (6 Sep 2010): Draft framework sent to CMT.',
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      `title-${idOf(bundle, '3.1')}`,
    );
    expect(registerRows(bundle)[1].Progress).toBe('Draft framework sent to CMT.');
    await page.close();
  });

  it('says "no change this week" in one click, and shows it recorded', async () => {
    const bundle = sampleRegister();
    const page = await sidebar(bundle, BEA);
    await card(page, '5.3').getByRole('button', { name: 'No change this week' }).click();
    await expect(calls(page)).resolves.toEqual([{ name: 'confirmNoChange', args: [idOf(bundle, '5.3')] }]);
    await answer(page, bundle, BEA);
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      'Recorded: no change to 5.3 for the week of 6 Sep 2010.',
    );
    await expect(card(page, '5.3').locator('.flag').innerText()).resolves.toBe(
      'No change recorded this week.',
    );
    await page.close();
  });

  it('proposes completion only with evidence, then shows it awaiting sign-off', async () => {
    const bundle = sampleRegister();
    const page = await sidebar(bundle, BEA);
    await card(page, '4.1').getByRole('button', { name: 'Propose completion' }).click();
    await card(page, '4.1').getByRole('button', { name: 'Send for sign-off' }).click();
    await expect(card(page, '4.1').getByRole('alert').innerText()).resolves.toBe(
      'Give the evidence that it is complete: a link or a note.',
    );
    await expect(
      card(page, '4.1').getByLabel('Evidence (a link or a note)').getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(calls(page)).resolves.toEqual([]);
    await card(page, '4.1')
      .getByLabel('Evidence (a link or a note)')
      .fill('https://intranet.example.org/dq-report');
    await card(page, '4.1').getByRole('button', { name: 'Send for sign-off' }).click();
    await expect(calls(page)).resolves.toEqual([
      { name: 'proposeCompletion', args: [idOf(bundle, '4.1'), 'https://intranet.example.org/dq-report'] },
    ]);
    await answer(page, bundle, BEA);
    await expect(card(page, '4.1').locator('.flag').innerText()).resolves.toBe(
      'Awaiting sign-off: completion proposed 6 Sep 2010.',
    );
    await expect(card(page, '4.1').getByRole('button', { name: 'Propose completion' }).count()).resolves.toBe(
      0,
    );
    await page.close();
  });

  it('requests an extension with a date and a reason, checked in the page first', async () => {
    const bundle = sampleRegister();
    const page = await sidebar(bundle, BEA);
    const action = card(page, '3.1');
    await action.getByRole('button', { name: 'Request extension' }).click();
    await action.getByLabel('New due date').fill('31/02/2011');
    await action.getByRole('button', { name: 'Send request' }).click();
    await expect(action.getByRole('alert').innerText()).resolves.toBe(
      'That is not a date: enter it as dd/mm/yyyy, e.g. 31/12/2010.',
    );
    await action.getByLabel('New due date').fill('31/12/2010');
    await action.getByRole('button', { name: 'Send request' }).click();
    await expect(action.getByRole('alert').innerText()).resolves.toBe('Give the reason for the extension.');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      `reason-${idOf(bundle, '3.1')}`,
    );
    await action.getByLabel('Reason').fill('Waiting for the Corporate Plan');
    await action.getByRole('button', { name: 'Send request' }).click();
    await expect(calls(page)).resolves.toEqual([
      {
        name: 'requestExtension',
        args: [idOf(bundle, '3.1'), '2010-12-31', 'Waiting for the Corporate Plan'],
      },
    ]);
    await answer(page, bundle, BEA);
    await expect(action.locator('.flag').innerText()).resolves.toBe(
      "Extension to 31 Dec 2010: awaiting the owner's approval.",
    );
    await page.close();
  });

  it('shows the server’s refusal when the caller does not lead the action, and lets them carry on', async () => {
    const bundle = sampleRegister();
    const page = await sidebar(bundle, BEA);
    await card(page, '3.1').getByRole('button', { name: 'No change this week' }).click();
    // The server sees Chris Rowe at the keyboard, who does not lead 3.1: whatever the page sent, it refuses.
    await answer(page, bundle, CHRIS);
    await expect(page.locator('#error').innerText()).resolves.toBe(
      `Not saved: Only the lead officers of 3.1 can update it, and its Lead ("AK, BM") does not name you (${CHRIS}). Nothing was changed.`,
    );
    await expect(
      page.getByRole('button', { name: 'No change this week' }).first().isDisabled(),
    ).resolves.toBe(false);
    expect(valuesOf(bundle, 'History').some((l) => l[3] === 'No change this week')).toBe(false);
    await page.close();
  });

  it('shows a user who is not in Officers a clear message and nothing else', async () => {
    const bundle = sampleRegister();
    const page = await sidebar(bundle, 'sam.stranger@example.org');
    await expect(page.getByRole('alert').first().innerText()).resolves.toMatch(
      /^sam\.stranger@example\.org is not in the Officers sheet/,
    );
    await expect(page.locator('#main').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('button').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('Awaiting the owner sidebar', () => {
  async function ownerPage(): Promise<{ bundle: LoadedBundle; page: Page }> {
    const bundle = sampleRegister();
    bundle.as(BEA, () =>
      bundle.run('proposeCompletion', idOf(bundle, '4.1'), 'https://intranet.example.org/dq'),
    );
    bundle.as(BEA, () => bundle.run('requestExtension', idOf(bundle, '3.1'), '2010-12-31', 'Corporate Plan'));
    return { bundle, page: await sidebar(bundle, OWNER, 'Awaiting the owner…') };
  }

  it('puts what awaits the owner first, with the evidence as a link', async () => {
    const { page } = await ownerPage();
    await expect(page.locator('section h2').allInnerTexts()).resolves.toEqual([
      'Awaiting your decision',
      'My actions',
    ]);
    await expect(page.locator('#owner-intro').innerText()).resolves.toBe('2 requests await your decision.');
    const completion = page.locator('#completions article');
    await expect(completion.locator('h3').innerText()).resolves.toBe('4.1 Completion proposed');
    await expect(completion.getByRole('link').getAttribute('href')).resolves.toBe(
      'https://intranet.example.org/dq',
    );
    await expect(completion.getByRole('link').getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(page.locator('#extensions article h3').innerText()).resolves.toBe(
      '3.1 Extension to 31 Dec 2010',
    );
    await page.close();
  });

  it('signs off a completion', async () => {
    const { bundle, page } = await ownerPage();
    const completion = page.locator('#completions article');
    await completion.getByLabel('Comment (needed to return it)').fill('Seen at CMT');
    await completion.getByRole('button', { name: 'Sign off' }).click();
    await expect(calls(page)).resolves.toEqual([
      { name: 'decideCompletion', args: [idOf(bundle, '4.1'), 'signOff', 'Seen at CMT'] },
    ]);
    await answer(page, bundle, OWNER);
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      '4.1 is signed off and completed (6 Sep 2010).',
    );
    await expect(page.locator('#completions').innerText()).resolves.toBe('None.');
    expect(registerRows(bundle).find((r) => r.Ref === '4.1')?.Status).toBe('Completed');
    await page.close();
  });

  it('returns only with a comment, and approves an extension', async () => {
    const { bundle, page } = await ownerPage();
    const completion = page.locator('#completions article');
    await completion.getByRole('button', { name: 'Return' }).click();
    await expect(completion.getByRole('alert').innerText()).resolves.toBe(
      'Say why it is returned: the lead sees your comment.',
    );
    await expect(calls(page)).resolves.toEqual([]);
    await completion.getByLabel('Comment (needed to return it)').fill('Attach the minute');
    await completion.getByRole('button', { name: 'Return' }).click();
    await answer(page, bundle, OWNER);
    await expect(page.getByRole('status').innerText()).resolves.toBe(
      `Completion of 4.1 returned to ${BEA} with your comment.`,
    );
    await page.locator('#extensions article').getByRole('button', { name: 'Approve' }).click();
    await expect((await calls(page)).at(-1)).toEqual({
      name: 'decideExtensionRequest',
      args: [idOf(bundle, '3.1'), '2010-12-31', 'approve', ''],
    });
    await answer(page, bundle, OWNER);
    await expect(page.locator('#owner-intro').innerText()).resolves.toBe('Nothing awaits your decision.');
    expect(registerRows(bundle).find((r) => r.Ref === '3.1')?.Extensions).toBe(1);
    await page.close();
  });
});
