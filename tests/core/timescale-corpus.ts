/**
 * Every timescale in the seed documents, copied verbatim (markup included, as an import hands it over), with how
 * it must be understood. Seed 000: the "Action & Timescales for 2010/11" column. Seed 003: the TIMESCALE column
 * of every recommendation. Seeds 002 (Appendix 3) and 004 (Appendix 2) leave their action plans' Timescale and
 * When columns blank in all 16 rows; seed 002's roles table has a When column in the same vocabulary.
 * TRACKERS adds the forms internal-audit trackers use (financial-year quarters, "Dec-24", "w/c", recurring months).
 */
import type { IsoDate, TimescaleKind } from '../../src/core/model';

export interface CorpusEntry {
  /** A seed, or 'tracker' for the forms internal-audit trackers use. */
  readonly seed: '000' | '002' | '003' | '004' | 'tracker';
  /** Where in the seed: the recommendation and action letter, or the KLOE. */
  readonly where: string;
  readonly text: string;
  readonly kind: TimescaleKind;
  readonly dates: readonly IsoDate[];
  readonly start?: IsoDate;
  readonly inheritsFrom?: readonly string[];
  readonly recurring?: readonly number[];
  /** For milestones: the due date on chosen days (the next not yet passed, the last once all have passed). */
  readonly dueOn?: readonly { readonly today: IsoDate; readonly due: IsoDate }[];
}

const QUARTERLY_2010_11: readonly IsoDate[] = ['2010-07-31', '2010-10-31', '2011-01-31', '2011-04-30'];
const QUARTERLY_DUE_ON = [
  { today: '2010-07-31', due: '2010-07-31' },
  { today: '2010-08-02', due: '2010-10-31' },
  { today: '2011-01-31', due: '2011-01-31' },
  { today: '2011-02-01', due: '2011-04-30' },
  { today: '2011-05-01', due: '2011-04-30' },
];

export const SEED_000: readonly CorpusEntry[] = [
  {
    seed: '000',
    where: 'Developing success measures: national and local indicators',
    text: '<ul style="list-style-type: none"> Better integrate data regarding the diversity of the district into performance information and decision making as part of the Business Planning process by March 2011. ',
    kind: 'deadline',
    dates: ['2011-03-31'],
  },
  {
    seed: '000',
    where: 'Setting targets 3',
    text: '<ul style="list-style-type: none"> Develop a more robust framework for Member involvement in target setting as part of the development of the new Corporate Plan by June 2010. ',
    kind: 'deadline',
    dates: ['2010-06-30'],
  },
  {
    seed: '000',
    where: 'Collating performance data 4',
    text: '<ul style="list-style-type: none"> Embed the Council\'s Data Quality Policy and required processes. Ongoing Continue rolling out training to officers and Members. Ongoing Develop Covalent intranet page by July 2010. ',
    kind: 'deadline',
    dates: ['2010-07-31'],
  },
  {
    seed: '000',
    where: 'Monitoring and reporting performance data: reporting arrangements',
    text: '<ul style="list-style-type: none"> Quarterly reporting of Wyre Forest District Council contribution to the Local Area Agreement to the Council and LSP. July 2010, October 2010, January 2011 & April 2011. ',
    kind: 'milestones',
    dates: QUARTERLY_2010_11,
    dueOn: QUARTERLY_DUE_ON,
  },
  {
    seed: '000',
    where: '5: clarify roles',
    text: '<ul style="list-style-type: none"> Maintain and update as necessary the roles and reporting flowchart in the Performance Management Framework by September 2010. Continue rolling out training to Members. Ongoing. ',
    kind: 'deadline',
    dates: ['2010-09-30'],
  },
  {
    seed: '000',
    where: '5: resources and satisfaction',
    text: '<ul style="list-style-type: none"> Report satisfaction results as part of Place Survey in Autumn 2010. ',
    kind: 'deadline',
    dates: ['2010-11-30'],
  },
  {
    seed: '000',
    where: '5: outcomes in reports',
    text: '<ul style="list-style-type: none"> Continue to develop the Annual Report to communicate outcomes to our stakeholders by June 2010. ',
    kind: 'deadline',
    dates: ['2010-06-30'],
  },
  {
    seed: '000',
    where: '5: benchmarking',
    text: '<ul style="list-style-type: none"> Agree and roll-out a corporate Value for Money benchmarking process by July 2010. ',
    kind: 'deadline',
    dates: ['2010-07-31'],
  },
  {
    seed: '000',
    where: '5: align with partners',
    text: '<ul style="list-style-type: none"> Quarterly data sharing and reporting of Wyre Forest District Council contribution to the Local Area Agreement to the Council and LSP. July 2010, October 2010, January 2011 & April 2011. ',
    kind: 'milestones',
    dates: QUARTERLY_2010_11,
    dueOn: QUARTERLY_DUE_ON,
  },
  {
    seed: '000',
    where: 'Learning and reviewing 6',
    text: '<ul style="list-style-type: none"> Develop analysis of performance through Business Plan monitoring and the Corporate Performance Clinics. Constant process. ',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '000',
    where: 'Embedding the performance culture 7: roll-out',
    text: '<ul style="list-style-type: none"> Continue rolling out training to officers and Members. Ongoing Performance Management to continue to be driven by Transformation Board. ',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '000',
    where: 'Embedding the performance culture 7: awareness-raising',
    text: '<ul style="list-style-type: none"> Continue awareness raising sessions with Members. Ongoing ',
    kind: 'ongoing',
    dates: [],
  },
];

