/** The domain of the register: actions, statuses and settings. Pure data, no Google types. */

/** A calendar day as `YYYY-MM-DD`, in the spreadsheet's time zone. Dates in the core are days, not instants. */
export type IsoDate = string;

/** The four statuses of the key (seed 000). Their labels and colours are settings. */
export type StatusKey = 'overdue' | 'check' | 'inProgress' | 'completed';

export const STATUS_KEYS: readonly StatusKey[] = ['overdue', 'check', 'inProgress', 'completed'];

/** How a timescale was understood (DESIGN.md, Timescales). */
export type TimescaleKind = 'deadline' | 'milestones' | 'ongoing' | 'start' | 'inherited' | 'not understood';

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
}

/** One row of the register, as the core sees it. */
export interface Action {
  readonly ref: string;
  readonly kloe: string;
  readonly recommendation: string;
  readonly action: string;
  readonly timescale: string;
  readonly dueDate: IsoDate | null;
  readonly revisedDueDate: IsoDate | null;
  readonly lead: string;
  readonly progress: string;
  readonly lastUpdated: IsoDate | null;
  /** The status label in the sheet (possibly typed by hand; the core decides what it should be). */
  readonly status: string;
  readonly completedOn: IsoDate | null;
  readonly extensions: number;
}

export interface Officer {
  readonly initials: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly email: string;
  readonly directorate: string;
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
}

export const DEFAULT_SETTINGS: Settings = {
  planName: 'Performance Management Action Plan',
  ownerEmail: '',
  committee: 'Corporate Resources Scrutiny Committee',
  meetingDate: null,
  agendaItem: '',
  reportAuthor: '',
  reportAuthorTitle: 'Policy & Performance Officer',
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
  },
  reminderDay: 'Monday',
  reminderHour: 8,
  paperFolderName: 'Action Plan Papers',
  paperPdf: false,
  completedInOwnTable: false,
};
