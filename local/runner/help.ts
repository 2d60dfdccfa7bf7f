/** The runner's --help: every option, and the plan headers the import understands (tested against the import). */

/** Examples of the headers real plans use, by the register field each one fills. */
export const HEADER_EXAMPLES: readonly (readonly [string, readonly string[]])[] = [
  ['Ref', ['Ref', 'No.', 'Rec No', 'ID']],
  ['KLOE (or a finding)', ['KLOE', 'Finding', 'Issue', 'Governance issue']],
  ['KLOE & Rec. together', ['KLOE & Rec.']],
  ['Recommendation', ['Recommendation']],
  [
    'Action',
    [
      'Action',
      'Agreed action',
      'Agreed management action',
      'Management response',
      'Action taken',
      'Action(s) to be taken',
      'Required action',
    ],
  ],
  ['Priority', ['Priority', 'Risk rating', 'Grade']],
  ['Timescale', ['Timescale', 'Action & Timescales for 2010/11']],
  [
    'Due date',
    [
      'Target date',
      'Original target date',
      'Implementation date',
      'Deadline',
      'By when',
      'To be delivered by',
    ],
  ],
  ['Revised due date', ['Revised target date', 'Revised date', 'New target date']],
  ['Reason for extension', ['Reason for extension']],
  ['Lead', ['Lead', 'Responsible officer', 'Action owner', 'By whom', 'Owner']],
  [
    'Progress',
    ['Progress', 'Progress update', 'Commentary', 'Comments', '% complete', 'Progress to 31 July 2010'],
  ],
  ['Status', ['Status', 'RAG status']],
  ['Completed on', ['Date completed']],
  ['Source', ['Audit', 'Source']],
];

const OPTIONS: readonly (readonly [string, string])[] = [
  [
    '--plan FILE',
    'the plan: CSV or TSV (UTF-8 or Windows-1252, any delimiter), an Excel .xlsx, or a Word .docx',
  ],
  [
    '--officers FILE',
    'CSV with Initials, Name, Email (and Job title, Directorate, Reports to if you have them)',
  ],
  ['--today YYYY-MM-DD', 'the day the run takes as today'],
  ['--scenario FILE.json', 'a week in the register, replayed step by step (see the README for the format)'],
  [
    '--map "Header=Field"',
    'what a plan column the import does not know holds, e.g. "Officer responsible=Lead" (repeat it)',
  ],
  [
    '--settings FILE',
    'CSV of Setting,Value rows, with the Settings sheet\'s names ("Plan name", "Committee" ...)',
  ],
  ['--plan-name TEXT', "the plan's name, shown in emails and the paper"],
  ['--committee TEXT', 'the committee the briefing paper goes to'],
  ['--owner EMAIL', 'the plan owner: gets the weekly summary and decides extensions'],
  ['--author TEXT', 'the paper\'s "Report of" author'],
  ['--out DIR', 'where the files go (default out); files there that the runner did not write are left alone'],
  [
    '--manifest FILE',
    'the appsscript.json whose permissions the run is granted (default dist/appsscript.json)',
  ],
  ['--help', 'this text'],
];

const width = Math.max(...OPTIONS.map(([o]) => o.length));

export const HELP = [
  'npm start -- [options]',
  '',
  'Runs the register end to end in the local Google Workspace: with no options, the sample plan and its',
  'scenario (local/sample); with --plan, your plan: set-up, import, refresh, the briefing paper and the weekly',
  'reminders, with no edits nobody asked for. Writes the register (.xlsx, .csv), History, the import report, the',
  'paper (.docx), the dashboard (.png) and every email (.eml) to the output folder.',
  '',
  'Options:',
  ...OPTIONS.map(([option, what]) => `  ${option.padEnd(width)}  ${what}`),
  '',
  'Plan headers the import understands (case and punctuation aside), by the register column each fills:',
  ...HEADER_EXAMPLES.map(([field, headers]) => `  ${field}: ${headers.join(', ')}`),
  'Any other column is kept as a column of its own in the register; --map says what it is instead.',
].join('\n');
