/**
 * Conditional format rules, their builder and boolean condition, and the evaluation of a rule against a cell
 * (which the real Sheets does in the browser, and tests need to see).
 */
import { NotImplementedError, unwrap } from '../runtime';
import { cellA1, columnNumber } from './a1';
import { normaliseColour } from './colour';
import type { ConditionCriteria } from './enums';
import { GridRef, refOf, shiftFormula, shiftRef } from './grid-ref';
import { copyArg, Wrap } from './helpers';
import type { FakeRange } from './range';
import type { FakeSheet } from './sheet';

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
