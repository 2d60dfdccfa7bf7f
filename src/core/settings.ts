import type { IsoDate, Settings, StatusKey, StatusStyle } from './model';
import { DEFAULT_SETTINGS, STATUS_KEYS } from './model';

/** A cell value as the core receives it: dates already turned into days by the adapter. */
export type SettingValue = string | number | boolean | IsoDate;

interface SettingRow {
  readonly label: string;
  readonly note: string;
  readonly get: (s: Settings) => SettingValue;
  /** The values the cell offers as a dropdown. */
  readonly choices?: readonly string[];
  readonly isDate?: boolean;
}

const YES_NO = ['Yes', 'No'];
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');

const STATUS_NAMES: Record<StatusKey, string> = {
  overdue: 'Overdue',
  check: 'Check Progress',
  inProgress: 'In Progress',
  completed: 'Completed',
  closed: 'Closed',
};

/** The rows of the Settings sheet, in order: label, what it means, and its default. */
export const SETTING_ROWS: readonly SettingRow[] = [
  { label: 'Plan name', note: 'Shown in emails and the paper.', get: (s) => s.planName },
  { label: 'Owner email', note: 'Gets the weekly summary.', get: (s) => s.ownerEmail },
  { label: 'Committee', note: 'Committee the briefing paper goes to.', get: (s) => s.committee },
  { label: 'Meeting date', note: 'Date of the meeting.', get: (s) => s.meetingDate ?? '', isDate: true },
  { label: 'Agenda item', note: 'Agenda item number.', get: (s) => s.agendaItem },
  { label: 'Report author', note: 'Name on the paper.', get: (s) => s.reportAuthor },
  { label: 'Report author title', note: 'Job title on the paper.', get: (s) => s.reportAuthorTitle },
  {
    label: 'Report author phone',
    note: 'Phone number under Officer Contact Details.',
    get: (s) => s.reportAuthorPhone,
  },
  {
    label: 'Report author email',
    note: 'Email under Officer Contact Details.',
    get: (s) => s.reportAuthorEmail,
  },
  { label: 'Paper title', note: 'Title of the briefing paper.', get: (s) => s.paperTitle },
  {
    label: 'Open or exempt',
    note: 'Open or Exempt.',
    get: (s) => s.openOrExempt,
    choices: ['Open', 'Exempt'],
  },
  {
    label: 'Check window (days)',
    note: 'Due within this many days: Check Progress.',
    get: (s) => s.checkWindowDays,
  },
  {
    label: 'Stale window (days)',
    note: 'Progress older than this many days: Check Progress.',
    get: (s) => s.staleWindowDays,
  },
  {
    label: 'Reminder day',
    note: 'Day the weekly digest goes out.',
    get: (s) => s.reminderDay,
    choices: DAYS,
  },
  { label: 'Reminder hour', note: 'Hour (0-23) the weekly digest goes out.', get: (s) => s.reminderHour },
  {
    label: 'Paper folder',
    note: 'Drive folder the register makes for papers.',
    get: (s) => s.paperFolderName,
  },
  {
    label: 'Paper PDF',
    note: 'Yes: save a PDF beside each paper.',
    get: (s) => yesNo(s.paperPdf),
    choices: YES_NO,
  },
  {
    label: 'Completed in own table',
    note: 'Yes: the paper lists completed actions in a table of their own.',
    get: (s) => yesNo(s.completedInOwnTable),
    choices: YES_NO,
  },
  {
    label: 'Priorities',
    note: 'The Priority dropdown, most urgent first, separated by commas.',
    get: (s) => s.priorities.join(', '),
  },
  {
    label: 'Extension limit',
    note: 'An action extended more times than this is flagged for the committee.',
    get: (s) => s.extensionLimit,
  },
  {
    label: 'Revised date stops overdue',
    note: 'Yes: an action is overdue against its revised due date. No: against its original date.',
    get: (s) => yesNo(s.revisedDateStopsOverdue),
    choices: YES_NO,
  },
  {
    label: 'Coming up window (days)',
    note: 'Actions due within this many days are listed as coming up in the weekly digest.',
    get: (s) => s.comingUpDays,
  },
  {
    label: 'Escalation (weeks overdue)',
    note: "Overdue for more than this many weeks: the lead's manager (Officers, Reports to) is copied in.",
    get: (s) => s.escalationWeeks,
  },
  {
    label: 'Completion needs sign-off',
    note: "Yes: an officer's completion waits for the owner's sign-off before it counts.",
    get: (s) => yesNo(s.signOffRequired),
    choices: YES_NO,
  },
  {
    label: 'Glossary',
    note: 'Abbreviations for the paper, one "CMT – Corporate Management Team" a line.',
    get: (s) => s.glossary,
  },
  ...STATUS_KEYS.flatMap((key): SettingRow[] => [
    {
      label: `${STATUS_NAMES[key]} label`,
      note: 'Text of this status in the Status column.',
      get: (s) => s.statuses[key].label,
    },
    {
      label: `${STATUS_NAMES[key]} colour`,
      note: 'Background colour of this status (#rrggbb).',
      get: (s) => s.statuses[key].background,
    },
  ]),
];

/**
 * The status labels, each unique: two statuses with one label could not be told apart in the Status column, so
 * a label that another status also has is refused and the status keeps its default (defaults differ).
 */
