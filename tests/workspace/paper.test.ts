import type { LoadedBundle } from '../../local/runner/bundle';
import { at } from '../../local/runner/run';
import type { DocBlock, DocBody, DocTable } from '../../local/workspace/DocumentApp';
import { FOLDER_MIME, PDF_MIME } from '../../local/workspace/Drive';
import { emptyRegister, registerRows, seed, sheetOf, valuesOf } from '../helpers';

const FIRST_DAY = '2010-04-15';
const STATUS = {
  overdue: { label: 'Overdue', colour: '#e06666' },
  check: { label: 'Check Progress', colour: '#ffd966' },
  inProgress: { label: 'In Progress but not reached due date', colour: '#93c47d' },
  completed: { label: 'Completed', colour: '#6fa8dc' },
};

const OFFICERS = [
  ['JP', 'Jan Pryor', 'Policy & Performance Officer', 'jan.pryor@example.org', 'Chief Executive'],
  ['TG', 'Tom Green', 'ICT Manager', 'tom.green@example.org', 'Resources'],
];

const FORM = {
  committee: 'Corporate Resources Scrutiny Committee',
  meetingDate: FIRST_DAY,
  agendaItem: '7',
  reportAuthor: 'JP',
  reportAuthorTitle: 'Policy & Performance Officer',
  openOrExempt: 'Open',
  paperTitle: 'Performance Management Action Plan Update',
};

interface PaperResult {
  url: string;
  name: string;
  folder: string | null;
  pdfUrl: string | null;
  warnings: string[];
}

type Row = Partial<Record<string, string | number | Date>>;

const day = (iso: string): Date => at(iso, 12);

/** Writes actions into the Register by header, as an officer would type them (no edit triggers). */
function writeRegister(bundle: LoadedBundle, rows: Row[]): void {
  const header = valuesOf(bundle, 'Register')[0].map(String);
  seed(
    bundle,
    'Register',
    2,
    1,
    rows.map((row) => header.map((h) => row[h] ?? '')),
  );
}

function setSetting(bundle: LoadedBundle, label: string, value: string): void {
  const row = valuesOf(bundle, 'Settings').findIndex((r) => r[0] === label);
  if (row < 1) throw new Error(`no setting ${label}`);
  bundle.ws.runtime.calls.uncounted(() =>
    sheetOf(bundle, 'Settings')
      .getRange(row + 1, 2)
      .setValue(value),
  );
}

/** A register on FIRST_DAY with one action of each status, in two KLOE/recommendation groups. */
function smallRegister(): LoadedBundle {
  const bundle = emptyRegister(FIRST_DAY);
  bundle.ws.runtime.calls.uncounted(() =>
    sheetOf(bundle, 'Officers').getRange(2, 1, OFFICERS.length, 5).setValues(OFFICERS),
  );
  const targets = {
    KLOE: 'Setting targets',
    Recommendation: '3. Ensure broad involvement in target-setting',
  };
  const covalent = {
    KLOE: 'Collating performance data',
    Recommendation: '4. Increase awareness of Covalent',
  };
  writeRegister(bundle, [
    {
      Ref: '3.1',
      ...targets,
      Action: 'Involve Members in setting targets',
      Timescale: 'By March 2010',
      'Due date': day('2010-03-31'),
      Lead: 'JP',
      Progress: 'Review Panel established.',
      'Last updated': day('2010-04-01'),
    },
    {
      Ref: '3.2',
      ...targets,
      Action: 'Develop a framework for Member involvement',
      Timescale: 'June 2010',
      'Due date': day('2010-06-30'),
      'Revised due date': day('2010-12-31'),
      Extensions: 1,
      Lead: 'JP, TG',
      Progress: 'Workshops planned.',
      'Last updated': day('2010-04-01'),
    },
    {
      Ref: '4.1',
      ...covalent,
      Action: 'Develop Covalent intranet page',
      Timescale: 'May 2010',
      'Due date': day('2010-05-01'),
      Lead: 'TG, XY',
      'Last updated': day('2010-04-01'),
    },
    {
      Ref: '4.2',
      ...covalent,
      Action: 'Provide Covalent training',
      Timescale: 'March 2010',
      'Due date': day('2010-03-31'),
      Lead: 'TG',
      Progress: 'Training delivered.',
      Status: 'Completed',
      'Completed on': day('2010-03-20'),
    },
  ]);
  return bundle;
}

