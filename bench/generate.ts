/**
 * Realistic registers for the benchmark: a council's action plan of any size, shaped like a register export
 * (Ref, KLOE, Recommendation, Action, Timescale, Lead, Progress, Status), with 20 officers, every status on
 * the reference day, and several leads on some actions. Deterministic: the same size gives the same plan.
 */
import type { StatusKey } from '../src/core/model';

/** The Monday the bench takes as today (a reminder day): the timescales below are set against it. */
export const BENCH_TODAY = '2010-09-06';
export const OFFICER_COUNT = 20;
export const PLAN_HEADER = [
  'Ref',
  'KLOE',
  'Recommendation',
  'Action',
  'Timescale',
  'Lead',
  'Progress',
  'Status',
] as const;

/** What each action's timescale is written to make it on BENCH_TODAY. */
export type IntendedStatus = StatusKey;

export interface GeneratedPlan {
  /** Header row first, as an officer pastes it into the Import sheet. */
  readonly grid: string[][];
  /** Initials, Name, Job title, Email, Directorate: one row per officer. */
  readonly officers: string[][];
  /** The status each action is meant to have on BENCH_TODAY, in plan order. */
  readonly intended: IntendedStatus[];
}

/** mulberry32: a small seeded generator, so a size always gives the same plan. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Twenty first names with different initial letters, so every officer's initials are their own.
const FIRST = [
  'Alex',
  'Bea',
  'Chris',
  'Dana',
  'Evan',
  'Farah',
  'Gita',
  'Hugh',
  'Imran',
  'Jo',
  'Kate',
  'Liam',
  'Maya',
  'Nick',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Sam',
  'Tom',
];
const LAST = [
  'Kendall',
  'Marsh',
  'Rowe',
  'Lowe',
  'Frost',
  'Hale',
  'Patel',
  'Quinn',
  'Sutton',
  'Walsh',
  'Young',
];
const TITLES = [
  'Head of Policy and Performance',
  'Policy and Performance Officer',
  'Performance Data Officer',
  'Head of Democratic Services',
  'Partnership Manager',
  'Corporate Director: Resources',
  'Head of Finance',
  'Communications Manager',
  'Customer Services Manager',
  'Business Improvement Officer',
];
const DIRECTORATES = [
  "Chief Executive's Office",
  'Resources',
  'Legal and Corporate Services',
  'Community and Partnership Services',
  'Planning and Regulatory Services',
];

/** 20 fictional officers with distinct two-letter initials and an email each. */
export function generateOfficers(): string[][] {
  return FIRST.slice(0, OFFICER_COUNT).map((first, i) => {
    const last = LAST[i % LAST.length];
    return [
      `${first[0]}${last[0]}`,
      `${first} ${last}`,
      TITLES[i % TITLES.length],
      `${first}.${last}@example.org`.toLowerCase(),
      DIRECTORATES[i % DIRECTORATES.length],
    ];
  });
}

const KLOES = [
  'Setting targets',
  'Collating performance data',
  'Monitoring and reporting performance data',
  'Learning and reviewing',
  'Embedding the performance culture',
  'Managing risk',
  'Value for money',
  'Partnership working',
];
const RECOMMENDATIONS = [
  'Ensure broad involvement in target-setting',
  'Increase awareness and role of the performance management system',
  'Improve clarity and scope of reporting',
  'Assess the impact of performance processes',
  'Corporate re-launch of the framework',
  'Strengthen data quality arrangements',
  'Align Council and partner processes more closely',
  'Report performance relative to resources and satisfaction levels',
];
const VERBS = ['Develop', 'Review', 'Agree', 'Embed', 'Publish', 'Roll out', 'Report', 'Establish'];
const OBJECTS = [
  'a more robust framework for Member involvement in target setting',
  'the Data Quality Policy and its required processes',
  'quarterly reporting of the Local Area Agreement to Council and the LSP',
  'the roles and reporting flowchart in the Performance Management Framework',
  'a corporate Value for Money benchmarking process',
  'Business Plan training and support for service managers',
  'the Annual Report to communicate outcomes to stakeholders',
  'analysis of performance through the Corporate Performance Clinics',
];
const PROGRESS = [
  'Member led Corporate Plan Review Panel established; first meeting held in June.',
  'Included in Business Plan refresher training. Performance indicator spot checks to commence shortly.',
  'First report produced and reported to Corporate Resources Scrutiny Committee in July.',
  'Flowchart updated to reflect the end of Comprehensive Area Assessment.',
  'Corporate approach to benchmarking agreed by CMT on 5 August.',
  'Exception reports provided to CMT, Cabinet and Scrutiny Committee.',
  'Liaising with Community Housing and the LSP on aligning performance systems.',
  '',
];

