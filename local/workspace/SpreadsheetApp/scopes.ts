/** Scopes of SpreadsheetApp and its classes, as the reference lists them under "Authorization". */
import { SCOPE, type ScopeTable } from '../scopes';

const SHEETS = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];
const DIALOG = [SCOPE.containerUi];

/**
 * Reading or changing the container spreadsheet needs spreadsheets.currentonly or spreadsheets
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet());
 * the builders and rules are held to the same scopes (the stricter reading: they exist only to change a sheet).
 * SpreadsheetApp.getUi, alerts, prompts and menus list none, which is why onOpen can build a menu without
 * authorisation; HTML dialogs and sidebars need script.container.ui
 * (https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String), and the observed
 * "Specified permissions are not sufficient to call Ui.showModalDialog").
 */
export const SPREADSHEET_SCOPES: ScopeTable = {
  'SpreadsheetApp.getActiveSpreadsheet': SHEETS,
  'SpreadsheetApp.getActive': SHEETS,
  'SpreadsheetApp.getActiveSheet': SHEETS,
  'SpreadsheetApp.flush': SHEETS,
  'SpreadsheetApp.newDataValidation': SHEETS,
  'SpreadsheetApp.newConditionalFormatRule': SHEETS,
  'Spreadsheet.*': SHEETS,
  'Sheet.*': SHEETS,
  'Range.*': SHEETS,
  'NamedRange.*': SHEETS,
  'Protection.*': SHEETS,
  'DataValidation.*': SHEETS,
  'DataValidationBuilder.*': SHEETS,
  'ConditionalFormatRule.*': SHEETS,
  'ConditionalFormatRuleBuilder.*': SHEETS,
  'BooleanCondition.*': SHEETS,
  'Ui.showModalDialog': DIALOG,
  'Ui.showModelessDialog': DIALOG,
  'Ui.showSidebar': DIALOG,
};
