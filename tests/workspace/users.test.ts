import { join } from 'node:path';
import { DIST, loadBundle, readManifestScopes } from '../../local/runner/bundle';
import type { LoadedBundle } from '../../local/runner/bundle';
import { a1, at, readInputs } from '../../local/runner/run';
import { DEFAULT_USER } from '../../local/workspace/runtime';
import { FOLDER_MIME } from '../../local/workspace/Drive';
import { registerRows, sampleRegister, valuesOf } from '../helpers';

const OWNER = DEFAULT_USER;
/** A colleague in the owner's Workspace domain. */
const COLLEAGUE = 'bea.marsh@example.org';
/** An editor from another organisation: Google names them to nobody else. */
const PARTNER = 'partner@other-council.example';
const UNNAMED = 'An editor Google did not name (outside the owner’s domain)';

const lastDialog = (bundle: LoadedBundle): string => bundle.ws.sheets.ui.dialogs.at(-1)?.prompt ?? '';
const triggerOwners = (bundle: LoadedBundle, eventType: string): string[] =>
  bundle.ws.script
    .triggers()
    .filter((t) => t.eventType === eventType)
    .map((t) => t.owner);
const history = (bundle: LoadedBundle) => valuesOf(bundle, 'History').slice(1);

function cell(bundle: LoadedBundle, header: string, row: number): string {
  const column = (valuesOf(bundle, 'Register')[0] as string[]).indexOf(header) + 1;
  return `${String.fromCharCode(64 + column)}${row}`;
}

/** The sheet row of the first overdue action. */
function overdueRow(bundle: LoadedBundle): number {
  return registerRows(bundle).findIndex((r) => r.Status === 'Overdue') + 2;
}

describe('one edit trigger per spreadsheet, whoever runs set-up', () => {
  it('adds no second trigger when a second editor sets up, and says whose trigger records edits', () => {
    const bundle = sampleRegister();
    bundle.as(COLLEAGUE, () => bundle.clickMenu('Set up or repair register'));
    expect(triggerOwners(bundle, 'ON_EDIT')).toEqual([OWNER]);
    expect(lastDialog(bundle)).toContain(`recorded in History by the edit trigger ${OWNER} installed`);

    // One revised date is one line of the Extensions ledger and one History line, not two.
    const row = overdueRow(bundle);
    const before = history(bundle).length;
    bundle.as(COLLEAGUE, () =>
      bundle.edit('Register', cell(bundle, 'Revised due date', row), [[at('2010-12-31', 0)]]),
    );
    expect(
      valuesOf(bundle, 'Extensions')
        .slice(1)
        .map((r) => [r[1], r[7]]),
    ).toEqual([[COLLEAGUE, 'Awaiting a reason']]);
    expect(
      history(bundle)
        .slice(before)
        .map((r) => [r[1], r[3]]),
    ).toEqual([[COLLEAGUE, 'Revised due date']]);
  });

  it('puts back the trigger its owner deleted when the owner sets up again', () => {
    const bundle = sampleRegister();
    bundle.ws.runtime.runAs('editor', () => {
      const app = bundle.ws.script.app;
      for (const trigger of app.getProjectTriggers()) app.deleteTrigger(trigger);
    });
    bundle.as(COLLEAGUE, () => bundle.clickMenu('Set up or repair register'));
    expect(triggerOwners(bundle, 'ON_EDIT')).toEqual([]);
    bundle.clickMenu('Set up or repair register');
    expect(triggerOwners(bundle, 'ON_EDIT')).toEqual([OWNER]);
    expect(lastDialog(bundle)).toContain('Edits to the Register are now recorded in History.');
  });

  it('installs one trigger when two editors set up at the same moment', () => {
    const bundle = loadBundle({ now: at('2010-09-06', 9), timeZone: 'Europe/London' });
    bundle.open();
    bundle.overlap(
      () => bundle.clickMenu('Set up or repair register'),
      { after: 'Lock.tryLock' },
      () => bundle.as(COLLEAGUE, () => bundle.clickMenu('Set up or repair register')),
    );
    expect(triggerOwners(bundle, 'ON_EDIT')).toEqual([OWNER]);
    const prompts = bundle.ws.sheets.ui.dialogs.map((d) => d.prompt);
    expect(prompts[0]).toBe(
      'Another editor is setting up the register at this moment. Choose Set up or repair register again in a minute.',
    );
    expect(prompts[1]).toContain('Edits to the Register are now recorded in History.');
  });
});

