/**
 * Data validation and conditional format rules: their builders, the rules Sheets stores, and the evaluation of
 * a rule against a cell (which the real Sheets does in the browser, and tests need to see).
 */
import { isDate, NotImplementedError, unwrap } from '../runtime';
import { cellA1, columnLetters, columnNumber } from './a1';
import { normaliseColour } from './format';
import type { FakeRange, FakeSheet } from './model';

/** Enum members are compared by identity in scripts; their names stand in for Apps Script's enum objects. */
function enumOf<K extends string>(...names: K[]): { readonly [P in K]: P } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [P in K]: P };
}

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);

export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
);

export type ValidationCriteria = keyof typeof DataValidationCriteria;
export type ConditionCriteria = keyof typeof BooleanCriteria;

/** Exposes an object to the script under a service name (see runtime.expose). */
export type Wrap = (target: object, service: string) => unknown;

/** A rectangle of one sheet that moves when rows or columns are inserted or deleted above or left of it. */
export interface GridRef {
  sheet: FakeSheet;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function refOf(range: FakeRange): GridRef {
  const r = unwrap(range);
  return { sheet: r.sheet, row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns };
}

export function refContains(ref: GridRef, sheet: FakeSheet, row: number, column: number): boolean {
  return (
    ref.sheet === sheet &&
    row >= ref.row &&
    row < ref.row + ref.numRows &&
    column >= ref.column &&
    column < ref.column + ref.numColumns
  );
}

/**
 * Moves a reference after `count` rows (or columns) were inserted after `after` (count > 0) or deleted from
 * `after + 1` on (count < 0). Returns null when every cell of the reference was deleted.
 */
export function shiftRef(ref: GridRef, axis: 'row' | 'column', after: number, count: number): GridRef | null {
  const startKey = axis;
  const sizeKey = axis === 'row' ? 'numRows' : 'numColumns';
  const start = ref[startKey];
  const end = start + ref[sizeKey] - 1;
  const next = { ...ref };
  if (count > 0) {
    if (start > after) next[startKey] = start + count;
    else if (end > after) next[sizeKey] = ref[sizeKey] + count;
    return next;
  }
  const delFirst = after + 1;
  const delLast = after - count;
  if (end < delFirst) return next;
  if (start > delLast) {
    next[startKey] = start + count;
    return next;
  }
  const keptBefore = Math.max(0, delFirst - start);
  const keptAfter = Math.max(0, end - delLast);
  if (keptBefore + keptAfter === 0) return null;
  next[startKey] = keptBefore > 0 ? start : delFirst;
  next[sizeKey] = keptBefore + keptAfter;
  return next;
}

/**
 * Rewrites the cell references of a formula after rows or columns were inserted (count > 0) or deleted
 * (count < 0), as Sheets does for conditional format formulas. Quoted text is left alone.
 */
export function shiftFormula(formula: string, axis: 'row' | 'column', after: number, count: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g,
            (whole: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
              if (axis === 'row') {
                const row = Number(digits);
                return row > after
                  ? `${colAbs}${letters}${rowAbs}${Math.max(after + 1, row + count)}`
                  : whole;
              }
              const column = columnNumber(letters);
              return column > after
                ? `${colAbs}${columnLetters(Math.max(after + 1, column + count))}${rowAbs}${digits}`
                : whole;
            },
          ),
    )
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Data validation

export interface ValidationSpec {
  criteria: ValidationCriteria | null;
  /** Criteria values as Apps Script returns them, except ranges, which are kept as references. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

function copyArg(arg: unknown): unknown {
  if (isDate(arg)) return new Date(arg.getTime());
  if (Array.isArray(arg)) return arg.map(copyArg);
  return arg;
}

export class FakeDataValidation {
  constructor(
    readonly spec: Readonly<ValidationSpec>,
    readonly wrap: Wrap,
  ) {}

  getCriteriaType(): ValidationCriteria | null {
    return this.spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this.spec.args.map((a) => (isRef(a) ? a.sheet._rangeProxy(a) : copyArg(a)));
  }

  /** New rules allow invalid data (a warning) unless the script says otherwise. */
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getHelpText(): string | null {
    return this.spec.helpText;
  }

  copy(): unknown {
    return this.wrap(
      new FakeDataValidationBuilder(this.wrap, { ...this.spec, args: this.spec.args.map(copyArg) }),
      'DataValidationBuilder',
    );
  }
}