export const SEED_003: readonly CorpusEntry[] = [
  // Recommendation 5
  {
    seed: '003',
    where: 'R5 a)',
    text: 'Discussions to be completed by June 2007 and the detailed implementation plan in place by December 2007, with a view to the new arrangements operating from 1 April 2008',
    kind: 'milestones',
    dates: ['2007-06-30', '2007-12-31'],
    dueOn: [
      { today: '2007-01-15', due: '2007-06-30' },
      { today: '2007-07-01', due: '2007-12-31' },
      { today: '2008-04-01', due: '2007-12-31' },
    ],
  },
  {
    seed: '003',
    where: 'R5 b)',
    text: 'Integrated arrangements to be operating from the time public service arrangements are operational',
    kind: 'not understood',
    dates: [],
  },
  // Recommendation 1
  { seed: '003', where: 'R1 a)', text: '30 January 2007', kind: 'deadline', dates: ['2007-01-30'] },
  { seed: '003', where: 'R1 b)', text: '22 February 2007', kind: 'deadline', dates: ['2007-02-22'] },
  { seed: '003', where: 'R1 c)', text: 'End February 2007', kind: 'deadline', dates: ['2007-02-28'] },
  { seed: '003', where: 'R1 d)', text: 'March 2007', kind: 'deadline', dates: ['2007-03-31'] },
  { seed: '003', where: 'R1 e)', text: 'From 1 April 2007', kind: 'start', dates: [], start: '2007-04-01' },
  { seed: '003', where: 'R1 f)', text: 'April 2007', kind: 'deadline', dates: ['2007-04-30'] },
  { seed: '003', where: 'R1 g)', text: 'February 2008', kind: 'deadline', dates: ['2008-02-29'] },
  { seed: '003', where: 'R1 h)', text: 'End February 2007', kind: 'deadline', dates: ['2007-02-28'] },
  {
    seed: '003',
    where: 'R1 i)',
    text: 'As set out in the separate communications plan',
    kind: 'not understood',
    dates: [],
  },
  // Recommendation 6
  { seed: '003', where: 'R6 a)', text: 'As for Recc.1', kind: 'inherited', dates: [], inheritsFrom: ['1'] },
  { seed: '003', where: 'R6 b)', text: 'June 2007', kind: 'deadline', dates: ['2007-06-30'] },
  {
    seed: '003',
    where: 'R6 c)',
    text: 'October 2007 November 2007',
    kind: 'milestones',
    dates: ['2007-10-31', '2007-11-30'],
    dueOn: [
      { today: '2007-10-31', due: '2007-10-31' },
      { today: '2007-11-01', due: '2007-11-30' },
      { today: '2008-01-01', due: '2007-11-30' },
    ],
  },
  // Recommendation 8
  { seed: '003', where: 'R8 a)', text: 'April 2007', kind: 'deadline', dates: ['2007-04-30'] },
  { seed: '003', where: 'R8 b)', text: 'June 2007', kind: 'deadline', dates: ['2007-06-30'] },
  // Recommendation 2
  {
    seed: '003',
    where: 'R2 a)',
    text: 'Operating from 1 April 2007',
    kind: 'start',
    dates: [],
    start: '2007-04-01',
  },
  { seed: '003', where: 'R2 b) i.', text: 'April 2007', kind: 'deadline', dates: ['2007-04-30'] },
  { seed: '003', where: 'R2 b) ii.', text: 'January to March 2007', kind: 'deadline', dates: ['2007-03-31'] },
  {
    seed: '003',
    where: 'R2 b) iii.',
    text: 'Operational from April 2007',
    kind: 'start',
    dates: [],
    start: '2007-04-01',
  },
  { seed: '003', where: 'R2 b) iv.', text: 'From April 2007', kind: 'start', dates: [], start: '2007-04-01' },
  // Recommendation 3
  { seed: '003', where: 'R3 a)', text: 'Before end March 2007', kind: 'deadline', dates: ['2007-03-31'] },
  { seed: '003', where: 'R3 b)', text: 'Before end March 2007', kind: 'deadline', dates: ['2007-03-31'] },
  { seed: '003', where: 'R3 c)', text: 'December 2007', kind: 'deadline', dates: ['2007-12-31'] },
  { seed: '003', where: 'R3 d)', text: 'At least monthly', kind: 'ongoing', dates: [] },
  { seed: '003', where: 'R3 e)', text: 'September 2007', kind: 'deadline', dates: ['2007-09-30'] },
  { seed: '003', where: 'R3 f)', text: 'June 2007', kind: 'deadline', dates: ['2007-06-30'] },
  // Recommendation 4
  {
    seed: '003',
    where: 'R4 a)',
    text: 'As for Reccs. 5, 1, 6, 8 and 2',
    kind: 'inherited',
    dates: [],
    inheritsFrom: ['5', '1', '6', '8', '2'],
  },
  { seed: '003', where: 'R4 b)', text: 'January 2007', kind: 'deadline', dates: ['2007-01-31'] },
  { seed: '003', where: 'R4 c)', text: 'January 2007', kind: 'deadline', dates: ['2007-01-31'] },
  { seed: '003', where: 'R4 d)', text: 'April 2007', kind: 'deadline', dates: ['2007-04-30'] },
  { seed: '003', where: 'R4 e)', text: 'Beginning May 2007', kind: 'start', dates: [], start: '2007-05-01' },
  { seed: '003', where: 'R4 f)', text: 'February 2008', kind: 'deadline', dates: ['2008-02-29'] },
  { seed: '003', where: 'R4 g) (heading row)', text: '', kind: 'not understood', dates: [] },
  { seed: '003', where: 'R4 g) i)', text: 'June 2007', kind: 'deadline', dates: ['2007-06-30'] },
  { seed: '003', where: 'R4 g) ii)', text: 'Continues', kind: 'ongoing', dates: [] },
  { seed: '003', where: 'R4 g) iii)', text: 'Continues', kind: 'ongoing', dates: [] },
  { seed: '003', where: 'R4 g) iv)', text: 'October 2007', kind: 'deadline', dates: ['2007-10-31'] },
  { seed: '003', where: 'R4 g) v)', text: 'From May 2007', kind: 'start', dates: [], start: '2007-05-01' },
  { seed: '003', where: 'R4 g) vi)', text: '', kind: 'not understood', dates: [] },
  // Recommendation 7
  { seed: '003', where: 'R7', text: 'September 2007', kind: 'deadline', dates: ['2007-09-30'] },
  // Recommendation 9
  {
    seed: '003',
    where: 'R9 a)',
    text: 'To be in operation from 1 April 2007',
    kind: 'start',
    dates: [],
    start: '2007-04-01',
  },
  { seed: '003', where: 'R9 b)', text: '1 April 2008', kind: 'deadline', dates: ['2008-04-01'] },
  {
    seed: '003',
    where: 'R9 c)',
    text: 'As for Reccs. 1 and 6',
    kind: 'inherited',
    dates: [],
    inheritsFrom: ['1', '6'],
  },
  // Recommendation 10
  { seed: '003', where: 'R10 a)', text: 'April 2007', kind: 'deadline', dates: ['2007-04-30'] },
  { seed: '003', where: 'R10 b)', text: 'June 2007', kind: 'deadline', dates: ['2007-06-30'] },
  { seed: '003', where: 'R10 c)', text: 'July 2007', kind: 'deadline', dates: ['2007-07-31'] },
  { seed: '003', where: 'R10 d)', text: '1 April 2007', kind: 'deadline', dates: ['2007-04-01'] },
  { seed: '003', where: 'R10 e)', text: '1 April 2008', kind: 'deadline', dates: ['2008-04-01'] },
  // Recommendation 11
  {
    seed: '003',
    where: 'R11',
    text: 'See Reccs. 9 and 10',
    kind: 'inherited',
    dates: [],
    inheritsFrom: ['9', '10'],
  },
  // Recommendation 12
  {
    seed: '003',
    where: 'R12 a)',
    text: 'Directors and Heads of Service by March, other tiers before the end of May 2007',
    kind: 'milestones',
    dates: ['2007-03-31', '2007-05-31'],
    dueOn: [
      { today: '2007-03-31', due: '2007-03-31' },
      { today: '2007-04-02', due: '2007-05-31' },
      { today: '2007-06-01', due: '2007-05-31' },
    ],
  },
  { seed: '003', where: 'R12 b)', text: 'As agreed with internal audit', kind: 'not understood', dates: [] },
  {
    seed: '003',
    where: 'R12 c)',
    text: 'May 2007 and annually thereafter',
    kind: 'deadline',
    dates: ['2007-05-31'],
  },
  { seed: '003', where: 'R12 d)', text: 'March 2007', kind: 'deadline', dates: ['2007-03-31'] },
  { seed: '003', where: 'R12 e)', text: 'April 2007', kind: 'deadline', dates: ['2007-04-30'] },
  // Recommendation 13
  { seed: '003', where: 'R13 a)', text: 'March 2007', kind: 'deadline', dates: ['2007-03-31'] },
  { seed: '003', where: 'R13 b)', text: 'April 2007', kind: 'deadline', dates: ['2007-04-30'] },
  // Recommendation 14
  { seed: '003', where: 'R14 a)', text: 'Immediately', kind: 'ongoing', dates: [] },
  {
    seed: '003',
    where: 'R14 b)',
    text: 'To be discussed with the Head of Communications during 2007',
    kind: 'deadline',
    dates: ['2007-12-31'],
  },
];

