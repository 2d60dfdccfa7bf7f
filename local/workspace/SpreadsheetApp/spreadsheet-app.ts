/**
 * SpreadsheetApp of the local Workspace: the global the script sees, and the holder of the container spreadsheet
 * and its Ui.
 *
 * Formulas are stored, never evaluated: getValue() of a formula cell returns '' unless a test supplied the result
 * with `sheet.setComputed(row, col, value)`; getFormula() returns the formula.
 */
import { Runtime } from '../runtime';
import { FakeConditionalFormatRuleBuilder } from './conditional-format-rule';
import { FakeDataValidationBuilder } from './data-validation';
import { BooleanCriteria, BorderStyle, DataValidationCriteria, ProtectionType, WrapStrategy } from './enums';
import { SPREADSHEET_SCOPES } from './scopes';
import { FakeSpreadsheet } from './spreadsheet';
import { LocalUi } from './ui';

/** The raw SpreadsheetApp; scripts see it through `expose`. */
class FakeSpreadsheetApp {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;

  private readonly wrap = (target: object, service: string): unknown =>
    this.owner.active._expose(target, service);

  constructor(private readonly owner: LocalSpreadsheets) {}

  getActiveSpreadsheet(): unknown {
    return this.owner.active._expose(this.owner.active, 'Spreadsheet');
  }

  getActive(): unknown {
    return this.getActiveSpreadsheet();
  }

  getActiveSheet(): unknown {
    return this.owner.active.getActiveSheet();
  }

  /** https://developers.google.com/apps-script/guides/triggers/installable: time-driven triggers have no Ui. */
  getUi(): unknown {
    if (this.owner.runtime.kind === 'time')
      throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return this.owner.active._expose(this.owner.ui, 'Ui');
  }

  /** Writes are applied at once locally, so there is nothing to flush. */
  flush(): void {}

  newDataValidation(): unknown {
    return this.owner.active._expose(new FakeDataValidationBuilder(this.wrap), 'DataValidationBuilder');
  }

  newConditionalFormatRule(): unknown {
    return this.owner.active._expose(
      new FakeConditionalFormatRuleBuilder(this.wrap),
      'ConditionalFormatRuleBuilder',
    );
  }
}

export class LocalSpreadsheets {
  /** The global the bundle sees as SpreadsheetApp. */
  readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  /** The container spreadsheet (raw, uncounted, for tests and the runner). */
  readonly active: FakeSpreadsheet;
  readonly ui: LocalUi;

  constructor(
    readonly runtime: Runtime,
    options: { name?: string; timeZone?: string } = {},
  ) {
    runtime.scopes.declare(SPREADSHEET_SCOPES);
    this.active = new FakeSpreadsheet(runtime, options);
    this.ui = new LocalUi(runtime);
    // Spreadsheet.toast and the Ui record into the same list.
    this.ui.toasts = this.active.toasts;
    const raw = new FakeSpreadsheetApp(this);
    this.app = this.active._expose<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(raw, 'SpreadsheetApp');
  }
}
