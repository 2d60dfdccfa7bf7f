/**
 * The Dashboard through the bundle: its figures against the register they count, its charts remade rather than
 * added as the register is refreshed, their pictures in the status colours, the paper and the owner's summary
 * carrying them, and a refresh costing the same calls at 10 actions as at 1,000.
 */
import { PNG } from 'pngjs';
import { dashboardPng } from '../../local/export/dashboard';
import type { LoadedBundle } from '../../local/runner/bundle';
import { at } from '../../local/runner/run';
import type { DocBlock } from '../../local/workspace/DocumentApp';
import { type ChartSpec, chartPng } from '../../local/workspace/SpreadsheetApp';
import { DEFAULT_SETTINGS, STATUS_KEYS } from '../../src/core/model';
import { emptyRegister, registerRows, seed, sheetOf, valuesOf } from '../helpers';

const TODAY = '2011-01-15';
const OWNER = 'jan.pryor@example.org';
const OFFICERS = [
  ['JP', 'Jan Pryor', 'Policy & Performance Officer', OWNER, 'Chief Executive'],
  ['TG', 'Tom Green', 'ICT Manager', 'tom.green@example.org', 'Resources'],
  ['RB', 'Rosa Bell', 'Head of Early Help', 'rosa.bell@example.org', "Children's Services"],
];
const LABEL = Object.fromEntries(STATUS_KEYS.map((k) => [k, DEFAULT_SETTINGS.statuses[k].label]));
const COLOURS = STATUS_KEYS.map((k) => DEFAULT_SETTINGS.statuses[k].background);
const TITLES = ['Actions by status', 'Actions by status at each paper', 'Overdue actions by directorate'];
const PAPER_FORM = {
  committee: 'Corporate Resources Scrutiny Committee',
  meetingDate: '2011-01-27',
  agendaItem: '7',
  reportAuthor: 'JP',
  reportAuthorTitle: 'Policy & Performance Officer',
  openOrExempt: 'Open',
  paperTitle: 'Performance Management Action Plan Update',
};

const day = (iso: string): Date => at(iso, 12);

type Row = Record<string, string | number | Date>;

/** Twelve actions: every status, priority, age band against the original date, and directorate. */
const ROWS: Row[] = (
  [
    { Ref: '1.1', KLOE: 'Setting targets', Priority: 'High', Lead: 'JP', 'Due date': day('2010-12-31') },
    {
      Ref: '1.2',
      KLOE: 'Setting targets',
      Priority: 'Medium',
      Lead: 'JP, TG',
      'Due date': day('2010-11-30'),
    },
    { Ref: '2.1', KLOE: 'Collating data', Priority: 'High', Lead: 'TG', 'Due date': day('2010-09-30') },
    { Ref: '2.2', KLOE: 'Collating data', Priority: 'Low', Lead: 'RB', 'Due date': day('2010-05-31') },
    // Extended three times (the ledger, below) to 30 Jun 2011.
    { Ref: '3.1', KLOE: 'Monitoring', Priority: 'High', Lead: 'RB', 'Due date': day('2010-06-30') },
    {
      Ref: '3.2',
      KLOE: 'Monitoring',
      Priority: 'Medium',
      Lead: 'Xavier Unknown',
      'Due date': day('2011-02-01'),
    },
    {
      Ref: '4.1',
      Priority: 'Low',
      Lead: 'TG',
      'Due date': day('2010-11-30'),
      Status: 'Completed',
      'Completed on': day('2010-12-01'),
    },
    { Ref: '4.2', KLOE: 'Monitoring', 'Due date': day('2010-10-31'), Status: 'Closed' },
    { Ref: '4.3', KLOE: 'Setting targets', Priority: 'High', Lead: 'JP', 'Due date': day('2011-06-30') },
    { Ref: '5.1', KLOE: 'Monitoring', Priority: 'Low', 'Due date': day('2010-12-20') },
    {
      Ref: '5.2',
      KLOE: 'Monitoring',
      Priority: 'Medium',
      Lead: 'Facilities Manager',
      'Due date': day('2010-12-01'),
    },
  ] as Row[]
).map((row, i) => ({
  Action: `Action ${i + 1}`,
  Timescale: 'As agreed',
  Progress: 'Under way.',
  'Last updated': day('2011-01-10'),
  ...row,
}));

