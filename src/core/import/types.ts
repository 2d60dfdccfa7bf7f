/**
 * What an import of a plan produces, step by step (read cells → find the header and map columns → classify rows
 * → build actions → match against the register → report). The adapter writes these; the core decides them.
 */
import type { Action, Closure, IsoDate, Officer } from '../model';
import type { LeadResolution } from '../officers';

/**
 * Where a plan column goes. Most are register fields; 'finding' (the issue a recommendation answers) goes to the
 * KLOE field when the plan has no KLOE column, else it is kept as an extra column; 'progressDate' is the day the
 * progress was last updated (a Last updated column, or a "Progress to 31 July 2010" header).
 */
export type ImportField =
  | 'id'
  | 'ref'
  | 'source'
  | 'kloe'
  | 'finding'
  | 'recommendation'
  | 'action'
  | 'priority'
  | 'timescale'
  | 'dueDate'
  | 'revisedDueDate'
  | 'extensionReason'
  | 'lead'
  | 'progress'
  | 'progressDate'
  | 'status'
  | 'completedOn';

/** A combined "KLOE & Rec." column, split into KLOE, recommendation number and recommendation. */
export type CombinedField = 'kloeRec';

/**
 * The officer's own mapping of plan headers, which overrides recognition: header text (compared ignoring case,
 * spacing and punctuation) to a field, or 'extra' to keep the column as an extra column of the register.
 */
export type ColumnMapping = Readonly<Record<string, ImportField | CombinedField | 'extra'>>;

/** The grade a priority cell means, whatever words the plan uses (High / 1 / Red ...); null when not understood. */
export type PriorityLevel = 'high' | 'medium' | 'low' | null;

/** A column of the plan the register has no field for: the adapter adds it to the register under `header`. */
export interface ExtraColumn {
  /** The plan's header text, "Column N" when blank, with " (plan column N)" added where it would clash. */
  readonly header: string;
  /** 1-based column of the plan (of the first table that has it). */
  readonly column: number;
}

/** One action as read from the plan. Text is exactly as written unless a report line on its row says otherwise. */
export interface ImportedAction {
  /** The Action ID column of a register export, '' otherwise. */
  readonly id: string;
  readonly ref: string;
  readonly source: string;
  readonly kloe: string;
  readonly recommendation: string;
  readonly action: string;
  /** Priority as written, and the grade it means. */
  readonly priority: string;
  readonly priorityLevel: PriorityLevel;
  /** The timescale as written (a Target date column's text when the plan has no Timescale column). */
  readonly timescale: string;
  /** The original due date. */
  readonly dueDate: IsoDate | null;
  /** A revised date in the plan: an extension agreed before import. */
  readonly revisedDueDate: IsoDate | null;
  readonly extensionReason: string;
  readonly lead: string;
  /** Which officers the lead names, when officers were given; null otherwise. */
  readonly leads: LeadResolution | null;
  readonly progress: string;
  /** The day the progress was reported to, where the plan says. */
  readonly progressDate: IsoDate | null;
  /** The plan's status text, exactly as written ('' when none). */
  readonly planStatus: string;
  /** What the plan's status (or a "Complete" timescale, or a completion date) means for the register. */
  readonly closure: Closure;
  readonly completedOn: IsoDate | null;
  /** Cells of the extra columns, aligned with ImportResult.extraColumns ('' where blank). */
  readonly extras: readonly string[];
  /** 1-based rows of the plan this action came from, in order. */
  readonly sourceRows: readonly number[];
}

/** A line of the import report: always names a row of the plan. */
export interface ReportLine {
  /** 1-based row of the plan. */
  readonly row: number;
  /** Where the line covers a block of rows, the last of them. */
  readonly lastRow?: number;
  /** The plan's header of the column concerned, when the line is about one cell. */
  readonly column?: string;
  readonly problem: string;
  /** What was kept, and where. */
  readonly kept: string;
  /** The text concerned, exactly as written, when no action field holds it (left out, converted, not a date). */
  readonly text?: string;
}

