import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, loadBundle } from '../local/runner/bundle';

// `npm run jest` builds dist/ first: these tests read the very file clasp pushes.
const code = readFileSync(join(DIST, 'Code.js'), 'utf8');

describe('dist/Code.js, the file Apps Script runs', () => {
  it('has no export or import statement (Apps Script rejects modules)', () => {
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/^\s*import\s/m);
  });

  it('declares onOpen as a top-level function', () => {
    expect(code).toMatch(/^function onOpen\(/m);
  });

  it('makes no service call at load time: its top level runs on every invocation', () => {
    const bundle = loadBundle();
    expect(bundle.ws.runtime.calls.total()).toBe(0);
  });

  it('writes the shared page scripts into each page that asks for them, once', () => {
    for (const page of ['PaperDialog.html', 'MyActions.html']) {
      const html = readFileSync(join(DIST, page), 'utf8');
      expect(html).not.toMatch(/include: /);
      expect(html.match(/function isoFromUk\(/g)).toHaveLength(1);
    }
  });

  it('makes every function a menu item, a trigger or a dialog calls a top-level function of the bundle', () => {
    const bundle = loadBundle({ now: new Date('2010-09-06T08:30:00Z') });
    bundle.ws.sheets.ui.respond(() => ({ button: 'OK' }));
    bundle.open();
    const items = bundle.menuItems();
    expect(items.length).toBeGreaterThan(3);
    // Click everything once so that each feature installs whatever triggers it installs.
    for (const item of items) {
      try {
        bundle.call(item.functionName, 'menu');
      } catch {
        // A menu action may refuse on an empty register; only the names matter here.
      }
    }
    const html = readdirSync(DIST)
      .filter((f) => f.endsWith('.html'))
      .map((f) => readFileSync(join(DIST, f), 'utf8'))
      .join('\n');
    // The name a chain ends with: google.script.run.withSuccessHandler(f).withFailureHandler(g).name(...).
    const served = [
      ...html.matchAll(
        /google\.script\.run((?:\s*\.\s*with(?:SuccessHandler|FailureHandler|UserObject)\([^()]*(?:\([^()]*\)[^()]*)*\))*)\s*\.\s*([A-Za-z_$][\w$]*)\(/g,
      ),
    ].map((m) => m[2]);
    expect(served).toEqual(
      expect.arrayContaining(['generatePaper', 'getPaperDefaults', 'getMyActions', 'addProgressUpdate']),
    );
    expect(served.filter((name) => name.startsWith('with'))).toEqual([]);
    const names = new Set([
      ...items.map((i) => i.functionName),
      ...bundle.ws.script.triggers().map((t) => t.handlerFunction),
      ...served,
    ]);
    expect(bundle.ws.script.triggers().length).toBeGreaterThan(0);
    const topLevel = new Set(bundle.topLevelFunctions());
    for (const name of names) {
      expect({ name, topLevel: topLevel.has(name) }).toEqual({ name, topLevel: true });
    }
  });
});
