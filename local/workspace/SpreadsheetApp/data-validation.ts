/**
 * Data validation rules and their builder, and the evaluation of a rule against a cell (which the real Sheets
 * does in the browser, and tests need to see).
 */
import { isDate, NotImplementedError } from '../runtime';
import type { ValidationCriteria } from './enums';
import { GridRef, refOf } from './grid-ref';
import { copyArg, Wrap } from './helpers';
import type { FakeRange } from './range';

export interface ValidationSpec {
  criteria: ValidationCriteria | null;
  /** Criteria values as Apps Script returns them, except ranges, which are kept as references. */
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
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

  /** https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireTextIsEmail() */
  requireTextIsEmail(): this {
    return this.require('TEXT_IS_VALID_EMAIL', []);
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
    case 'TEXT_IS_VALID_EMAIL':
      // Sheets' own test is not published; this is the stricter reading: name@domain.tld, no spaces.
      return !/^[^\s@]+@[^\s@]+\.[A-Za-z]{2,}$/.test(valueText);
    case 'CHECKBOX':
      return args.length === 0 ? typeof value !== 'boolean' : !args.map(String).includes(String(value));
    default:
      throw new NotImplementedError(`DataValidation evaluation of ${String(criteria)}`);
  }
}
