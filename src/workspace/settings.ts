import type { SettingValue, SettingsReading } from '../core/settings';
import { SETTING_ROWS, parseSettings } from '../core/settings';
import { DEFAULT_SETTINGS } from '../core/model';
import type { Officer } from '../core/model';
import { officerProblems } from '../core/officers';
import type { OfficerRow } from '../core/officers';
import { toIsoDate } from '../core/dates';
import { HEADER_BACKGROUND, HEADER_FONT_COLOR, SHEET, ensureSheet } from './sheets';

export const SETTINGS_HEADERS = ['Setting', 'Value', 'About'] as const;
export const KLOE_HEADER = 'Key lines of enquiry';
/** Column (1-based) of the KLOE list on the Settings sheet, the source of the KLOE dropdown. */
export const KLOE_COLUMN = 5;
/** A KLOE longer than this is not offered in the dropdown: a dropdown of paragraphs cannot be read. */
const KLOE_LIST_LIMIT = 250;
export const OFFICER_HEADERS = [
  'Initials',
  'Name',
  'Job title',
  'Email',
  'Directorate',
  'Reports to',
] as const;

export interface SettingsSheet extends SettingsReading {
  readonly kloes: readonly string[];
  /** The last row of the KLOE list (1, the header, when the list is empty): new KLOEs go below it. */
  readonly kloeLastRow: number;
}

/** Reads Settings with one getValues; a register without a Settings sheet runs on the defaults. */
export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): SettingsSheet {
  const sheet = ss.getSheetByName(SHEET.settings);
  if (!sheet) return { settings: DEFAULT_SETTINGS, problems: [], kloes: [], kloeLastRow: 1 };
  const values = sheet.getDataRange().getValues();
  const pairs = new Map<string, SettingValue>();
  const kloes: string[] = [];
  values.slice(1).forEach((row) => {
    const label = String(row[0] ?? '').trim();
    const value: unknown = row[1];
    if (label !== '') pairs.set(label, value instanceof Date ? toIsoDate(value, timeZone) : cellValue(value));
    const kloe = String(row[KLOE_COLUMN - 1] ?? '').trim();
    if (kloe !== '') kloes.push(kloe);
  });
  return { ...parseSettings(pairs), kloes, kloeLastRow: Math.max(1, lastFilledRow(values, KLOE_COLUMN - 1)) };
}

function cellValue(value: unknown): SettingValue {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') return String(value);
  return String(value ?? '');
}

/** Creates the Settings sheet with defaults, or adds the rows it lacks; values officers set are kept. */
export function ensureSettingsSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ensureSheet(ss, SHEET.settings, SETTINGS_HEADERS);
  const values = sheet.getDataRange().getValues();
  const present = new Set(values.slice(1).map((row) => String(row[0]).trim().toLowerCase()));
  const missing = SETTING_ROWS.filter((row) => !present.has(row.label.toLowerCase()));
  if (missing.length > 0) {
    const lastRow = Math.max(1, lastFilledRow(values, 0));
    sheet
      .getRange(lastRow + 1, 1, missing.length, 3)
      .setValues(missing.map((row) => [row.label, row.get(DEFAULT_SETTINGS), row.note]));
    // Dropdowns and dates where a setting has a fixed set of answers, so a typo cannot switch a feature off.
    missing.forEach((row, i) => {
      const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false);
      if (row.choices) builder.requireValueInList([...row.choices], true);
      else if (row.isDate) builder.requireDate();
      else return;
      sheet.getRange(lastRow + 1 + i, 2).setDataValidation(builder.build());
    });
  }
  if (String(values[0]?.[KLOE_COLUMN - 1] ?? '') !== KLOE_HEADER) {
    const header = sheet.getRange(1, KLOE_COLUMN);
    header
      .setValue(KLOE_HEADER)
      .setFontWeight('bold')
      .setFontColor(HEADER_FONT_COLOR)
      .setBackground(HEADER_BACKGROUND);
    sheet
      .setColumnWidth(1, 200)
      .setColumnWidth(2, 260)
      .setColumnWidth(3, 360)
      .setColumnWidth(KLOE_COLUMN, 320);
  }
  return sheet;
}