/** The roles table's When column (Appendix 1), one cell per role, bullets and all. */
export const SEED_002_ROLES: readonly CorpusEntry[] = [
  {
    seed: '002',
    where: 'Roles: Full Council',
    text: '<ul style="list-style-type: none"> • As required • Annually (Feb/Mar) • Annually (June)',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: Cabinet',
    text: '<ul style="list-style-type: none"> • As required • Annually (Apr) • Annually (Oct-Feb) • Monthly • As required (see App. 2)',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: Individual Cabinet Members',
    text: '<ul style="list-style-type: none"> • Continuous',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: Scrutiny Committees',
    text: '<ul style="list-style-type: none"> • See Appendix 2',
    kind: 'not understood',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: CMT',
    text: '<ul style="list-style-type: none"> • As required • Annually • See Appendix 2',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: DMTs',
    text: '<ul style="list-style-type: none"> • As required • Continuous • See Appendix 2',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: Section Managers',
    text: '<ul style="list-style-type: none"> • Continuous',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: All Employees',
    text: '<ul style="list-style-type: none"> • Continuous • Continuous',
    kind: 'ongoing',
    dates: [],
  },
  {
    seed: '002',
    where: 'Roles: Partnerships',
    text: '<ul style="list-style-type: none"> • Continuous • Continuous • Continuous',
    kind: 'ongoing',
    dates: [],
  },
];

