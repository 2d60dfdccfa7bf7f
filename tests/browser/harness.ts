/**
 * What the browser tests share: Debian's headless Chromium, and the page as the server rendered it with
 * google.script.run replaced by a shim that records each call, with its handlers, for the test to answer.
 */
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Replaces google.script.run: every server call is recorded with its handlers and waits for the test. */
const SHIM = `
  window.__calls = [];
  (function () {
    function runner(success, failure) {
      return new Proxy({}, {
        get: function (_, name) {
          if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure); };
          if (name === 'withFailureHandler') return function (fn) { return runner(success, fn); };
          return function () {
            window.__calls.push({ name: name, args: Array.prototype.slice.call(arguments), success: success, failure: failure });
          };
        },
      });
    }
    window.google = { script: { run: runner(null, null), host: { close: function () { window.__closed = true; } } } };
  })();
`;

declare global {
  interface Window {
    __calls: {
      name: string;
      args: unknown[];
      success: (v: unknown) => void;
      failure: (e: unknown) => void;
    }[];
    __closed?: boolean;
    __xss?: number;
  }
}

export interface RecordedCall {
  name: string;
  args: unknown[];
}

/** One browser for the file's tests: launched before them, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running');
    return browser;
  };
}

/** A page of `html` with the shim first in <head>, as Apps Script's own google.script.run is there first. */
export async function pageWith(
  browser: Browser,
  html: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage(viewport ? { viewport } : {});
  await page.setContent(html.replace('<head>', `<head><script>${SHIM}</script>`));
  return page;
}

/** The server calls the page has made so far. */
export const calls = (page: Page): Promise<RecordedCall[]> =>
  page.evaluate(() => window.__calls.map((c) => ({ name: c.name, args: c.args })));
