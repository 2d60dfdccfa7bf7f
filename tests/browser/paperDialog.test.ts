/**
 * The Generate briefing paper dialog in a real browser (Debian's headless Chromium): the page the server
 * renders, with google.script.run replaced by a shim that records each call and lets the test answer it,
 * through the bundle's own generatePaper where the dialog would reach the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LoadedBundle } from '../../local/runner/bundle';
import { emptyRegister, sheetOf, valuesOf } from '../helpers';
import { calls, pageWith, useBrowser } from './harness';

const browser = useBrowser();

function setSetting(bundle: LoadedBundle, label: string, value: string): void {
  const row = valuesOf(bundle, 'Settings').findIndex((r) => r[0] === label);
  bundle.ws.runtime.calls.uncounted(() =>
    sheetOf(bundle, 'Settings')
      .getRange(row + 1, 2)
      .setValue(value),
  );
}

/** A register whose Settings fill the dialog, and the dialog page exactly as the server rendered it. */
function openDialog(): { bundle: LoadedBundle; html: string } {
  const bundle = emptyRegister('2010-04-15');
  setSetting(bundle, 'Committee', 'Corporate Resources Scrutiny Committee');
  setSetting(bundle, 'Meeting date', '2010-04-15');
  setSetting(bundle, 'Agenda item', '7');
  setSetting(bundle, 'Report author', 'Jan Pryor');
  setSetting(bundle, 'Open or exempt', 'Exempt');
  bundle.call('showPaperDialog', 'menu');
  const html = bundle.ws.sheets.ui.dialogs.at(-1)?.html ?? '';
  return { bundle, html };
}

const pageOf = (html: string): Promise<Page> => pageWith(browser(), html);

describe('Generate briefing paper dialog', () => {
  it('opens with every field prefilled from Settings, each with its label', async () => {
    const { html } = openDialog();
    const page = await pageOf(html);
    await expect(page.getByLabel('Committee').inputValue()).resolves.toBe(
      'Corporate Resources Scrutiny Committee',
    );
    await expect(page.getByLabel('Meeting date').inputValue()).resolves.toBe('15/04/2010');
    await expect(page.getByLabel('Agenda item').inputValue()).resolves.toBe('7');
    await expect(page.getByLabel('Report author', { exact: true }).inputValue()).resolves.toBe('Jan Pryor');
    await expect(page.getByLabel("Report author's job title").inputValue()).resolves.toBe(
      'Policy & Performance Officer',
    );
    await expect(page.getByLabel('Exempt').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Open', { exact: true }).isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Paper title').inputValue()).resolves.toBe(
      'Performance Management Action Plan Update',
    );
    await expect(calls(page)).resolves.toEqual([]);
    await page.close();
  });

  it('refuses an empty committee in the page, with a message by the field, and calls nothing', async () => {
    const page = await pageOf(openDialog().html);
    await page.getByLabel('Committee').fill('   ');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.locator('#committee-error').innerText()).resolves.toBe(
      'Enter the committee the paper goes to.',
    );
    await expect(page.getByLabel('Committee').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('alert').innerText()).resolves.toContain(
      'Enter the committee the paper goes to.',
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('committee');
    await expect(calls(page)).resolves.toEqual([]);
    await page.close();
  });

  it.each(['31/02/2010', 'next Thursday', '15/13/2010'])('refuses the date "%s" in the page', async (bad) => {
    const page = await pageOf(openDialog().html);
    await page.getByLabel('Meeting date').fill(bad);
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.locator('#meetingDate-error').innerText()).resolves.toMatch(/not a date.*dd\/mm\/yyyy/);
    await expect(calls(page)).resolves.toEqual([]);
    await page.close();
  });

  it('sends what was entered to generatePaper, shows progress, then the link to the new Doc', async () => {
    const { bundle, html } = openDialog();
    const page = await pageOf(html);
    await page.getByLabel('Committee').fill('Audit Committee');
    await page.getByLabel('Meeting date').fill('3/6/2010');
    await page.getByLabel('Agenda item').fill('9');
    await page.getByLabel('Open', { exact: true }).check();
    await page.getByRole('button', { name: 'Generate' }).click();

    const [call] = await calls(page);
    expect(call).toEqual({
      name: 'generatePaper',
      args: [
        {
          committee: 'Audit Committee',
          meetingDate: '2010-06-03',
          agendaItem: '9',
          reportAuthor: 'Jan Pryor',
          reportAuthorTitle: 'Policy & Performance Officer',
          openOrExempt: 'Open',
          paperTitle: 'Performance Management Action Plan Update',
        },
      ],
    });
    // While the server works: the button is disabled and the page says so.
    await expect(page.getByRole('button', { name: 'Generate' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/Generating the paper/);
    await page.getByRole('button', { name: 'Generate' }).click({ force: true });
    await expect(calls(page)).resolves.toHaveLength(1);

    const result = bundle.run('generatePaper', call.args[0]);
    await page.evaluate((r) => window.__calls[0].success(r), result);
    const link = page.getByRole('link', { name: /Performance Management Action Plan Update/ });
    await expect(link.isVisible()).resolves.toBe(true);
    const doc = bundle.ws.docs.documents()[0];
    await expect(link.getAttribute('href')).resolves.toBe(doc.url);
    await expect(link.innerText()).resolves.toBe(doc.name);
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    expect(doc.name).toBe('Performance Management Action Plan Update - Audit Committee - 3 Jun 2010');
    await expect(page.getByRole('button', { name: 'Generate' }).isDisabled()).resolves.toBe(false);
    await page.close();
  });

  it('shows the reason when the server fails, and lets the officer try again', async () => {
    const page = await pageOf(openDialog().html);
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.evaluate(() => window.__calls[0].failure(new Error('There is no Register sheet yet.')));
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      'The paper was not generated: There is no Register sheet yet.',
    );
    await expect(page.getByRole('button', { name: 'Generate' }).isDisabled()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(calls(page)).resolves.toHaveLength(2);
    await page.close();
  });

  it('asks the server for the defaults when the page was opened without them, and closes on Close', async () => {
    const raw = readFileSync(join(__dirname, '../../src/html/PaperDialog.html'), 'utf8');
    const page = await pageOf(raw.replace('<?!= defaultsJson ?>', 'null'));
    const [call] = await calls(page);
    expect(call).toEqual({ name: 'getPaperDefaults', args: [] });
    await page.evaluate(() =>
      window.__calls[0].success({
        committee: 'Cabinet',
        meetingDate: '2010-11-11',
        agendaItem: '',
        reportAuthor: '',
        reportAuthorTitle: '',
        openOrExempt: 'Open',
        paperTitle: 'Update',
      }),
    );
    await expect(page.getByLabel('Committee').inputValue()).resolves.toBe('Cabinet');
    await expect(page.getByLabel('Meeting date').inputValue()).resolves.toBe('11/11/2010');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.evaluate(() => window.__closed)).resolves.toBe(true);
    await page.close();
  });
});
