/** A named range of the spreadsheet: a name over a reference that moves with its rows and columns. */
import { GridRef, refOf } from './grid-ref';
import type { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

export class FakeNamedRange {
  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private name: string,
  ) {}

  getName(): string {
    return this.name;
  }

  setName(name: string): this {
    const ref = this.ref();
    this.spreadsheet.namedRanges.delete(this.name);
    this.spreadsheet.namedRanges.set(name, ref);
    this.name = name;
    return this;
  }

  getRange(): unknown {
    const ref = this.ref();
    return ref.sheet._rangeProxy(ref);
  }

  setRange(range: FakeRange): this {
    this.ref();
    this.spreadsheet.namedRanges.set(this.name, refOf(range));
    return this;
  }

  remove(): void {
    this.spreadsheet.removeNamedRange(this.name);
  }

  private ref(): GridRef {
    const ref = this.spreadsheet.namedRanges.get(this.name);
    if (!ref) throw new Error(`Named range not found: ${this.name}`);
    return ref;
  }
}