/** 3.1 is extended three times by the owner (past the limit of two), each approved as the owner enters it. */
const EXTENSIONS = ['2010-09-30', '2010-12-31', '2011-06-30'];

/** A1 of a Register cell by header. */
function cellOf(bundle: LoadedBundle, header: string, row: number): string {
  const column = valuesOf(bundle, 'Register')[0].indexOf(header);
  return `${String.fromCharCode(65 + column)}${row}`;
}

/** The register as officers keep it: Officers filled in, a Priority column of their own, the ledger. */
function dashboardRegister(today = TODAY): LoadedBundle {
  const bundle = emptyRegister(today);
  seed(bundle, 'Officers', 2, 1, OFFICERS);
  const settings = valuesOf(bundle, 'Settings').findIndex((r) => r[0] === 'Owner email');
  seed(bundle, 'Settings', settings + 1, 2, [[OWNER]]);
  const header = valuesOf(bundle, 'Register')[0].map(String);
  seed(bundle, 'Register', 1, header.length + 1, [['Priority']]);
  const columns = [...header, 'Priority'];
  seed(
    bundle,
    'Register',
    2,
    1,
    ROWS.map((row) => columns.map((h) => row[h] ?? '')),
  );
  bundle.clickMenu('Refresh statuses');
  const row = registerRows(bundle).findIndex((r) => r.Ref === '3.1') + 2;
  bundle.as(OWNER, () => {
    bundle.edit('Register', cellOf(bundle, 'Reason for extension', row), [['Waiting for the new system.']]);
    for (const date of EXTENSIONS)
      bundle.edit('Register', cellOf(bundle, 'Revised due date', row), [[day(date)]]);
  });
  bundle.clickMenu('Refresh statuses');
  return bundle;
}

/** A table of the Dashboard under its title: the rows after the header, up to the blank row after it. */
function table(bundle: LoadedBundle, title: string): unknown[][] {
  const values = valuesOf(bundle, 'Dashboard');
  const start = values.findIndex((r) => r[0] === title);
  if (start < 0) throw new Error(`no table "${title}"`);
  const end = values.findIndex((r, i) => i > start && r.every((c) => c === ''));
  return values
    .slice(start + 2, end < 0 ? undefined : end)
    .filter((r) => r.slice(1).some((c) => c !== ''))
    .map((r) => r.filter((c, i) => i === 0 || c !== ''));
}

const dashboard = (bundle: LoadedBundle) => bundle.ws.sheets.active.sheet('Dashboard');
const chartsOf = (bundle: LoadedBundle): ChartSpec[] => dashboard(bundle).charts;
const titleOf = (chart: ChartSpec): unknown => chart.options.get('title');
const chartTitled = (bundle: LoadedBundle, title: string): ChartSpec => {
  const chart = chartsOf(bundle).find((c) => titleOf(c) === title);
  if (!chart) throw new Error(`no chart "${title}"`);
  return chart;
};

/** Pixels of exactly this colour. */
function pixels(png: Buffer | Uint8Array, hex: string): number {
  const image = PNG.sync.read(Buffer.from(png));
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4)
    if (image.data[i] === r && image.data[i + 1] === g && image.data[i + 2] === b) n++;
  return n;
}