describe('weekly reminders belong to the editor who scheduled them', () => {
  it('tells another editor who scheduled them, and leaves them running, when they choose Stop', () => {
    const bundle = sampleRegister();
    bundle.clickMenu('Schedule weekly reminders');
    bundle.as(COLLEAGUE, () => bundle.clickMenu('Stop weekly reminders'));
    expect(lastDialog(bundle)).toContain(
      `Weekly reminders were scheduled by ${OWNER}, and only ${OWNER} can stop them`,
    );
    expect(triggerOwners(bundle, 'CLOCK')).toEqual([OWNER]);

    bundle.clickMenu('Stop weekly reminders');
    expect(lastDialog(bundle)).toMatch(/^Weekly reminders are stopped/);
    expect(triggerOwners(bundle, 'CLOCK')).toEqual([]);
    // Stopped, anyone may schedule them again, and then they are that editor's.
    bundle.as(COLLEAGUE, () => bundle.clickMenu('Schedule weekly reminders'));
    expect(triggerOwners(bundle, 'CLOCK')).toEqual([COLLEAGUE]);
  });

  it('adds no second daily run when another editor chooses Schedule', () => {
    const bundle = sampleRegister();
    bundle.clickMenu('Schedule weekly reminders');
    bundle.as(COLLEAGUE, () => bundle.clickMenu('Schedule weekly reminders'));
    expect(triggerOwners(bundle, 'CLOCK')).toEqual([OWNER]);
    expect(lastDialog(bundle)).toContain(`Weekly reminders are already on: ${OWNER} scheduled them`);
  });
});

describe('who edited', () => {
  it('names a colleague in the owner’s domain, and records an outside editor’s change without a name', () => {
    const bundle = sampleRegister();
    bundle.as(COLLEAGUE, () => bundle.edit('Register', cell(bundle, 'Progress', 2), [['Draft circulated.']]));
    bundle.as(PARTNER, () => bundle.edit('Register', cell(bundle, 'Progress', 3), [['Partners agreed.']]));
    const [colleague, partner] = history(bundle).slice(-2);
    expect([colleague[1], colleague[5]]).toEqual([COLLEAGUE, 'Draft circulated.']);
    expect([partner[1], partner[5]]).toEqual([UNNAMED, 'Partners agreed.']);
    expect(registerRows(bundle)[1]['Last updated']).toEqual(at('2010-09-06', 0));
  });

  it('records an outside editor’s change even when the manifest lacks userinfo.email', () => {
    const bundle = sampleRegister();
    const scopes = readManifestScopes(join(DIST, 'appsscript.json')) ?? [];
    bundle.ws.runtime.scopes.grant(scopes.filter((s) => !s.endsWith('userinfo.email')));
    bundle.as(PARTNER, () => bundle.edit('Register', cell(bundle, 'Progress', 3), [['Partners agreed.']]));
    expect(history(bundle).at(-1)?.slice(1, 2)).toEqual([UNNAMED]);
  });
});

