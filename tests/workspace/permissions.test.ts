import { join } from 'node:path';
import { DIST, readManifestScopes } from '../../local/runner/bundle';
import type { LoadedBundle } from '../../local/runner/bundle';
import { SCOPE_WORDS } from '../../src/core/permissions';
import { sampleRegister, valuesOf } from '../helpers';

const AUTH = 'https://www.googleapis.com/auth/';
const MANIFEST_SCOPES = readManifestScopes(join(DIST, 'appsscript.json')) ?? [];
/** How the register words a refusal; every refusal an officer sees starts so. */
const REFUSAL = 'Google did not let the register';

const FEATURES = [
  'set up (with the edit trigger)',
  'import',
  'refresh',
  'record an edit',
  'open the paper dialog',
  'make the paper',
  'keep papers in a folder',
  'schedule reminders',
  'stop reminders',
  'send reminders now',
  'weekly run',
  'preview my reminder',
] as const;
type Feature = (typeof FEATURES)[number];

interface Outcome {
  readonly works: boolean;
  /** What the officer (or, for a trigger, the execution log) was told. */
  readonly said: string;
}

/** Runs one feature as an officer would; unless it says otherwise, it works when nothing was thrown or refused. */
function attempt(bundle: LoadedBundle, run: () => { works?: boolean; said?: string } | void): Outcome {
  const { dialogs } = bundle.ws.sheets.ui;
  const before = dialogs.length;
  try {
    const outcome = run() ?? {};
    const said = [outcome.said ?? '', ...dialogs.slice(before).map((d) => d.prompt)].join('\n');
    return { works: outcome.works ?? !said.includes(REFUSAL), said };
  } catch (error) {
    return { works: false, said: (error as Error).message };
  }
}

const FORM = {
  committee: 'Corporate Resources Scrutiny Committee',
  meetingDate: '2010-09-20',
  agendaItem: '7',
  reportAuthor: 'BM',
  reportAuthorTitle: 'Policy and Performance Officer',
  openOrExempt: 'Open',
  paperTitle: 'Performance Management Action Plan Update',
};

/** Every feature, on the sample register, after the manifest lost `scope`. */
function withoutScope(scope: string | null): Record<Feature, Outcome> {
  const bundle = sampleRegister();
  bundle.ws.runtime.scopes.grant(MANIFEST_SCOPES.filter((s) => s !== scope));
  const history = () => valuesOf(bundle, 'History').length;
  const register = valuesOf(bundle, 'Register');
  const progress = String.fromCharCode(65 + register[0].indexOf('Progress'));
  const outcomes: Partial<Record<Feature, Outcome>> = {};
  const feature = (name: Feature, run: () => { works?: boolean; said?: string } | void) => {
    outcomes[name] = attempt(bundle, run);
  };
  feature('set up (with the edit trigger)', () => void bundle.clickMenu('Set up or repair register'));
  feature('import', () => void bundle.clickMenu('Import plan'));
  feature('refresh', () => void bundle.clickMenu('Refresh statuses'));
  feature('record an edit', () => {
    const before = history();
    bundle.edit('Register', `${progress}2`, [['Report drafted.']]);
    return { works: history() === before + 1 };
  });
  feature('open the paper dialog', () => {
    bundle.clickMenu('Generate briefing paper…');
    return { works: bundle.ws.sheets.ui.dialogs.some((d) => d.kind === 'modal') };
  });
  let folder: string | null = null;
  feature('make the paper', () => {
    const result = bundle.run('generatePaper', FORM) as { folder: string | null; warnings: string[] };
    folder = result.folder;
    return { works: true, said: result.warnings.join('\n') };
  });
  outcomes['keep papers in a folder'] = {
    works: folder !== null,
    said: outcomes['make the paper']?.said ?? '',
  };
  feature('schedule reminders', () => void bundle.clickMenu('Schedule weekly reminders'));
  feature('send reminders now', () => void bundle.clickMenu('Send overdue reminders now'));
  feature('weekly run', () => {
    bundle.ws.setNow(new Date('2010-09-13T08:10:00Z'));
    bundle.call('runWeeklyReminders', 'time', {});
  });
  feature('preview my reminder', () => void bundle.clickMenu('Preview my reminder'));
  feature('stop reminders', () => void bundle.clickMenu('Stop weekly reminders'));
  return outcomes as Record<Feature, Outcome>;
}

function failing(outcomes: Record<Feature, Outcome>): Feature[] {
  return FEATURES.filter((f) => !outcomes[f].works);
}

describe('each scope of the manifest, removed in turn', () => {
  it('the manifest as deployed lets every feature work', () => {
    expect(failing(withoutScope(null))).toEqual([]);
  });

  const cases: [string, Feature[]][] = [
    // Stopping reminders touches no sheet: everything else needs the spreadsheet.
    ['spreadsheets.currentonly', FEATURES.filter((f) => f !== 'stop reminders')],
    ['script.container.ui', ['open the paper dialog']],
    ['documents', ['make the paper', 'keep papers in a folder']],
    ['drive.file', ['keep papers in a folder']],
    ['script.send_mail', ['send reminders now', 'weekly run', 'preview my reminder']],
    ['script.scriptapp', ['set up (with the edit trigger)', 'schedule reminders', 'stop reminders']],
    ['userinfo.email', ['preview my reminder']],
  ];

  it.each(cases)(
    'without %s, exactly the features that need it fail, and say which permission',
    (name, expected) => {
      const scope = `${AUTH}${name}`;
      expect(MANIFEST_SCOPES).toContain(scope);
      const outcomes = withoutScope(scope);
      expect(failing(outcomes)).toEqual(expected);
      // Where the register can speak (a menu, the dialog, the paper's warnings), it names the permission.
      const spoken = expected.filter((f) => f !== 'record an edit' && f !== 'weekly run');
      for (const f of spoken) {
        expect({ feature: f, said: outcomes[f].said }).toEqual({
          feature: f,
          said: expect.stringContaining(SCOPE_WORDS[scope]) as unknown as string,
        });
      }
    },
  );

  it('without script.send_mail the weekly run fails, logs every reminder as not sent and says why', () => {
    const bundle = sampleRegister();
    bundle.ws.runtime.scopes.grant(MANIFEST_SCOPES.filter((s) => s !== `${AUTH}script.send_mail`));
    bundle.ws.setNow(new Date('2010-09-13T08:10:00Z'));
    expect(() => bundle.call('runWeeklyReminders', 'time', {})).toThrow(
      `No reminders were sent. ${REFUSAL} send email as you (${AUTH}script.send_mail)`,
    );
    const log = valuesOf(bundle, 'Reminder log').slice(1);
    expect(log.length).toBeGreaterThan(1);
    for (const row of log)
      expect(String(row[4])).toMatch(/^failed: Google did not let the register send email/);
    expect(bundle.ws.mail.sent).toEqual([]);
  });
});
