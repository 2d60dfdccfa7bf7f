/**
 * ContainerInfo: where a chart sits on its sheet.
 * Reference: https://developers.google.com/apps-script/reference/spreadsheet/container-info
 */
import type { ChartPosition } from './chart-spec';

export class FakeContainerInfo {
  constructor(private readonly position: ChartPosition) {}

  /** 1-based: column C is 3. */
  getAnchorColumn(): number {
    return this.position.column;
  }

  /** 1-based: row 5 is 5. */
  getAnchorRow(): number {
    return this.position.row;
  }

  /** Pixels from the anchor cell's left edge to the chart's left edge. */
  getOffsetX(): number {
    return this.position.offsetX;
  }

  /** Pixels from the anchor cell's top edge to the chart's top edge. */
  getOffsetY(): number {
    return this.position.offsetY;
  }
}