describe('a double-clicked Import', () => {
  it('adds every action once: the second import waits out the first one’s lock and says so', () => {
    const bundle = loadBundle({ now: at('2010-09-06', 9), timeZone: 'Europe/London' });
    bundle.ws.sheets.ui.respond((dialog) => ({ button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' }));
    bundle.open();
    bundle.clickMenu('Set up or repair register');
    const { plan } = readInputs();
    bundle.edit('Import', a1(plan.length, plan[0].length), plan);
    bundle.overlap(
      () => bundle.clickMenu('Import plan'),
      { before: 'Range.setValues' },
      () => bundle.clickMenu('Import plan'),
    );
    expect(registerRows(bundle).filter((r) => r.Action !== '')).toHaveLength(12);
    const prompts = bundle.ws.sheets.ui.dialogs.map((d) => d.prompt);
    expect(prompts.at(-2)).toMatch(/^The register is busy with another import or edit: nothing was imported/);
    expect(prompts.at(-1)).toMatch(/^From the Import sheet:\nImported: 12 new, 0 updated, 0 unchanged/);
    // Clicking again once it has finished adds nothing: every action is there already.
    bundle.clickMenu('Import plan');
    expect(lastDialog(bundle)).toMatch(/\nImported: 0 new, 0 updated, 12 unchanged/);
  });
});

describe('briefing papers by two officers', () => {
  const FORM = {
    committee: 'Corporate Resources Scrutiny Committee',
    meetingDate: '2010-09-20',
    agendaItem: '7',
    reportAuthor: 'BM',
    reportAuthorTitle: 'Policy and Performance Officer',
    openOrExempt: 'Open',
    paperTitle: 'Performance Management Action Plan Update',
  };
  interface Paper {
    url: string;
    name: string;
    folder: string | null;
    warnings: string[];
  }
  const paper = (bundle: LoadedBundle): Paper => bundle.run('generatePaper', FORM) as Paper;

  it('keeps each officer’s papers in a folder of their own, and lists every paper in the Paper log', () => {
    const bundle = sampleRegister();
    const first = paper(bundle);
    const second = bundle.as(COLLEAGUE, () => paper(bundle));
    const third = paper(bundle);
    const drive = bundle.ws.drive;
    const folders = drive.files().filter((f) => f.mimeType === FOLDER_MIME);
    expect(folders.map((f) => [f.owner, drive.path(f.id)])).toEqual([
      [OWNER, 'My Drive/Action Plan Papers'],
      [COLLEAGUE, 'My Drive/Action Plan Papers'],
    ]);
    const folderOf = (p: Paper) => drive.files().find((f) => p.url.includes(f.id))?.parents[0];
    expect([first, second, third].map(folderOf)).toEqual([folders[0].id, folders[1].id, folders[0].id]);
    expect([first, second, third].every((p) => p.warnings.length === 0)).toBe(true);
    const log = valuesOf(bundle, 'Paper log');
    expect(log[0]).toEqual([
      'When',
      'Paper',
      'Link',
      'PDF',
      'Made by',
      'Folder',
      'Overdue',
      'Check Progress',
      'In Progress',
      'Completed',
      'Closed',
    ]);
    expect(log.slice(1).map((r) => [r[2], r[4], r[5]])).toEqual([
      [first.url, OWNER, 'Action Plan Papers'],
      [second.url, COLLEAGUE, 'Action Plan Papers'],
      [third.url, OWNER, 'Action Plan Papers'],
    ]);
  });

  it('records one of two papers made at the same moment whole, and tells the other officer', () => {
    const bundle = sampleRegister();
    const snapshotRows = () => valuesOf(bundle, 'Snapshots').length - 1;
    let second: Paper | null = null;
    const first = bundle.overlap(
      () => paper(bundle),
      { after: 'Lock.tryLock' },
      () => (second = bundle.as(COLLEAGUE, () => paper(bundle))),
    );
    expect(first.warnings).toEqual([]);
    expect((second as Paper | null)?.warnings).toEqual([
      'This paper is not in the Snapshots or Paper log sheets: another paper was being recorded at the same ' +
        'moment. The next paper compares with the last one recorded.',
    ]);
    expect(snapshotRows()).toBe(12);
    expect(
      valuesOf(bundle, 'Paper log')
        .slice(1)
        .map((r) => r[2]),
    ).toEqual([first.url]);
  });
});