describe('the Dashboard’s figures', () => {
  const bundle = dashboardRegister();
  const register = registerRows(bundle);

  it('counts every status as the Register shows it', () => {
    const shown = STATUS_KEYS.map((k) => register.filter((r) => r.Status === LABEL[k]).length);
    expect(shown).toEqual([6, 1, 2, 1, 1]);
    expect(table(bundle, 'Actions by status')).toEqual([['Actions', ...shown, register.length]]);
  });

  it('counts every priority and every KLOE by status', () => {
    expect(table(bundle, 'Actions by priority')).toEqual([
      ['High', 2, 0, 2, 0, 0, 4],
      ['Medium', 2, 1, 0, 0, 0, 3],
      ['Low', 2, 0, 0, 1, 0, 3],
      ['(no priority)', 0, 0, 0, 0, 1, 1],
    ]);
    expect(table(bundle, 'Actions by KLOE')).toEqual([
      ['Setting targets', 2, 0, 1, 0, 0, 3],
      ['Collating data', 2, 0, 0, 0, 0, 2],
      ['Monitoring', 2, 1, 1, 0, 1, 5],
      ['(no KLOE)', 0, 0, 0, 1, 0, 1],
    ]);
  });

  it('counts overdue actions by every directorate and lead, as the Officers sheet places the leads', () => {
    const directorateOf = new Map(OFFICERS.map((o) => [o[0], o[4]]));
    const overdue = register.filter((r) => r.Status === LABEL.overdue);
    const byDirectorate = new Map<string, number>();
    for (const r of overdue) {
      const first = String(r.Lead).split(',')[0].trim();
      const d = directorateOf.get(first) ?? '(no directorate)';
      byDirectorate.set(d, (byDirectorate.get(d) ?? 0) + 1);
    }
    const rows = table(bundle, 'Overdue actions by directorate');
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Chief Executive', byDirectorate.get('Chief Executive')],
      ['Resources', byDirectorate.get('Resources')],
      ["Children's Services", byDirectorate.get("Children's Services")],
      ['(no directorate)', byDirectorate.get('(no directorate)')],
    ]);
    expect(table(bundle, 'Overdue actions by lead')).toEqual([
      ['Jan Pryor', 'Chief Executive', 2],
      ['Tom Green', 'Resources', 2],
      ['(no lead)', 1],
      ['Facilities Manager', 1],
      ['Rosa Bell', "Children's Services", 1],
    ]);
  });

  it('bands open actions by every age against the original due date', () => {
    expect(table(bundle, 'Open actions past their original due date, by how late')).toEqual([
      ['Under 1 month', 2, 2],
      ['1 to 3 months', 2, 2],
      ['3 to 6 months', 1, 1],
      ['Over 6 months', 1, 2],
      ['Total', 6, 7],
    ]);
  });

  it('counts the extensions granted and the actions past the limit', () => {
    expect(table(bundle, 'Extensions')).toEqual([
      ['Extensions approved', 3],
      ['Actions extended', 1],
      ['Awaiting a reason', 0],
      ['Awaiting approval', 0],
      ['Refused', 0],
      ['Actions past the limit of 2 extensions', 1],
    ]);
  });

  it('keeps labels as text and counts as numbers', () => {
    const cells = bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Dashboard');
      const range = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn());
      return { values: range.getValues(), formats: range.getNumberFormats() };
    });
    cells.values.forEach((row, r) =>
      row.forEach((v, c) => expect(cells.formats[r][c]).toBe(typeof v === 'number' ? '0' : '@')),
    );
  });
});