/**
 * Adds KLOEs the list lacks (from an import), keeping the officers' own order: one write at most, from the
 * Settings already read. A KLOE longer than a dropdown can show (a finding used as the KLOE) is left out of it.
 */
export function addKloes(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  read: Pick<SettingsSheet, 'kloes' | 'kloeLastRow'>,
  kloes: readonly string[],
): number {
  const known = new Set(read.kloes);
  const fresh = [...new Set(kloes.map((k) => k.trim()))].filter(
    (k) => k !== '' && k.length <= KLOE_LIST_LIMIT && !known.has(k),
  );
  if (fresh.length === 0) return 0;
  const sheet = ss.getSheetByName(SHEET.settings) ?? ensureSettingsSheet(ss);
  const needed = read.kloeLastRow + fresh.length - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  const range = sheet.getRange(read.kloeLastRow + 1, KLOE_COLUMN, fresh.length, 1);
  range.setNumberFormat('@');
  range.setValues(fresh.map((k) => [k]));
  return fresh.length;
}

export interface OfficersSheet {
  readonly officers: Officer[];
  /** Each names the row and what is wrong: shared initials or emails, a malformed email, a missing column. */
  readonly problems: string[];
}

/** The officers list, read with one getValues; columns found by header. */
export function readOfficers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): OfficersSheet {
  const sheet = ss.getSheetByName(SHEET.officers);
  if (!sheet) return { officers: [], problems: [] };
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const find = (...names: string[]): number =>
    header.findIndex((h) => names.includes(String(h).trim().toLowerCase().replace(/\s+/g, ' ')));
  const col = {
    initials: find('initials'),
    name: find('name', 'full name'),
    jobTitle: find('job title', 'title', 'role'),
    email: find('email', 'e-mail', 'email address'),
    directorate: find('directorate', 'service', 'department'),
    reportsTo: find('reports to', 'manager', 'line manager'),
  };
  const at = (row: unknown[], i: number): string => (i < 0 ? '' : String(row[i] ?? '').trim());
  const read: OfficerRow[] = rows
    .map((row, i) => ({
      row: i + 2,
      officer: {
        initials: at(row, col.initials),
        name: at(row, col.name),
        jobTitle: at(row, col.jobTitle),
        email: at(row, col.email),
        directorate: at(row, col.directorate),
        reportsTo: at(row, col.reportsTo),
      },
    }))
    .filter(({ officer: o }) => o.initials !== '' || o.name !== '' || o.email !== '');
  const required: [string, number][] = [
    ['Initials', col.initials],
    ['Name', col.name],
    ['Email', col.email],
  ];
  const problems = [
    ...required
      .filter(([, index]) => index < 0)
      .map(
        ([h]) => `The Officers sheet has no ${h} column: add it, or rename the column that holds it to ${h}.`,
      ),
    ...officerProblems(read),
  ];
  return { officers: read.map((r) => r.officer), problems };
}

export function ensureOfficersSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const existed = ss.getSheetByName(SHEET.officers) !== null;
  const sheet = ensureSheet(ss, SHEET.officers, OFFICER_HEADERS);
  if (!existed) {
    sheet.setColumnWidth(1, 80).setColumnWidth(2, 200).setColumnWidth(3, 260).setColumnWidth(4, 260);
    sheet.setColumnWidth(5, 220).setColumnWidth(6, 140);
    const rows = sheet.getMaxRows() - 1;
    sheet.getRange(2, 1, rows, OFFICER_HEADERS.length).setNumberFormat('@');
    // A digest cannot go to an address MailApp refuses: the cell says so as it is typed.
    sheet
      .getRange(2, 4, rows, 1)
      .setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireTextIsEmail()
          .setAllowInvalid(false)
          .setHelpText('An email address, e.g. jan.pryor@council.gov.uk: the weekly digest goes there.')
          .build(),
      );
  }
  return sheet;
}

/** The last row (1-based) with content in a column of a getValues grid; 0 when none. */
export function lastFilledRow(values: readonly (readonly unknown[])[], column: number): number {
  for (let r = values.length - 1; r >= 0; r--) {
    if (String(values[r]?.[column] ?? '') !== '') return r + 1;
  }
  return 0;
}
