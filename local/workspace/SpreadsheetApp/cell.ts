/** One cell as Sheets stores it, and the copy of it a test reads. */
import type { FakeDataValidation } from './data-validation';
import { type CellValue, DEFAULT_NUMBER_FORMAT } from './number-format';

export type WrapStrategy = 'WRAP' | 'OVERFLOW' | 'CLIP';

/** One cell as Sheets stores it. */
export class StoredCell {
  value: CellValue = '';
  formula = '';
  /** What a formula evaluates to: "#ERROR!" when it does not parse, else what a test set (see setComputed). */
  computed: CellValue | undefined = undefined;
  note = '';
  background = '#ffffff';
  fontColor = '#000000';
  fontWeight: 'normal' | 'bold' = 'normal';
  fontStyle: 'normal' | 'italic' = 'normal';
  fontSize = 10;
  numberFormat = DEFAULT_NUMBER_FORMAT;
  wrapStrategy: WrapStrategy = 'OVERFLOW';
  horizontalAlignment: string | null = null;
  verticalAlignment: string | null = null;
  validation: FakeDataValidation | null = null;

  hasContent(): boolean {
    return this.value !== '' || this.formula !== '';
  }

  copyFormat(from: StoredCell): void {
    this.background = from.background;
    this.fontColor = from.fontColor;
    this.fontWeight = from.fontWeight;
    this.fontStyle = from.fontStyle;
    this.fontSize = from.fontSize;
    this.numberFormat = from.numberFormat;
    this.wrapStrategy = from.wrapStrategy;
    this.horizontalAlignment = from.horizontalAlignment;
    this.verticalAlignment = from.verticalAlignment;
  }

  clearFormat(): void {
    this.copyFormat(BLANK);
  }
}

export const BLANK = Object.freeze(new StoredCell()) as StoredCell;

/** Text longer than this is refused (https://support.google.com/drive/answer/37603: 50,000 characters a cell). */
export const MAX_CELL_CHARACTERS = 50_000;

/** What one write stores in a cell, decided before a batch writes anything. */
export interface CellWrite {
  value: CellValue;
  formula: string;
  computed: CellValue | undefined;
  numberFormat: string;
}

/** What `FakeSheet.cell()` hands a test: a copy of the stored cell. */
export interface CellSnapshot {
  value: CellValue;
  formula: string;
  note: string;
  background: string;
  fontColor: string;
  fontWeight: 'normal' | 'bold';
  fontStyle: 'normal' | 'italic';
  fontSize: number;
  numberFormat: string;
  /** True when the text wraps (wrap strategy WRAP). */
  wrap: boolean;
  wrapStrategy: WrapStrategy;
  horizontalAlignment: string | null;
  verticalAlignment: string | null;
  validation: FakeDataValidation | null;
}

export interface BorderRecord {
  a1: string;
  args: unknown[];
}