describe('the Dashboard’s charts', () => {
  it('are made once, and kept rather than added to on each refresh', () => {
    const bundle = dashboardRegister();
    const ids = chartsOf(bundle).map((c) => c.id);
    expect(chartsOf(bundle).map(titleOf)).toEqual(TITLES);
    bundle.clickMenu('Refresh statuses');
    bundle.clickMenu('Refresh statuses');
    expect(chartsOf(bundle).map((c) => c.id)).toEqual(ids);
  });

  it('draw the figures’ cells, right of them', () => {
    const bundle = dashboardRegister();
    const status = chartTitled(bundle, 'Actions by status');
    const [range] = status.ranges;
    const values = valuesOf(bundle, 'Dashboard');
    const drawn = values
      .slice(range.row - 1, range.row - 1 + range.numRows)
      .map((r) => r.slice(range.column - 1, range.column - 1 + range.numColumns));
    expect(drawn).toEqual([
      ['Status', ...STATUS_KEYS.map((k) => LABEL[k])],
      ['Actions', 6, 1, 2, 1, 1],
    ]);
    expect(status.options.get('colors')).toEqual(COLOURS);
    const width = Math.max(...values.map((r) => r.length));
    for (const chart of chartsOf(bundle)) expect(chart.position.column).toBeGreaterThan(width);
  });

  it('are rebuilt in place when what they draw changes, and made again when deleted', () => {
    const bundle = dashboardRegister();
    const directorate = chartTitled(bundle, 'Overdue actions by directorate');
    expect(directorate.ranges[0].numRows).toBe(5);
    // A fourth directorate: its lead joins, and leads an overdue action.
    bundle.ws.runtime.calls.uncounted(() => {
      seed(bundle, 'Officers', 5, 1, [['KL', 'Kim Lee', 'Solicitor', 'kim.lee@example.org', 'Legal']]);
      const lead = valuesOf(bundle, 'Register')[0].indexOf('Lead') + 1;
      sheetOf(bundle, 'Register').getRange(2, lead).setValue('KL');
    });
    bundle.clickMenu('Refresh statuses');
    const rebuilt = chartTitled(bundle, 'Overdue actions by directorate');
    expect([rebuilt.id, rebuilt.ranges[0].numRows]).toEqual([directorate.id, 6]);
    expect(chartsOf(bundle)).toHaveLength(3);

    const status = chartTitled(bundle, 'Actions by status');
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Dashboard');
      const mine = sheet.getCharts().find((c) => c.getChartId() === status.id);
      if (mine) sheet.removeChart(mine);
    });
    expect(chartsOf(bundle)).toHaveLength(2);
    bundle.clickMenu('Refresh statuses');
    expect(chartsOf(bundle).map(titleOf).sort()).toEqual([...TITLES].sort());
  });

  it('follow the status colours when Settings change them', () => {
    const bundle = dashboardRegister();
    const row = valuesOf(bundle, 'Settings').findIndex((r) => r[0] === 'Overdue colour');
    seed(bundle, 'Settings', row + 1, 2, [['#cc0000']]);
    bundle.clickMenu('Refresh statuses');
    expect(chartTitled(bundle, 'Actions by status').options.get('colors')).toEqual([
      '#cc0000',
      ...COLOURS.slice(1),
    ]);
    expect(chartTitled(bundle, 'Overdue actions by directorate').options.get('colors')).toEqual(['#cc0000']);
    expect(chartsOf(bundle)).toHaveLength(3);
  });

  it('are found again at their place when the register has lost their ids, not drawn twice', () => {
    const bundle = dashboardRegister();
    const ids = chartsOf(bundle).map((c) => c.id);
    bundle.ws.properties.document.values.delete('dashboard.state');
    bundle.clickMenu('Refresh statuses');
    expect(chartsOf(bundle).map((c) => c.id)).toEqual(ids);
  });

  it('are drawn again with the figures and their formats when an officer deleted the sheet', () => {
    const bundle = dashboardRegister();
    bundle.ws.runtime.calls.uncounted(() => bundle.spreadsheet().deleteSheet(sheetOf(bundle, 'Dashboard')));
    bundle.clickMenu('Set up or repair register');
    bundle.clickMenu('Refresh statuses');
    expect(chartsOf(bundle).map(titleOf)).toEqual(TITLES);
    const formats = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Dashboard').getRange('A5:B6').getNumberFormats(),
    );
    expect(formats).toEqual([
      ['@', '@'],
      ['@', '0'],
    ]);
    expect(table(bundle, 'Actions by status')).toEqual([['Actions', 6, 1, 2, 1, 1, 11]]);
  });

  it('are one set again after two refreshes drew them at the same moment', () => {
    const bundle = emptyRegister(TODAY);
    const header = valuesOf(bundle, 'Register')[0].map(String);
    seed(
      bundle,
      'Register',
      2,
      1,
      ROWS.map((row) => header.map((h) => row[h] ?? '')),
    );
    bundle.overlap(
      () => bundle.clickMenu('Refresh statuses'),
      { after: 'Sheet.insertChart' },
      () => bundle.clickMenu('Refresh statuses'),
    );
    expect(chartsOf(bundle).length).toBeGreaterThan(3);
    bundle.clickMenu('Refresh statuses');
    expect(chartsOf(bundle).map(titleOf).sort()).toEqual([...TITLES].sort());
  });

  it('leave an officer’s own chart on the sheet alone', () => {
    const bundle = dashboardRegister();
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Dashboard');
      sheet.insertChart(
        sheet
          .newChart()
          .asPieChart()
          .setTitle('Actions by status')
          .addRange(sheet.getRange('A5:F6'))
          .setPosition(60, 1, 0, 0)
          .build(),
      );
      // A copy of the register's chart, moved a little.
      const [range] = sheet.getCharts()[0].getRanges();
      sheet.insertChart(
        sheet
          .newChart()
          .asColumnChart()
          .setTitle('Actions by status')
          .addRange(range)
          .setPosition(1, 9, 40, 30)
          .build(),
      );
    });
    const before = chartsOf(bundle).map((c) => c.id);
    bundle.clickMenu('Refresh statuses');
    expect(chartsOf(bundle).map((c) => c.id)).toEqual(before);
    expect(chartsOf(bundle).filter((c) => c.type === 'PIE')).toHaveLength(1);
    expect(chartsOf(bundle).filter((c) => titleOf(c) === 'Actions by status')).toHaveLength(3);
  });

  it('draw PNGs in the status colours, and the local run’s picture of the sheet holds them', () => {
    const bundle = dashboardRegister();
    const png = chartPng(chartTitled(bundle, 'Actions by status'));
    for (const colour of COLOURS) expect([colour, pixels(png, colour) > 200]).toEqual([colour, true]);
    const sheet = dashboardPng(dashboard(bundle)) as Buffer;
    for (const colour of COLOURS) expect([colour, pixels(sheet, colour) > 600]).toEqual([colour, true]);
  });

  it('show each paper in the trend, from the Paper log, then now', () => {
    const bundle = dashboardRegister();
    const trend = chartTitled(bundle, 'Actions by status at each paper');
    bundle.run('generatePaper', PAPER_FORM);
    const log = valuesOf(bundle, 'Paper log');
    expect(log[1].slice(6)).toEqual([6, 1, 2, 1, 1]);
    bundle.ws.setNow(at('2011-01-24', 9));
    // 4.3 was due sooner than the register said, and is overdue a week later.
    const header = valuesOf(bundle, 'Register')[0];
    seed(bundle, 'Register', 10, header.indexOf('Due date') + 1, [[day('2011-01-20')]]);
    bundle.clickMenu('Refresh statuses');
    expect(table(bundle, 'Actions by status at each paper')).toEqual([
      ['15 Jan 2011', 6, 1, 2, 1, 1, 11],
      ['Now (24 Jan 2011)', 7, 1, 1, 1, 1, 11],
    ]);
    const rebuilt = chartTitled(bundle, 'Actions by status at each paper');
    expect([rebuilt.id, rebuilt.ranges[0].numRows, rebuilt.options.get('isStacked')]).toEqual([
      trend.id,
      3,
      true,
    ]);
  });
});