function generate(bundle: LoadedBundle, form: Record<string, string> = FORM): PaperResult {
  return bundle.run('generatePaper', form) as PaperResult;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API JSON read in tests

/** The paper as the Docs API returns it, read without counting. */
function docOf(bundle: LoadedBundle, result: PaperResult): Json {
  const id = /\/d\/([^/]+)/.exec(result.url)?.[1] ?? '';
  return bundle.ws.runtime.calls.uncounted(() => bundle.ws.docsApi.service.Documents.get(id)) as Json;
}

function paperTree(bundle: LoadedBundle, result: PaperResult): DocBody {
  const doc = bundle.ws.docs.documents().find((d) => d.url === result.url || result.url.includes(d.id));
  if (!doc) throw new Error(`no document at ${result.url}`);
  return doc.tree();
}

const textOf = (b: DocBlock): string => ('text' in b ? b.text : `[${b.type}]`);

/** The blocks of the appendix: the Doc's second section. */
const appendixOf = (tree: DocBody): DocBlock[] => tree.children.slice(tree.sections[1]?.start ?? Infinity);

/** The paper's report (its first section) as headed sections: front matter under '', then each HEADING2. */
function sectionsOf(tree: DocBody): { front: string[]; sections: Map<string, string[]> } {
  const front: string[] = [];
  const sections = new Map<string, string[]>();
  let current: string[] = front;
  for (const block of tree.children.slice(0, tree.sections[1]?.start)) {
    if (block.type === 'PARAGRAPH' && block.heading === 'HEADING2') {
      current = [];
      sections.set(block.text, current);
    } else current.push(textOf(block));
  }
  return { front, sections };
}

const tablesOf = (tree: DocBody): DocTable[] =>
  tree.children.filter((b): b is DocTable => b.type === 'TABLE');

/** The appendix's progress report: the table headed by KLOE & Rec. */
const progressTableOf = (tree: DocBody): DocTable => {
  const table = tablesOf(tree).find((t) => t.rows[0]?.[0]?.text === 'KLOE & Rec.');
  if (!table) throw new Error('no progress table');
  return table;
};

describe('Generate briefing paper', () => {
  it('is a menu item opening a dialog prefilled from Settings', () => {
    const bundle = smallRegister();
    setSetting(bundle, 'Meeting date', '2010-04-15');
    setSetting(bundle, 'Agenda item', '7');
    setSetting(bundle, 'Report author', 'Jan Pryor');
    bundle.clickMenu('Generate briefing paper…');
    const dialog = bundle.ws.sheets.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('Generate briefing paper');
    const json = /var PAPER_DEFAULTS = (.*);/.exec(dialog?.html ?? '')?.[1] ?? 'null';
    expect(JSON.parse(json)).toEqual({
      committee: 'Corporate Resources Scrutiny Committee',
      meetingDate: '2010-04-15',
      agendaItem: '7',
      reportAuthor: 'Jan Pryor',
      reportAuthorTitle: 'Policy & Performance Officer',
      openOrExempt: 'Open',
      paperTitle: 'Performance Management Action Plan Update',
    });
    expect(bundle.run('getPaperDefaults')).toEqual(JSON.parse(json));
  });

  it('makes a Google Doc with a portrait report and a landscape appendix after a section break', () => {
    const bundle = smallRegister();
    setSetting(bundle, 'Report author phone', '01562 732722');
    const result = generate(bundle);
    expect(result.name).toBe(
      'Performance Management Action Plan Update - Corporate Resources Scrutiny Committee - 15 Apr 2010',
    );
    expect(result.warnings).toEqual([]);
    const tree = paperTree(bundle, result);
    expect(tree.name).toBe(result.name);
    // A4 portrait for the report; the appendix's section flips it to landscape with narrower margins.
    expect(tree.sections.map((s) => [s.sectionType, s.landscape, s.pageWidth, s.margins.left])).toEqual([
      ['CONTINUOUS', false, 595.28, 72],
      ['NEXT_PAGE', true, 841.89, 36],
    ]);
    expect(appendixOf(tree).slice(0, 2).map(textOf)).toEqual([
      'Appendix 1: Performance Management Action Plan Progress Report',
      'Progress as at 15 Apr 2010',
    ]);
    // The same, as the Docs API reads it back.
    const doc = docOf(bundle, result);
    expect(doc.documentStyle.pageSize).toEqual({
      width: { magnitude: 595.28, unit: 'PT' },
      height: { magnitude: 841.89, unit: 'PT' },
    });
    const breaks = doc.body.content.filter((e: Json) => e.sectionBreak);
    expect(breaks.map((e: Json) => e.sectionBreak.sectionStyle.flipPageOrientation ?? false)).toEqual([
      false,
      true,
    ]);
    const afterBreak = doc.body.content[doc.body.content.indexOf(breaks[1]) + 1];
    expect(afterBreak.paragraph.elements[0].textRun.content).toBe(
      'Appendix 1: Performance Management Action Plan Progress Report\n',
    );
    expect(afterBreak.paragraph.paragraphStyle.namedStyleType).toBe('HEADING_1');

    const { front, sections } = sectionsOf(tree);
    expect(front).toEqual([
      'Agenda Item No. 7',
      'Corporate Resources Scrutiny Committee',
      'Briefing Paper',
      'Report of: Jan Pryor, Policy & Performance Officer',
      'Date: Thursday, 15th April 2010',
      'Open',
      'Performance Management Action Plan Update',
    ]);
    const headings = tree.children
      .slice(0, 7)
      .map((b) => (b.type === 'PARAGRAPH' ? [b.heading, b.alignment ?? null] : null));
    expect(headings).toEqual([
      ['NORMAL', 'RIGHT'],
      ['TITLE', null],
      ['SUBTITLE', null],
      ['NORMAL', null],
      ['NORMAL', null],
      ['NORMAL', null],
      ['HEADING1', null],
    ]);
    expect([...sections.keys()]).toEqual([
      '1. Summary',
      '2. Background',
      '3. Key Issues',
      '4. Options',
      '5. Consultation',
      '6. Related Decisions',
      '7. Relevant Council Policies/Strategies',
      '8. Implications',
      '9. Equality Impact Needs Assessment',
      '10. Wards affected',
      '11. Appendices',
      '12. Background Papers',
      'Officer Contact Details',
    ]);
    expect(sections.get('1. Summary')).toEqual([
      '1.1\tTo inform Members of progress against the Performance Management Action Plan.',
    ]);
    expect(sections.get('3. Key Issues')).toEqual([
      '3.1\tProgress against the Performance Management Action Plan is shown in Appendix 1.',
      '3.2\tThe Performance Management Action Plan has 4 actions: 1 completed, 1 overdue, 1 where progress ' +
        'should be checked and 1 in progress but not yet at their due date. This is the first paper produced ' +
        'from the register, so changes since the last paper will be reported from the next one.',
    ]);
    expect(sections.get('8. Implications')?.map((p) => p.split(':')[0])).toEqual([
      '8.1\tResources',
      '8.2\tEqualities',
      '8.3\tPartnership working',
      '8.4\tHuman Rights',
      '8.5\tE-Government',
      '8.6\tBest Value',
    ]);
    // The section break's newline leaves an empty paragraph at the end of the report.
    expect(sections.get('Officer Contact Details')).toEqual([
      'Name: Jan Pryor',
      'Title: Policy & Performance Officer',
      'Contact No. 01562 732722',
      'Email: jan.pryor@example.org',
      '',
    ]);
  });

  it('writes every date as "15 Apr 2010": no ISO day and no timestamp anywhere in the Doc', () => {
    const bundle = smallRegister();
    const tree = paperTree(bundle, generate(bundle));
    const texts = tree.children.flatMap((b) =>
      b.type === 'TABLE' ? b.rows.flatMap((row) => row.map((c) => c.text)) : [textOf(b)],
    );
    expect(
      texts.filter((t) => /\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|GMT|\d{1,2}\/\d{1,2}\/\d{2,4}/.test(t)),
    ).toEqual([]);
    expect(texts).toContain('31 Mar 2010\n15 days late');
    expect(texts).toContain('Date: Thursday, 15th April 2010');
  });

  it('lays out the appendix row by row, the Status cell coloured, and ends with the key', () => {
    const bundle = smallRegister();
    const tree = paperTree(bundle, generate(bundle));
    const appendix = progressTableOf(tree);
    const key = tablesOf(tree).at(-1) as DocTable;
    expect(appendix.rows.map((row) => row.map((c) => c.text))).toEqual([
      [
        'KLOE & Rec.',
        'Ref',
        'Action',
        'Timescale',
        'Original due date',
        'Revised due date',
        'Lead',
        'Progress to 15 Apr 2010',
        'Status',
      ],
      [
        'Setting targets\n3. Ensure broad involvement in target-setting',
        '3.1',
        'Involve Members in setting targets',
        'By March 2010',
        '31 Mar 2010\n15 days late',
        '',
        'Jan Pryor',
        'Review Panel established.',
        STATUS.overdue.label,
      ],
      [
        '',
        '3.2',
        'Develop a framework for Member involvement',
        'June 2010',
        '30 Jun 2010',
        '31 Dec 2010 (1 extension)',
        'Jan Pryor, Tom Green',
        'Workshops planned.',
        STATUS.inProgress.label,
      ],
      [
        'Collating performance data\n4. Increase awareness of Covalent',
        '4.1',
        'Develop Covalent intranet page',
        'May 2010',
        '1 May 2010',
        '',
        'Tom Green, XY',
        '',
        STATUS.check.label,
      ],
      [
        '',
        '4.2',
        'Provide Covalent training',
        'March 2010',
        '31 Mar 2010',
        '',
        'Tom Green',
        'Training delivered.',
        STATUS.completed.label,
      ],
    ]);
    expect(appendix.rows.map((row) => row[8].background)).toEqual([
      '#d9d9d9',
      STATUS.overdue.colour,
      STATUS.inProgress.colour,
      STATUS.check.colour,
      STATUS.completed.colour,
    ]);
    expect(appendix.rows[0].every((cell) => cell.bold)).toBe(true);
    // Only the Status column is coloured on action rows.
    expect(appendix.rows.slice(1).flatMap((row) => row.slice(0, 8).map((c) => c.background))).toEqual(
      new Array(4 * 8).fill(null),
    );

    // The key comes last: Docs keeps only an empty paragraph after a final table.
    const afterKey = tree.children.slice(tree.children.indexOf(key) + 1);
    expect(afterKey.map(textOf)).toEqual(afterKey.map(() => ''));
    expect(key.rows.slice(1).map((row) => [row[0].background, row[1].text])).toEqual(
      Object.values(STATUS).map((s) => [s.colour, s.label]),
    );
  });

  it('colours every Status cell as its status, read back through the Docs API, and sets every width', () => {
    const bundle = smallRegister();
    const result = generate(bundle);
    const doc = docOf(bundle, result);
    const tables = doc.body.content.filter((e: Json) => e.table).map((e: Json) => e.table);
    const progress = tables.find(
      (t: Json) =>
        t.tableRows[0].tableCells[0].content[0].paragraph.elements[0].textRun.content === 'KLOE & Rec.\n',
    );
    const cellText = (cell: Json): string =>
      cell.content
        .map((p: Json) => p.paragraph.elements.map((e: Json) => e.textRun?.content ?? '').join(''))
        .join('');
    const hex = (cell: Json): string | null => {
      const rgb = cell.tableCellStyle.backgroundColor?.color?.rgbColor;
      if (!rgb) return null;
      const c = (v: number | undefined) =>
        Math.round((v ?? 0) * 255)
          .toString(16)
          .padStart(2, '0');
      return `#${c(rgb.red)}${c(rgb.green)}${c(rgb.blue)}`;
    };
    const status = progress.tableRows[0].tableCells.findIndex((c: Json) => cellText(c) === 'Status\n');
    expect(
      progress.tableRows
        .slice(1)
        .map((r: Json) => [cellText(r.tableCells[status]), hex(r.tableCells[status])]),
    ).toEqual([
      [`${STATUS.overdue.label}\n`, STATUS.overdue.colour],
      [`${STATUS.inProgress.label}\n`, STATUS.inProgress.colour],
      [`${STATUS.check.label}\n`, STATUS.check.colour],
      [`${STATUS.completed.label}\n`, STATUS.completed.colour],
    ]);
    // Every column of every table has a fixed width, the header row repeats on each page, the text is 9pt.
    for (const table of tables) {
      expect(table.tableStyle.tableColumnProperties.every((p: Json) => p.widthType === 'FIXED_WIDTH')).toBe(
        true,
      );
    }
    const widths = progress.tableStyle.tableColumnProperties.map((p: Json) => p.width.magnitude);
    const header = progress.tableRows[0].tableCells.map(cellText);
    // Timescale gets room for "End February 2007" on one line at 9pt (about 75 points), not a word a line.
    expect(widths[header.indexOf('Timescale\n')]).toBeGreaterThanOrEqual(75);
    expect(widths.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(841.89 - 2 * 36, 0);
    expect(progress.tableRows[0].tableRowStyle.tableHeader).toBe(true);
    const run = progress.tableRows[1].tableCells[1].content[0].paragraph.elements[0].textRun;
    expect(run.textStyle.fontSize).toEqual({ magnitude: 9, unit: 'PT' });
  });

  it('ends the appendix with the key, then the glossary of abbreviations from Settings', () => {
    const bundle = smallRegister();
    setSetting(bundle, 'Glossary', 'CMT – Corporate Management Team\nKLOE – Key Line of Enquiry');
    const tree = paperTree(bundle, generate(bundle));
    const appendix = appendixOf(tree).filter((b) => b.type === 'TABLE' || textOf(b) !== '');
    const tail = appendix
      .slice(-4)
      .map((b) => (b.type === 'TABLE' ? b.rows.map((r) => r.map((c) => c.text)) : textOf(b)));
    expect(tail).toEqual([
      'Key',
      [
        ['', 'Action Status'],
        ['', STATUS.overdue.label],
        ['', STATUS.check.label],
        ['', STATUS.inProgress.label],
        ['', STATUS.completed.label],
      ],
      'Glossary',
      [
        ['Abbreviation', 'Meaning'],
        ['CMT', 'Corporate Management Team'],
        ['KLOE', 'Key Line of Enquiry'],
      ],
    ]);
    const key = appendix.at(-3) as DocTable;
    expect(key.rows.slice(1).map((row) => row[0].background)).toEqual(
      Object.values(STATUS).map((s) => s.colour),
    );
  });

  it('refuses to make a paper when the manifest does not enable the Docs service, before making anything', () => {
    const bundle = smallRegister();
    bundle.context.Docs = undefined;
    expect(() => generate(bundle)).toThrow(
      'The Docs advanced service is not enabled for this script (appsscript.json).',
    );
    expect(bundle.ws.docs.documents()).toEqual([]);
  });

  it('lists the Extensions ledger for the Committee when the sheet exists, leaving out rows that are not entries', () => {
    const bundle = smallRegister();
    generate(bundle);
    const id = registerRows(bundle).find((r) => r.Ref === '3.2')?.['Action ID'];
    expect(id).toMatch(/\S/);
    bundle.ws.setNow(at('2010-05-20', 9));
    const below = valuesOf(bundle, 'Extensions').length + 1;
    // Lines an officer pasted below the ledger: one entry, a stray note, and a line with no action and a bad state.
    seed(bundle, 'Extensions', below, 1, [
      [
        day('2010-05-01'),
        'jan.pryor@example.org',
        id,
        '3.2',
        day('2010-12-31'),
        day('2011-03-31'),
        'Workshops moved to the spring',
        'Awaiting approval',
        '',
        '',
        '',
      ],
      ['', '', '', '', '', '', 'a note typed under the ledger', '', '', '', ''],
      [day('2010-05-02'), '', '', '4.1', '', day('2010-07-31'), '', 'Maybe', '', '', ''],
    ]);
    const tree = paperTree(bundle, generate(bundle, { ...FORM, meetingDate: '2010-06-03' }));
    const table = tablesOf(tree).find((t) => t.rows[0][0].text === 'Ref' && t.rows[0][2]?.text === 'From');
    expect(table?.rows.slice(1).map((r) => r.map((c) => c.text).slice(0, 7))).toEqual([
      [
        '3.2',
        'Develop a framework for Member involvement',
        '31 Dec 2010',
        '31 Mar 2011',
        'Workshops moved to the spring',
        '1 May 2010',
        'Awaiting approval',
      ],
    ]);
  });

  it('records what it reported in Snapshots, and the next paper states what changed since', () => {
    const bundle = smallRegister();
    generate(bundle);
    const [header, ...first] = valuesOf(bundle, 'Snapshots');
    expect(header).toEqual([
      'Paper date',
      'Action id',
      'Ref',
      'Status',
      'Due date in force',
      'Extensions',
      'Progress fingerprint',
    ]);
    // Statuses are kept by meaning; the due date in force is a date cell.
    expect(
      first.map(([, , ref, status, due, extensions]) => [ref, status, due instanceof Date, extensions]),
    ).toEqual([
      ['3.1', 'overdue', true, 0],
      ['3.2', 'inProgress', true, 1],
      ['4.1', 'check', true, 0],
      ['4.2', 'completed', true, 0],
    ]);

    // A month on: 3.2 is marked completed, and 4.1 (due 1 May) has passed its due date. The completion is
    // written past the edit trigger, so only with sign-off off does Refresh take it as made (it would wait for
    // the owner otherwise: tests/workspace/myActions.test.ts).
    setSetting(bundle, 'Completion needs sign-off', 'No');
    bundle.ws.setNow(at('2010-05-20', 9));
    bundle.ws.runtime.calls.uncounted(() => {
      const register = sheetOf(bundle, 'Register');
      const header = register.getRange(1, 1, 1, register.getLastColumn()).getValues()[0].map(String);
      register.getRange(3, header.indexOf('Status') + 1).setValue('Completed');
      register.getRange(3, header.indexOf('Completed on') + 1).setValue(day('2010-05-10'));
    });
    const second = generate(bundle, { ...FORM, meetingDate: '2010-06-03' });
    const { front, sections } = sectionsOf(paperTree(bundle, second));
    expect(front).toContain('Date: Thursday, 3rd June 2010');
    expect(sections.get('3. Key Issues')?.at(-1)).toBe(
      '3.2\tThe Performance Management Action Plan has 4 actions: 2 completed, 2 overdue, 0 where progress ' +
        'should be checked and 0 in progress but not yet at their due date. Since the last paper on 15 Apr 2010, ' +
        '1 action has been completed (3.2) and 1 action has become overdue (4.1). 2 open actions have had no ' +
        'update this cycle (3.1 and 4.1).',
    );
    expect(valuesOf(bundle, 'Snapshots')).toHaveLength(1 + 4 + 4);
  });

  it("uses the officers' texts from the Paper sheet", () => {
    const bundle = smallRegister();
    generate(bundle);
    const paper = valuesOf(bundle, 'Paper');
    expect(paper[0]).toEqual(['Section', 'Paragraph']);
    const background = paper.findIndex((r) => r[0] === 'Background');
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Paper');
      sheet
        .getRange(background + 1, 2)
        .setValue('In 2008 the Audit Commission reviewed performance management.');
      sheet.getRange(background + 2, 2).setValue('');
      sheet.getRange(paper.length + 1, 1, 1, 2).setValues([['Summry', 'Misspelt section']]);
    });
    const result = generate(bundle);
    expect(sectionsOf(paperTree(bundle, result)).sections.get('2. Background')).toEqual([
      '2.1\tIn 2008 the Audit Commission reviewed performance management.',
    ]);
    expect(result.warnings).toEqual([
      `Paper sheet row ${paper.length + 1}: "Summry" is not a section of the paper; the row was not used.`,
    ]);
  });

  it('puts the Doc in the folder the app made for it, once, with a PDF beside it when Settings ask', () => {
    const bundle = smallRegister();
    const first = generate(bundle);
    setSetting(bundle, 'Paper PDF', 'Yes');
    const second = generate(bundle);
    const drive = bundle.ws.drive;
    const folders = drive.files().filter((f) => f.mimeType === FOLDER_MIME);
    expect(folders.map((f) => drive.path(f.id))).toEqual(['My Drive/Action Plan Papers']);
    const inFolder = drive.files().filter((f) => f.parents.includes(folders[0].id));
    expect(inFolder.map((f) => [f.name, f.mimeType])).toEqual([
      [first.name, 'application/vnd.google-apps.document'],
      [second.name, 'application/vnd.google-apps.document'],
      [`${second.name}.pdf`, PDF_MIME],
    ]);
    expect(first.pdfUrl).toBeNull();
    expect(second.pdfUrl).toContain(inFolder[2].id);
    expect(second.folder).toBe('Action Plan Papers');
  });

  it("keeps the paper in the user's Drive root, and says why, when the folder cannot be made", () => {
    const bundle = smallRegister();
    setSetting(bundle, 'Paper PDF', 'Yes');
    // As in a project whose manifest lacks the advanced Drive service: there is no Drive global.
    bundle.context.Drive = undefined;
    const result = generate(bundle);
    const doc = bundle.ws.drive.files().find((f) => f.name === result.name);
    expect(doc && bundle.ws.drive.path(doc.id)).toBe(`My Drive/${result.name}`);
    expect(result.folder).toBeNull();
    expect(result.pdfUrl).toBeNull();
    expect(result.warnings).toEqual([
      'The folder "Action Plan Papers" could not be used, so the paper is in your Drive root (The Drive advanced ' +
        'service is not enabled for this script (appsscript.json)).',
      'The PDF was not saved (The Drive advanced service is not enabled for this script (appsscript.json)).',
    ]);
    expect(valuesOf(bundle, 'Snapshots')).toHaveLength(1 + 4);
  });

  it('makes the folder again when the one it made was trashed', () => {
    const bundle = smallRegister();
    generate(bundle);
    const drive = bundle.ws.drive;
    const [made] = drive.files().filter((f) => f.mimeType === FOLDER_MIME);
    made.trashed = true;
    const second = generate(bundle);
    const folders = drive.files().filter((f) => f.mimeType === FOLDER_MIME && !f.trashed);
    expect(folders).toHaveLength(1);
    expect(folders[0].id).not.toBe(made.id);
    const doc = drive.files().find((f) => f.name === second.name && f.parents.includes(folders[0].id));
    expect(doc).toBeDefined();
  });

  it('refuses, on the server too, an empty committee or a date that is not a date, making nothing', () => {
    const bundle = smallRegister();
    expect(() => generate(bundle, { ...FORM, committee: ' ' })).toThrow(
      'Enter the committee the paper goes to.',
    );
    expect(() => generate(bundle, { ...FORM, meetingDate: '31/02/2010' })).toThrow(/is not a date/);
    expect(bundle.ws.docs.documents()).toEqual([]);
  });
});

