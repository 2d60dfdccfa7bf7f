/** SpreadsheetApp of the local Workspace: what the Workspace, the runner, the exporters and the tests use. */
export { LocalSpreadsheets } from './spreadsheet-app';
export { FakeSpreadsheet } from './spreadsheet';
export { FakeSheet } from './sheet';
export { FakeRange } from './range';
export type { ClearOptions } from './range';
export { StoredCell } from './cell';
export type { BorderRecord, CellSnapshot, WrapStrategy } from './cell';
export { FakeNamedRange } from './named-range';
export { FakeProtection } from './protection';
export { signatureError } from './helpers';
export { BooleanCriteria, DataValidationCriteria } from './enums';
export { FakeDataValidation, FakeDataValidationBuilder } from './data-validation';
export {
  FakeBooleanCondition,
  FakeConditionalFormatRule,
  FakeConditionalFormatRuleBuilder,
} from './conditional-format-rule';
export type { GridRef } from './grid-ref';
export { FakeEmbeddedChart, chartPng } from './embedded-chart';
export type { ChartPosition, ChartSpec } from './chart-spec';
export { chartDescription } from './chart-description';
export { Button, ButtonSet, LocalUi } from './ui';
export type { DialogAnswer, DialogRequest } from './ui';
export { LocalMenu } from './menu';
export type { MenuItem, MenuRecord } from './menu';
export { LocalPromptResponse } from './prompt-response';
export { columnLetters, columnNumber, parseA1 } from './a1';
export {
  DEFAULT_NUMBER_FORMAT,
  displayText,
  formatDate,
  fromSerial,
  isDateFormat,
  toSerial,
} from './number-format';
export type { CellValue } from './number-format';