describe('the paper and the owner’s summary', () => {
  it('carry the status chart and the trend after the paper’s summary tables', () => {
    const bundle = dashboardRegister();
    const result = bundle.run('generatePaper', PAPER_FORM) as { url: string };
    const doc = bundle.ws.docs.documents().find((d) => result.url.includes(d.id));
    if (!doc) throw new Error('no paper');
    const blocks = doc.tree().children;
    const withImages = blocks.flatMap((b, i) => ('images' in b && b.images ? [{ i, images: b.images }] : []));
    expect(withImages.map((b) => b.images.map((im) => [im.contentType, im.altTitle, im.width]))).toEqual([
      [['image/png', 'Actions by status', 600]],
      [['image/png', 'Actions by status at each paper', 600]],
    ]);
    const text = (b: DocBlock | undefined): string => (b && 'text' in b ? b.text : '');
    const before = blocks.slice(0, withImages[0].i);
    const changes = before.findIndex((b) => text(b).startsWith('Changes since the last paper'));
    expect(changes).toBeGreaterThan(0);
    expect(before.slice(changes + 1).some((b) => b.type === 'TABLE')).toBe(true);
    const after = blocks.slice(withImages[1].i + 1).find((b) => text(b) !== '');
    expect(text(after)).toMatch(/^Extensions for the Committee/);
    for (const colour of COLOURS)
      expect([colour, pixels(withImages[0].images[0].data, colour) > 200]).toEqual([colour, true]);
  });

  it('sends the owner the status chart inline, and the lead officers none', () => {
    const bundle = dashboardRegister();
    bundle.clickMenu('Send overdue reminders now');
    const sent = bundle.ws.mail.sent;
    const summary = sent.find((m) => m.subject.startsWith('Action plan summary'));
    if (!summary) throw new Error('no summary');
    expect(summary.to).toEqual([OWNER]);
    expect(summary.htmlBody).toContain('<img src="cid:statusChart"');
    expect(summary.inlineImages.map((i) => [i.cid, i.contentType])).toEqual([['statusChart', 'image/png']]);
    for (const colour of COLOURS)
      expect([colour, pixels(summary.inlineImages[0].bytes, colour) > 200]).toEqual([colour, true]);
    const digests = sent.filter((m) => m !== summary);
    expect(digests.length).toBeGreaterThan(0);
    expect(digests.every((m) => m.inlineImages.length === 0 && !m.htmlBody?.includes('cid:'))).toBe(true);
  });
});

