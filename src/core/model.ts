/** The domain of the register: actions, statuses and settings. Pure data, no Google types. */

/** A calendar day as `YYYY-MM-DD`, in the spreadsheet's time zone. Dates in the core are days, not instants. */
export type IsoDate = string;

/**
 * The four statuses of the key (seed 000), and Closed: closed without being done (superseded, withdrawn, risk
 * accepted), as real trackers have it. Their labels and colours are settings; a status is stored by its meaning.
 */
export type StatusKey = 'overdue' | 'check' | 'inProgress' | 'completed' | 'closed';

export const STATUS_KEYS: readonly StatusKey[] = ['overdue', 'check', 'inProgress', 'completed', 'closed'];

/**
 * What an officer decided about an action, stored by meaning and never read back from a label: completed (with
 * its date in Completed on where known), closed without being done, or null while it is open.
 */
export type Closure = 'completed' | 'closed' | null;

/** How a timescale was understood (DESIGN.md, Timescales). */
export type TimescaleKind =
  'deadline' | 'milestones' | 'ongoing' | 'start' | 'inherited' | 'completed' | 'not understood';

export interface Timescale {
  /** The text as written, kept whatever else is understood. */
  readonly text: string;
  readonly kind: TimescaleKind;
  /** Every date the text names as due, in order: one for a deadline, several for milestones. */
  readonly dates: readonly IsoDate[];
  /** For kind 'start': the day the action starts. */
  readonly start?: IsoDate;
  /** For kind 'inherited': the recommendations it refers to ("As for Reccs. 1 and 6" gives ['1', '6']). */
  readonly inheritsFrom?: readonly string[];
  /**
   * For milestones that recur every year ("Quarterly, reported in October and March"): the months, 1 to 12, each
   * due at its end; `dates` is then empty and the next one is due.
   */
  readonly recurring?: readonly number[];
}

/** One row of the register, as the core sees it. */
export interface Action {
  /** The action's stable identity: it survives sorting, inserting and deleting rows ('' until assigned). */
  readonly id: string;
  readonly ref: string;
  readonly kloe: string;
  readonly recommendation: string;
  readonly action: string;
  readonly timescale: string;
  /** High, Medium, Low or however the plan grades it ('' when it does not). */
  readonly priority: string;
  /** The audit or report the action answers ('' when the plan does not say). */
  readonly source: string;
  /** The original due date. */
  readonly dueDate: IsoDate | null;
  readonly revisedDueDate: IsoDate | null;
  /** Why the due date was revised. */
  readonly extensionReason: string;
  readonly lead: string;
  readonly progress: string;
  readonly lastUpdated: IsoDate | null;
  /** The status label in the sheet (possibly typed by hand; the core decides what it should be). */
  readonly status: string;
  readonly closure: Closure;
  readonly completedOn: IsoDate | null;
  readonly extensions: number;
  /**
   * The day the lead last said "no change this week" (My actions). Not a cell of the register: it spares the
   * action the stale rule for that week only, and Last updated keeps the day the progress really changed.
   */
  readonly noChangeOn?: IsoDate | null;
}

export interface Officer {
  readonly initials: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly email: string;
  readonly directorate: string;
  /** The lead's manager (initials, name or email of another officer), for escalation; '' when not given. */
  readonly reportsTo: string;
}

export interface StatusStyle {
  readonly label: string;
  readonly background: string;
  readonly fontColor: string;
}

export interface Settings {
  readonly planName: string;
  readonly ownerEmail: string;
  readonly committee: string;
  readonly meetingDate: IsoDate | null;
  readonly agendaItem: string;
  readonly reportAuthor: string;
  readonly reportAuthorTitle: string;
  /** Officer Contact Details on the paper. */
  readonly reportAuthorPhone: string;
  readonly reportAuthorEmail: string;
  readonly paperTitle: string;
  readonly openOrExempt: 'Open' | 'Exempt';
  /** Not completed and due within this many days: Check Progress. */
  readonly checkWindowDays: number;
  /** Progress not updated for this many days: Check Progress. */
  readonly staleWindowDays: number;
  readonly statuses: Readonly<Record<StatusKey, StatusStyle>>;
  /** Day of the weekly digest, e.g. 'Monday'. */
  readonly reminderDay: string;
  /** Hour of the weekly digest, 0-23, in the spreadsheet's time zone. */
  readonly reminderHour: number;
  /** The Drive folder the briefing paper goes into, when the register created it. */
  readonly paperFolderName: string;
  readonly paperPdf: boolean;
  readonly completedInOwnTable: boolean;
  /** The grades of the Priority dropdown, most urgent first. */
  readonly priorities: readonly string[];
  /** An action extended more times than this is flagged for the committee. */
  readonly extensionLimit: number;
  /** True: a revised due date decides whether an action is overdue; false: the original date does. */
  readonly revisedDateStopsOverdue: boolean;
  /** Actions due within this many days are listed as "coming up" in the weekly digest. */
  readonly comingUpDays: number;
  /** An action overdue for more than this many weeks copies the lead's manager into the digest. */
  readonly escalationWeeks: number;
  /** True: an officer's completion waits for the owner's sign-off before it counts. */
  readonly signOffRequired: boolean;
  /** Abbreviations for the paper's glossary, one "CMT – Corporate Management Team" a line. */
  readonly glossary: string;
}

export const DEFAULT_SETTINGS: Settings = {
  planName: 'Performance Management Action Plan',
  ownerEmail: '',
  committee: 'Corporate Resources Scrutiny Committee',
  meetingDate: null,
  agendaItem: '',
  reportAuthor: '',
  reportAuthorTitle: 'Policy & Performance Officer',
  reportAuthorPhone: '',
  reportAuthorEmail: '',
  paperTitle: 'Performance Management Action Plan Update',
  openOrExempt: 'Open',
  checkWindowDays: 28,
  staleWindowDays: 60,
  statuses: {
    overdue: { label: 'Overdue', background: '#e06666', fontColor: '#000000' },
    check: { label: 'Check Progress', background: '#ffd966', fontColor: '#000000' },
    inProgress: {
      label: 'In Progress but not reached due date',
      background: '#93c47d',
      fontColor: '#000000',
    },
    completed: { label: 'Completed', background: '#6fa8dc', fontColor: '#000000' },
    closed: { label: 'Closed', background: '#b7b7b7', fontColor: '#000000' },
  },
  reminderDay: 'Monday',
  reminderHour: 8,
  paperFolderName: 'Action Plan Papers',
  paperPdf: false,
  completedInOwnTable: false,
  priorities: ['High', 'Medium', 'Low'],
  extensionLimit: 2,
  revisedDateStopsOverdue: true,
  comingUpDays: 14,
  escalationWeeks: 4,
  signOffRequired: true,
  glossary: '',
};

/** An action with every field empty: the base that readers and tests fill in. */
export const BLANK_ACTION: Action = {
  id: '',
  ref: '',
  kloe: '',
  recommendation: '',
  action: '',
  timescale: '',
  priority: '',
  source: '',
  dueDate: null,
  revisedDueDate: null,
  extensionReason: '',
  lead: '',
  progress: '',
  lastUpdated: null,
  status: '',
  closure: null,
  completedOn: null,
  extensions: 0,
};
