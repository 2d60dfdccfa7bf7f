/** ScriptApp.newTrigger: the builder that leads to a clock or a spreadsheet trigger. */
import { Runtime, expose, unwrap } from '../runtime';
import { ClockTriggerBuilderImpl } from './clock-trigger-builder';
import type { LocalScript } from './script-app';
import { SpreadsheetTriggerBuilderImpl } from './spreadsheet-trigger-builder';

/** https://developers.google.com/apps-script/reference/script/trigger-builder */
export class TriggerBuilderImpl {
  constructor(
    private readonly owner: LocalScript,
    private readonly handler: string,
    private readonly runtime: Runtime,
  ) {}

  timeBased(): ClockTriggerBuilderImpl {
    return expose(new ClockTriggerBuilderImpl(this.owner, this.handler), 'ClockTriggerBuilder', this.runtime);
  }

  /** Takes the spreadsheet or its id. */
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilderImpl {
    const source = unwrap(sheet) as { getId?: () => string } | string;
    const id = typeof source === 'string' ? source : (source?.getId?.() ?? this.owner._spreadsheetId());
    return expose(
      new SpreadsheetTriggerBuilderImpl(this.owner, this.handler, String(id)),
      'SpreadsheetTriggerBuilder',
      this.runtime,
    );
  }
}
