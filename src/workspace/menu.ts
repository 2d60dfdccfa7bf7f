/** Simple trigger: builds the Action Plan menu. Runs in 30 s with no authorised services, so it only adds items. */
export function onOpen(): void {
  SpreadsheetApp.getUi().createMenu('Action Plan').addItem('Help', 'showHelp').addToUi();
}