describe('cost of a paper', () => {
  /** A register of n actions in groups of 20, with a spread of statuses. */
  function largeRegister(n: number): LoadedBundle {
    const bundle = emptyRegister(FIRST_DAY);
    const rows: Row[] = Array.from({ length: n }, (_, i) => ({
      Ref: `${Math.floor(i / 20) + 1}.${(i % 20) + 1}`,
      KLOE: `KLOE ${Math.floor(i / 100) + 1}`,
      Recommendation: `Recommendation ${Math.floor(i / 20) + 1}`,
      Action: `Action number ${i + 1} with a sentence of text`,
      Timescale: 'Ongoing',
      'Due date': day(['2010-03-31', '2010-05-01', '2010-12-31', '2010-03-01'][i % 4]),
      Lead: 'JP, TG',
      Progress: `Progress note for action ${i + 1}.`,
      'Last updated': day('2010-04-01'),
      Status: i % 4 === 3 ? 'Completed' : '',
    }));
    writeRegister(bundle, rows);
    // As any register in use has been refreshed: the first refresh draws the Dashboard's charts (a one-off cost).
    bundle.clickMenu('Refresh statuses');
    return bundle;
  }

  /** Every service call of one generation, by method. */
  function callsFor(n: number): Record<string, number> {
    const bundle = largeRegister(n);
    bundle.ws.runtime.calls.reset();
    const result = generate(bundle);
    const calls = bundle.ws.runtime.calls.snapshot();
    expect(progressTableOf(paperTree(bundle, result)).rows).toHaveLength(n + 1);
    return calls;
  }

  it('makes the same service calls for 250 actions as for 500: one appendTable a table, one get, one batchUpdate', () => {
    const calls250 = callsFor(250);
    const calls500 = callsFor(500);
    expect(calls500).toEqual(calls250);
    expect(calls500['Docs.Documents.get']).toBe(1);
    expect(calls500['Docs.Documents.batchUpdate']).toBe(1);
    expect(Object.values(calls500).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(150);
  });

  it('calls appendTable once for a 500-action appendix, once per summary table and once for the key', () => {
    const bundle = largeRegister(500);
    bundle.ws.runtime.calls.reset();
    generate(bundle);
    // By status, by directorate, changes since the last paper, the progress report and the key; the empty
    // extensions and past-the-limit tables are a "None." line each.
    expect(bundle.ws.runtime.calls.snapshot()['Body.appendTable']).toBe(5);
  });
});