describe('the cost of the Dashboard', () => {
  /** A register of n seeded actions over n / 10 KLOEs and three directorates. */
  function registerOf(n: number): LoadedBundle {
    const bundle = emptyRegister(TODAY);
    seed(bundle, 'Officers', 2, 1, OFFICERS);
    const header = valuesOf(bundle, 'Register')[0].map(String);
    const rows: Row[] = Array.from({ length: n }, (_, i) => ({
      Ref: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      KLOE: `KLOE ${Math.floor(i / 10) + 1}`,
      Action: `Action ${i + 1}`,
      Timescale: 'As agreed',
      'Due date': day(['2010-03-31', '2010-12-20', '2011-06-30', '2011-02-01'][i % 4]),
      Lead: ['JP', 'TG', 'RB, JP', 'Someone else'][i % 4],
      'Last updated': day('2011-01-10'),
    }));
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Register');
      if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
    });
    seed(
      bundle,
      'Register',
      2,
      1,
      rows.map((row) => header.map((h) => row[h] ?? '')),
    );
    return bundle;
  }

  function refreshCalls(bundle: LoadedBundle): Record<string, number> {
    bundle.ws.runtime.calls.reset();
    bundle.clickMenu('Refresh statuses');
    return bundle.ws.runtime.calls.snapshot();
  }

  /** The officer deletes the register's charts: the next refresh draws them all again. */
  function deleteCharts(bundle: LoadedBundle): void {
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Dashboard');
      for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    });
  }

  it('does not grow with the register: the same calls at 10 actions as at 1,000, drawn or kept', () => {
    const small = registerOf(10);
    const large = registerOf(1000);
    // The first refresh records every action and draws the Dashboard.
    refreshCalls(small);
    refreshCalls(large);
    const kept = [refreshCalls(small), refreshCalls(large)];
    expect(kept[1]).toEqual(kept[0]);
    expect(kept[0]['Sheet.insertChart']).toBeUndefined();
    expect(kept[0]['Sheet.getCharts']).toBe(1);
    deleteCharts(small);
    deleteCharts(large);
    const drawn = [refreshCalls(small), refreshCalls(large)];
    expect(drawn[1]).toEqual(drawn[0]);
    expect(drawn[0]['Sheet.insertChart']).toBe(3);
    expect(chartsOf(large)).toHaveLength(3);
  });
});