/** A header the import did not understand: the adapter asks the officer once what it is (a mapping). */
export interface UnknownHeader {
  readonly row: number;
  /** 1-based column. */
  readonly column: number;
  /** As written ('' for a blank header over cells with text). */
  readonly header: string;
}

/** An action already in the register, as the re-import compares it (fields not given are not compared). */
export type RegisterAction = Pick<Action, 'id' | 'ref' | 'action'> &
  Partial<Omit<Action, 'id' | 'ref' | 'action'>>;

/** The register fields a re-import may update, in the order it compares them. */
export const UPDATABLE_FIELDS = [
  'ref',
  'source',
  'kloe',
  'recommendation',
  'action',
  'priority',
  'timescale',
  'dueDate',
  'revisedDueDate',
  'extensionReason',
  'lead',
  'progress',
  'closure',
] as const;

export type UpdatableField = (typeof UPDATABLE_FIELDS)[number];

/** One field of one register action that the plan changes: written into History "by import". */
export interface ActionUpdate {
  /** The register action's stable id, and its index in the `existing` list given. */
  readonly id: string;
  readonly existing: number;
  /** The register's ref before the import (History's Ref column). */
  readonly ref: string;
  readonly field: UpdatableField;
  /** Values as text: dates as YYYY-MM-DD, closure as 'completed' or 'closed', '' for none. */
  readonly oldValue: string;
  readonly newValue: string;
}

/** Which rule recognised a plan action as one already in the register. */
export type MatchRule = 'same id' | 'same ref and text' | 'same text, ref changed' | 'same ref, text edited';

export interface ActionMatch {
  /** Index into ImportResult.actions. */
  readonly action: number;
  /** Index into the `existing` list, and that action's id. */
  readonly existing: number;
  readonly id: string;
  readonly rule: MatchRule;
}

/** A plan action the register does not have. */
export interface NewAction {
  /** Index into ImportResult.actions. */
  readonly action: number;
  /**
   * Where it stands: the id of the register action it follows in the plan (null: before them all). Several new
   * actions after the same one keep plan order.
   */
  readonly after: string | null;
  /** The index in `existing` of that action (null with `after`). */
  readonly afterExisting: number | null;
}

/** A register action: its stable id and its index in the `existing` list given. */
export interface RegisterRef {
  readonly id: string;
  readonly existing: number;
}

/** The plan of changes a (re-)import makes to the register. With no register actions, every action is new. */
export interface ImportChanges {
  readonly added: readonly NewAction[];
  readonly updates: readonly ActionUpdate[];
  readonly matches: readonly ActionMatch[];
  /** Matched register actions the plan leaves as they are. */
  readonly unchanged: readonly RegisterRef[];
  /** Register actions the plan does not have: left alone. */
  readonly notInPlan: readonly RegisterRef[];
  /** "3 new, 2 updated, 7 unchanged". */
  readonly summary: string;
}

export interface ImportResult {
  /** Every action read from the plan, in plan order. */
  readonly actions: readonly ImportedAction[];
  readonly extraColumns: readonly ExtraColumn[];
  /** Every row not fully understood, every cell changed or left out, by row. */
  readonly report: readonly ReportLine[];
  /** Headers not understood (their columns are kept as extra columns): the adapter may ask for a mapping. */
  readonly unknownHeaders: readonly UnknownHeader[];
  readonly layout: string;
  readonly changes: ImportChanges;
  /** Set when no action could be imported: the adapter and runner show it and fail. */
  readonly error: string | null;
}

export interface ImportOptions {
  /** The day milestones are counted from. */
  readonly today: IsoDate;
  /** The register's actions, for a re-import. */
  readonly existing?: readonly RegisterAction[];
  /** The Officers sheet, to understand leads; without it leads are kept and not checked. */
  readonly officers?: readonly Officer[];
  /** The officer's answers for headers the import does not understand. */
  readonly mapping?: ColumnMapping;
}
