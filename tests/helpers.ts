import { loadBundle } from '../local/runner/bundle';
import type { LoadedBundle } from '../local/runner/bundle';
import { at, readInputs, registerPlan } from '../local/runner/run';

/** The sample plan registered by an officer on `today` (09:00 London), through the bundle's own menu. */
export function sampleRegister(today = '2010-09-06'): LoadedBundle {
  const bundle = loadBundle({ now: at(today, 9), timeZone: 'Europe/London' });
  bundle.ws.sheets.ui.respond((dialog) => ({ button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' }));
  const { plan, officers } = readInputs();
  registerPlan(bundle, plan, officers);
  return bundle;
}

/** A fresh bundle with the responder answering OK/YES, opened, its register set up but empty. */
export function emptyRegister(today = '2010-09-06'): LoadedBundle {
  const bundle = loadBundle({ now: at(today, 9), timeZone: 'Europe/London' });
  bundle.ws.sheets.ui.respond((dialog) => ({ button: /yes/i.test(dialog.buttons) ? 'YES' : 'OK' }));
  bundle.open();
  bundle.clickMenu('Set up or repair register');
  return bundle;
}

/**
 * Lays out cells of a sheet as a test's starting state (as if typed, with no validation check and no edit
 * event): for the state an officer built up over time, not for one user action (see LoadedBundle's actions).
 */
export function seed(
  bundle: LoadedBundle,
  name: string,
  row: number,
  column: number,
  values: unknown[][],
): void {
  bundle.ws.sheets.active.sheet(name).seed(row, column, values);
}

export function sheetOf(bundle: LoadedBundle, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = bundle.ws.runtime.calls.uncounted(() => bundle.spreadsheet().getSheetByName(name));
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A sheet's values, read without counting (the test reading is not the script's work). */
export function valuesOf(bundle: LoadedBundle, name: string): unknown[][] {
  return bundle.ws.runtime.calls.uncounted(() => {
    const sheet = sheetOf(bundle, name);
    return sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues();
  });
}

/** The register as objects keyed by header, one per row below the header. */
export function registerRows(bundle: LoadedBundle): Record<string, unknown>[] {
  const [header, ...rows] = valuesOf(bundle, 'Register');
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

/** Everything set-up may touch, as plain data, so two states can be compared. */
export function snapshot(bundle: LoadedBundle): unknown {
  return bundle.ws.runtime.calls.uncounted(() =>
    bundle
      .spreadsheet()
      .getSheets()
      .map((sheet) => {
        const range = sheet.getRange(1, 1, sheet.getMaxRows(), Math.max(1, sheet.getMaxColumns()));
        return {
          name: sheet.getName(),
          maxRows: sheet.getMaxRows(),
          maxColumns: sheet.getMaxColumns(),
          frozen: sheet.getFrozenRows(),
          values: sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getValues(),
          notes: range.getNotes(),
          formats: range.getNumberFormats(),
          backgrounds: range.getBackgrounds(),
          weights: range.getFontWeights(),
          validations: range
            .getDataValidations()
            .map((row) =>
              row.map((v) => (v ? [v.getCriteriaType(), v.getAllowInvalid(), v.getHelpText()] : null)),
            ),
          widths: Array.from({ length: sheet.getMaxColumns() }, (_, i) => sheet.getColumnWidth(i + 1)),
          rules: sheet.getConditionalFormatRules().map((rule) => ({
            criteria: rule.getBooleanCondition()?.getCriteriaType(),
            values: rule.getBooleanCondition()?.getCriteriaValues(),
            background: rule.getBooleanCondition()?.getBackground(),
            ranges: rule.getRanges().map((r) => r.getA1Notation()),
          })),
          protections: sheet
            .getProtections(bundle.ws.sheets.app.ProtectionType.RANGE)
            .map((p) => [p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]),
        };
      }),
  );
}