function isRef(value: unknown): value is GridRef {
  return typeof value === 'object' && value !== null && 'sheet' in value && 'numRows' in value;
}

export class FakeDataValidationBuilder {
  private spec: ValidationSpec;

  constructor(
    private readonly wrap: Wrap,
    spec?: ValidationSpec,
  ) {
    // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setallowinvalidallowinvaliddata
    // "The default for new data validation rules is true."
    this.spec = spec ?? { criteria: null, args: [], allowInvalid: true, helpText: null };
  }

  private require(criteria: ValidationCriteria, args: unknown[]): this {
    this.spec.criteria = criteria;
    this.spec.args = args.map(copyArg);
    return this;
  }

  requireValueInList(values: unknown[], showDropdown = true): this {
    return this.require('VALUE_IN_LIST', [values.map(String), showDropdown]);
  }

  requireValueInRange(range: FakeRange, showDropdown = true): this {
    this.require('VALUE_IN_RANGE', []);
    this.spec.args = [refOf(range), showDropdown];
    return this;
  }

  requireDate(): this {
    return this.require('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: Date): this {
    return this.require('DATE_AFTER', [date]);
  }

  requireDateBefore(date: Date): this {
    return this.require('DATE_BEFORE', [date]);
  }

  requireDateOnOrAfter(date: Date): this {
    return this.require('DATE_ON_OR_AFTER', [date]);
  }

  requireDateOnOrBefore(date: Date): this {
    return this.require('DATE_ON_OR_BEFORE', [date]);
  }

  requireDateBetween(start: Date, end: Date): this {
    return this.require('DATE_BETWEEN', [start, end]);
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const args = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return this.require('CHECKBOX', args);
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this.spec.allowInvalid = Boolean(allowInvalid);
    return this;
  }

  setHelpText(helpText: string): this {
    this.spec.helpText = String(helpText);
    return this;
  }

  getCriteriaType(): ValidationCriteria | null {
    return this.spec.criteria;
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  getHelpText(): string | null {
    return this.spec.helpText;
  }

  getCriteriaValues(): unknown[] {
    return this.buildRaw().getCriteriaValues();
  }

  build(): unknown {
    return this.wrap(this.buildRaw(), 'DataValidation');
  }

  buildRaw(): FakeDataValidation {
    return new FakeDataValidation({ ...this.spec, args: this.spec.args.map(copyArg) }, this.wrap);
  }

  copy(): unknown {
    return this.wrap(
      new FakeDataValidationBuilder(this.wrap, { ...this.spec, args: this.spec.args.map(copyArg) }),
      'DataValidationBuilder',
    );
  }
}

/** The day (yyyymmdd as a number) an instant falls on in the spreadsheet time zone, for date comparisons. */
type DayOf = (d: Date) => number;

/**
 * True when a value breaks the rule. Blank cells never break a rule, as in Sheets. `valueText` is the value as
 * displayed; `listOfRange` reads the cells a VALUE_IN_RANGE rule points at.
 */
export function breaksValidation(
  rule: FakeDataValidation,
  value: unknown,
  valueText: string,
  dayOf: DayOf,
  listOfRange: (ref: GridRef) => string[],
): boolean {
  if (value === '' || value === null || value === undefined) return false;
  const { criteria, args } = rule.spec;
  const day = isDate(value) ? dayOf(value) : null;
  const argDay = (i: number): number => dayOf(args[i] as Date);
  switch (criteria) {
    case 'VALUE_IN_LIST':
      return !(args[0] as string[]).includes(valueText);
    case 'VALUE_IN_RANGE':
      return !listOfRange(args[0] as GridRef).includes(valueText);
    case 'DATE_IS_VALID_DATE':
      return day === null;
    case 'DATE_AFTER':
      return day === null || !(day > argDay(0));
    case 'DATE_BEFORE':
      return day === null || !(day < argDay(0));
    case 'DATE_ON_OR_AFTER':
      return day === null || !(day >= argDay(0));
    case 'DATE_ON_OR_BEFORE':
      return day === null || !(day <= argDay(0));
    case 'DATE_BETWEEN':
      return day === null || day < argDay(0) || day > argDay(1);
    case 'CHECKBOX':
      return args.length === 0 ? typeof value !== 'boolean' : !args.map(String).includes(String(value));
    default:
      throw new NotImplementedError(`DataValidation evaluation of ${String(criteria)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Conditional format rules

export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

export interface RuleSpec {
  criteria: ConditionCriteria | null;
  args: unknown[];
  format: RuleFormat;
  ranges: GridRef[];
}

function copyRuleSpec(spec: RuleSpec): RuleSpec {
  return {
    criteria: spec.criteria,
    args: spec.args.map(copyArg),
    format: { ...spec.format },
    ranges: spec.ranges.map((r) => ({ ...r })),
  };
}

export class FakeBooleanCondition {
  constructor(private readonly spec: RuleSpec) {}

  getCriteriaType(): ConditionCriteria | null {
    return this.spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this.spec.args.map(copyArg);
  }

  getBackground(): string | null {
    return this.spec.format.background;
  }

  getFontColor(): string | null {
    return this.spec.format.fontColor;
  }

  getBold(): boolean | null {
    return this.spec.format.bold;
  }

  getItalic(): boolean | null {
    return this.spec.format.italic;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    readonly spec: Readonly<RuleSpec>,
    readonly wrap: Wrap,
  ) {}

  getRanges(): unknown[] {
    return this.spec.ranges.map((r) => r.sheet._rangeProxy(r));
  }

  getBooleanCondition(): unknown {
    if (this.spec.criteria === null) return null;
    return this.wrap(new FakeBooleanCondition(copyRuleSpec(this.spec)), 'BooleanCondition');
  }

  copy(): unknown {
    return this.wrap(
      new FakeConditionalFormatRuleBuilder(this.wrap, copyRuleSpec(this.spec)),
      'ConditionalFormatRuleBuilder',
    );
  }

  /** The same rule over other ranges. */
  withRanges(ranges: GridRef[]): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule({ ...copyRuleSpec(this.spec), ranges }, this.wrap);
  }

  /** The rule after rows or columns of `sheet` were inserted or deleted: ranges and formula move, or it goes. */
  shifted(
    sheet: FakeSheet,
    axis: 'row' | 'column',
    after: number,
    count: number,
  ): FakeConditionalFormatRule | null {
    const ranges = this.spec.ranges.flatMap((ref) => {
      if (ref.sheet !== sheet) return [ref];
      const moved = shiftRef(ref, axis, after, count);
      return moved ? [moved] : [];
    });
    if (!ranges.length) return null;
    const spec = { ...copyRuleSpec(this.spec), ranges };
    if (spec.criteria === 'CUSTOM_FORMULA')
      spec.args = [shiftFormula(String(spec.args[0]), axis, after, count)];
    return new FakeConditionalFormatRule(spec, this.wrap);
  }
}

export class FakeConditionalFormatRuleBuilder {
  private spec: RuleSpec;

  constructor(
    private readonly wrap: Wrap,
    spec?: RuleSpec,
  ) {
    this.spec = spec ?? {
      criteria: null,
      args: [],
      format: { background: null, fontColor: null, bold: null, italic: null },
      ranges: [],
    };
  }

  private when(criteria: ConditionCriteria, args: unknown[]): this {
    this.spec.criteria = criteria;
    this.spec.args = args;
    return this;
  }

  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [String(formula)]);
  }

  whenTextEqualTo(text: string): this {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenTextContains(text: string): this {
    return this.when('TEXT_CONTAINS', [String(text)]);
  }

  whenTextDoesNotContain(text: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  whenTextStartsWith(text: string): this {
    return this.when('TEXT_STARTS_WITH', [String(text)]);
  }

  whenTextEndsWith(text: string): this {
    return this.when('TEXT_ENDS_WITH', [String(text)]);
  }

  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }

  setBackground(colour: string | null): this {
    this.spec.format.background = colour === null ? null : normaliseColour(colour);
    return this;
  }

  setFontColor(colour: string | null): this {
    this.spec.format.fontColor = colour === null ? null : normaliseColour(colour);
    return this;
  }

  setBold(bold: boolean | null): this {
    this.spec.format.bold = bold;
    return this;
  }

  setItalic(italic: boolean | null): this {
    this.spec.format.italic = italic;
    return this;
  }

  setRanges(ranges: FakeRange[]): this {
    this.spec.ranges = unwrap(ranges).map(refOf);
    return this;
  }

  getRanges(): unknown[] {
    return this.spec.ranges.map((r) => r.sheet._rangeProxy(r));
  }

  getBooleanCondition(): unknown {
    return this.buildRaw().getBooleanCondition();
  }

  build(): unknown {
    return this.wrap(this.buildRaw(), 'ConditionalFormatRule');
  }

  buildRaw(): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(copyRuleSpec(this.spec), this.wrap);
  }

  copy(): unknown {
    return this.wrap(
      new FakeConditionalFormatRuleBuilder(this.wrap, copyRuleSpec(this.spec)),
      'ConditionalFormatRuleBuilder',
    );
  }
}

/**
 * Custom formulas the register writes: a comparison of one cell, relative to the top-left of the rule's first
 * range, with a literal (`=$K2="Overdue"`, `=$K2<>""`, `=K2=TRUE`). Anything else is not implemented.
 */
const FORMULA =
  /^=\s*(\$?)([A-Za-z]{1,3})(\$?)(\d+)\s*(=|<>)\s*("(?:[^"]|"")*"|TRUE|FALSE|-?\d+(?:\.\d+)?)\s*$/i;

export interface FormulaTarget {
  row: number;
  column: number;
  rowAbsolute: boolean;
  columnAbsolute: boolean;
  operator: '=' | '<>';
  literal: string | number | boolean;
}

export function parseRuleFormula(formula: string): FormulaTarget {
  const m = FORMULA.exec(formula);
  if (!m) throw new NotImplementedError(`conditional format formula ${formula}`);
  const [, colAbs, colLetters = '', rowAbs, rowDigits, operator, lit = ''] = m;
  let literal: string | number | boolean;
  if (lit.startsWith('"')) literal = lit.slice(1, -1).replace(/""/g, '"');
  else if (/^true$/i.test(lit)) literal = true;
  else if (/^false$/i.test(lit)) literal = false;
  else literal = Number(lit);
  return {
    row: Number(rowDigits),
    column: columnNumber(colLetters),
    rowAbsolute: rowAbs === '$',
    columnAbsolute: colAbs === '$',
    operator: operator === '<>' ? '<>' : '=',
    literal,
  };
}

/** Reads what a rule needs from the sheet: a cell's value and its displayed text. */
export interface CellReader {
  value(row: number, column: number): unknown;
  text(row: number, column: number): string;
}

/** Sheets compares text case-insensitively in "Text is exactly" and in `=` (https://support.google.com/docs/answer/78413). */
function sameText(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');
}

export function ruleMatches(spec: RuleSpec, reader: CellReader, row: number, column: number): boolean {
  const text = reader.text(row, column);
  const arg = String(spec.args[0] ?? '');
  const lower = text.toLocaleLowerCase('en-GB');
  switch (spec.criteria) {
    case null:
      return false;
    case 'CELL_EMPTY':
      return text === '';
    case 'CELL_NOT_EMPTY':
      return text !== '';
    case 'TEXT_EQUAL_TO':
      return sameText(text, arg);
    case 'TEXT_CONTAINS':
      return lower.includes(arg.toLocaleLowerCase('en-GB'));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !lower.includes(arg.toLocaleLowerCase('en-GB'));
    case 'TEXT_STARTS_WITH':
      return lower.startsWith(arg.toLocaleLowerCase('en-GB'));
    case 'TEXT_ENDS_WITH':
      return lower.endsWith(arg.toLocaleLowerCase('en-GB'));
    case 'CUSTOM_FORMULA': {
      const anchor = spec.ranges[0];
      if (!anchor) return false;
      const target = parseRuleFormula(arg);
      const r = target.rowAbsolute ? target.row : target.row + (row - anchor.row);
      const c = target.columnAbsolute ? target.column : target.column + (column - anchor.column);
      if (r < 1 || c < 1)
        throw new NotImplementedError(`conditional format formula ${arg} at ${cellA1(row, column)}`);
      const value = reader.value(r, c);
      // A string literal compares with the cell's text (a number cell never equals "5" in Sheets).
      const equal =
        typeof target.literal === 'string'
          ? typeof value === 'string' && sameText(value, target.literal)
          : value === target.literal;
      return target.operator === '=' ? equal : !equal;
    }
    default:
      throw new NotImplementedError(`ConditionalFormatRule evaluation of ${spec.criteria}`);
  }
}