function statusLabels(requested: (key: StatusKey) => string, problems: string[]): Record<StatusKey, string> {
  const labels = Object.fromEntries(STATUS_KEYS.map((k) => [k, requested(k)])) as Record<StatusKey, string>;
  for (let clash = true; clash;) {
    clash = false;
    const count = new Map<string, number>();
    for (const k of STATUS_KEYS) count.set(normal(labels[k]), (count.get(normal(labels[k])) ?? 0) + 1);
    for (const k of STATUS_KEYS) {
      const fallback = DEFAULT_SETTINGS.statuses[k].label;
      if ((count.get(normal(labels[k])) ?? 0) < 2 || labels[k] === fallback) continue;
      problems.push(
        `Settings "${STATUS_NAMES[k]} label": "${labels[k]}" is also the label of another status; using ${fallback}.`,
      );
      labels[k] = fallback;
      clash = true;
    }
  }
  return labels;
}

export interface SettingsReading {
  readonly settings: Settings;
  /** One line per value that could not be used, naming the setting; its default is used instead. */
  readonly problems: readonly string[];
}

const normal = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads the Settings sheet's label/value pairs; a missing or bad value falls back to its default. */
export function parseSettings(pairs: ReadonlyMap<string, SettingValue>): SettingsReading {
  const problems: string[] = [];
  const byLabel = new Map<string, SettingValue>();
  for (const [label, value] of pairs) byLabel.set(normal(label), value);
  const text = (label: string, fallback: string): string => {
    const v = byLabel.get(normal(label));
    return v === undefined || String(v).trim() === '' ? fallback : String(v).trim();
  };
  const whole = (label: string, fallback: number, min: number, max: number): number => {
    const raw = text(label, String(fallback));
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(
        `Settings "${label}": "${raw}" is not a whole number from ${min} to ${max}; using ${fallback}.`,
      );
      return fallback;
    }
    return n;
  };
  const flag = (label: string, fallback: boolean): boolean => {
    const raw = normal(text(label, yesNo(fallback)));
    if (['yes', 'y', 'true'].includes(raw)) return true;
    if (['no', 'n', 'false'].includes(raw)) return false;
    problems.push(`Settings "${label}": "${raw}" is not Yes or No; using ${yesNo(fallback)}.`);
    return fallback;
  };
  const colour = (label: string, fallback: string): string => {
    const raw = text(label, fallback);
    if (/^#[0-9a-f]{6}$/i.test(raw)) return raw.toLowerCase();
    problems.push(`Settings "${label}": "${raw}" is not a colour like #e06666; using ${fallback}.`);
    return fallback;
  };
  const list = (label: string, fallback: readonly string[]): readonly string[] => {
    const items = text(label, '')
      .split(/\s*[,;\n]\s*/)
      .filter((item) => item !== '');
    return items.length > 0 ? items : fallback;
  };
  const d = DEFAULT_SETTINGS;
  const labels = statusLabels((key) => text(`${STATUS_NAMES[key]} label`, d.statuses[key].label), problems);
  const statuses = Object.fromEntries(
    STATUS_KEYS.map((key): [StatusKey, StatusStyle] => [
      key,
      {
        label: labels[key],
        background: colour(`${STATUS_NAMES[key]} colour`, d.statuses[key].background),
        fontColor: d.statuses[key].fontColor,
      },
    ]),
  ) as Record<StatusKey, StatusStyle>;
  let reminderDay = text('Reminder day', d.reminderDay);
  const day = DAYS.find((name) => normal(name) === normal(reminderDay));
  if (!day)
    problems.push(`Settings "Reminder day": "${reminderDay}" is not a day of the week; using Monday.`);
  reminderDay = day ?? d.reminderDay;
  const meeting = text('Meeting date', '');
  const meetingDate = /^\d{4}-\d{2}-\d{2}$/.test(meeting) ? meeting : null;
  if (meeting !== '' && meetingDate === null)
    problems.push(`Settings "Meeting date": "${meeting}" is not a date.`);
  const exempt = normal(text('Open or exempt', d.openOrExempt)) === 'exempt';
  return {
    settings: {
      planName: text('Plan name', d.planName),
      ownerEmail: text('Owner email', d.ownerEmail),
      committee: text('Committee', d.committee),
      meetingDate,
      agendaItem: text('Agenda item', d.agendaItem),
      reportAuthor: text('Report author', d.reportAuthor),
      reportAuthorTitle: text('Report author title', d.reportAuthorTitle),
      reportAuthorPhone: text('Report author phone', d.reportAuthorPhone),
      reportAuthorEmail: text('Report author email', d.reportAuthorEmail),
      paperTitle: text('Paper title', d.paperTitle),
      openOrExempt: exempt ? 'Exempt' : 'Open',
      checkWindowDays: whole('Check window (days)', d.checkWindowDays, 0, 366),
      staleWindowDays: whole('Stale window (days)', d.staleWindowDays, 1, 3660),
      statuses,
      reminderDay,
      reminderHour: whole('Reminder hour', d.reminderHour, 0, 23),
      // A blank folder name means the Drive root, so only a missing row takes the default.
      paperFolderName: byLabel.has(normal('Paper folder'))
        ? String(byLabel.get(normal('Paper folder'))).trim()
        : d.paperFolderName,
      paperPdf: flag('Paper PDF', d.paperPdf),
      completedInOwnTable: flag('Completed in own table', d.completedInOwnTable),
      priorities: list('Priorities', d.priorities),
      extensionLimit: whole('Extension limit', d.extensionLimit, 0, 99),
      revisedDateStopsOverdue: flag('Revised date stops overdue', d.revisedDateStopsOverdue),
      comingUpDays: whole('Coming up window (days)', d.comingUpDays, 0, 366),
      escalationWeeks: whole('Escalation (weeks overdue)', d.escalationWeeks, 1, 520),
      signOffRequired: flag('Completion needs sign-off', d.signOffRequired),
      glossary: byLabel.has(normal('Glossary')) ? String(byLabel.get(normal('Glossary'))).trim() : d.glossary,
    },
    problems,
  };
}
