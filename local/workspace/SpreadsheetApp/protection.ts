/** A protected range or sheet. */
import type { GridRef } from './grid-ref';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export class FakeProtection {
  description = '';
  warningOnly = false;
  removed = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly type: 'RANGE' | 'SHEET',
    public ref: GridRef | null,
  ) {}

  getProtectionType(): 'RANGE' | 'SHEET' {
    return this.type;
  }

  setDescription(description: string): this {
    this.description = String(description);
    return this;
  }

  getDescription(): string {
    return this.description;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.warningOnly = Boolean(warningOnly);
    return this;
  }

  isWarningOnly(): boolean {
    return this.warningOnly;
  }

  /** The script's user owns the spreadsheet, so it may always edit. */
  canEdit(): boolean {
    return true;
  }

  getRange(): unknown {
    if (this.ref) return this.sheet._rangeProxy(this.ref);
    return new FakeRange(this.sheet, 1, 1, this.sheet.maxRows, this.sheet.maxColumns, null)._proxy();
  }

  remove(): void {
    this.removed = true;
    if (this.type === 'SHEET') {
      if (this.sheet.sheetProtection === this) this.sheet.sheetProtection = null;
    } else {
      const i = this.sheet.rangeProtections.indexOf(this);
      if (i >= 0) this.sheet.rangeProtections.splice(i, 1);
    }
  }
}