/** The action plans of 002 (Appendix 3) and 004 (Appendix 2) leave every timescale blank. */
export const BLANK_PLANS: readonly CorpusEntry[] = [
  {
    seed: '002',
    where: 'Appendix 3, Timescale column (all 16 actions)',
    text: '',
    kind: 'not understood',
    dates: [],
  },
  {
    seed: '004',
    where: 'Appendix 2, When column (all 16 actions)',
    text: '',
    kind: 'not understood',
    dates: [],
  },
];

const tracker = (
  where: string,
  text: string,
  kind: TimescaleKind,
  dates: readonly IsoDate[] = [],
): CorpusEntry => ({
  seed: 'tracker',
  where,
  text,
  kind,
  dates,
});

/** How UK officers write timescales in internal-audit trackers (Target date and Revised date columns). */
export const TRACKERS: readonly CorpusEntry[] = [
  tracker('financial-year quarter: Q4 is January to March', 'Q4 2023/24', 'deadline', ['2024-03-31']),
  tracker('financial-year quarter: Q3 is October to December', 'Q3 2024/25', 'deadline', ['2024-12-31']),
  tracker('financial-year quarter: Q1 is April to June', 'Q1 2025/26', 'deadline', ['2025-06-30']),
  tracker('a month, "by the end of"', 'by the end of Feb 2023', 'deadline', ['2023-02-28']),
  tracker("Excel's month and two-digit year", 'Dec-24', 'deadline', ['2024-12-31']),
  tracker("Excel's day, month and two-digit year", '31-Dec-24', 'deadline', ['2024-12-31']),
  tracker('a day with a two-digit year', '31 Dec 24', 'deadline', ['2024-12-31']),
  tracker('week commencing: due at the end of that week', 'w/c 3 June 2024', 'deadline', ['2024-06-09']),
  tracker('a month, then ongoing: the dated part can fall overdue', 'July 2023 and ongoing', 'deadline', [
    '2023-07-31',
  ]),
  tracker('a financial year alone', '2024/25', 'deadline', ['2025-03-31']),
  {
    ...tracker(
      'recurring reports: each listed month, every year',
      'Quarterly, reported in October and March',
      'milestones',
    ),
    recurring: [3, 10],
    dueOn: [
      { today: '2024-06-01', due: '2024-10-31' },
      { today: '2024-10-31', due: '2024-10-31' },
      { today: '2024-11-01', due: '2025-03-31' },
      { today: '2025-04-01', due: '2025-10-31' },
    ],
  },
  {
    ...tracker('recurring once a year', 'Annually in March', 'milestones'),
    recurring: [3],
    dueOn: [{ today: '2024-04-01', due: '2025-03-31' }],
  },
  tracker('done', 'Complete', 'completed'),
  tracker('done', 'Implemented', 'completed'),
  tracker('a day with no year is not guessed', '31st Dec', 'not understood'),
  tracker('a week with no year is not guessed', 'w/c 3 June', 'not understood'),
  tracker('a calendar year alone is not guessed (31 December or 31 March?)', '2025', 'not understood'),
  tracker('US order is not a UK date', '12/31/2024', 'not understood'),
];

export const CORPUS: readonly CorpusEntry[] = [
  ...SEED_000,
  ...SEED_003,
  ...SEED_002_ROLES,
  ...BLANK_PLANS,
  ...TRACKERS,
];