/** Timescales as plans write them, by the status they give on BENCH_TODAY (2010-09-06). */
const TIMESCALES: Record<IntendedStatus, readonly string[]> = {
  // Due dates already passed.
  overdue: ['by March 2010', 'End February 2010', '30 January 2010', 'June 2010', 'by end of July 2010'],
  // Due within the 28-day check window, or not understood, or ongoing with no progress date yet.
  check: ['by September 2010', '30 September 2010', 'As agreed with internal audit', 'Ongoing'],
  // Due later than the window, or starting later.
  inProgress: [
    'by March 2011',
    'December 2010',
    'July 2010, October 2010, January 2011 & April 2011',
    'From 1 April 2011',
    'Autumn 2010',
  ],
  // Done: any timescale, the officer marked it completed.
  completed: ['by June 2010', 'July 2010', 'by March 2011'],
  // Closed without being done (superseded, withdrawn): any timescale.
  closed: ['by June 2010', 'by March 2011'],
};

/** Every 20 actions hold this mix, so even a small plan shows every status. */
const STATUS_CYCLE: readonly IntendedStatus[] = [
  ...Array<IntendedStatus>(5).fill('overdue'),
  ...Array<IntendedStatus>(4).fill('check'),
  ...Array<IntendedStatus>(8).fill('inProgress'),
  ...Array<IntendedStatus>(2).fill('completed'),
  'closed',
];

const LETTERS = 'abcdefgh';

/**
 * A plan of `actions` actions: eight KLOEs, each with recommendations of 1 to 8 actions, refs lettered as
 * councils letter them ("3.12.c": KLOE, recommendation, action), one lead on most actions and two or three on
 * about a quarter ("AK, BM").
 */
export function generatePlan(actions: number, seed = 2010): GeneratedPlan {
  const next = random(seed + actions);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const officers = generateOfficers();
  const initials = officers.map((o) => o[0]);
  const grid: string[][] = [[...PLAN_HEADER]];
  const intended: IntendedStatus[] = [];
  let section = -1;
  let rec = 0;
  let left = 0;
  let letter = 0;
  let recommendation = '';
  for (let i = 0; i < actions; i++) {
    // The KLOEs divide the plan in equal blocks; recommendations are numbered within their KLOE.
    const kloeIndex = Math.floor((i * KLOES.length) / actions);
    if (kloeIndex !== section) {
      section = kloeIndex;
      rec = 0;
      left = 0;
    }
    if (left === 0) {
      rec++;
      left = 1 + Math.floor(next() * LETTERS.length);
      letter = 0;
      recommendation = `${rec}. ${pick(RECOMMENDATIONS)}`;
    }
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length];
    const leadCount = next() < 0.25 ? 2 + Math.floor(next() * 2) : 1;
    const leads = new Set<string>();
    while (leads.size < leadCount) leads.add(pick(initials));
    grid.push([
      `${section + 1}.${rec}.${LETTERS[letter]}`,
      KLOES[section],
      recommendation,
      `${pick(VERBS)} ${pick(OBJECTS)}`,
      pick(TIMESCALES[status]),
      [...leads].join(', '),
      pick(PROGRESS),
      // As plans say it: in a plan "Closed" means done, so one closed without being done says why.
      status === 'completed' ? 'Completed' : status === 'closed' ? 'Superseded' : '',
    ]);
    intended.push(status);
    left--;
    letter++;
  }
  return { grid, officers, intended };
}
