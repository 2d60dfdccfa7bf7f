/** One item of the Action Plan menu: its caption and the top-level function Apps Script calls. */
export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

/** The Action Plan menu, in groups; each feature owns its group. */
export const MENU: readonly (readonly MenuItem[])[] = [
  [
    { caption: 'Set up or repair register', functionName: 'setUpRegisterFromMenu' },
    { caption: 'Import plan', functionName: 'importPlanFromMenu' },
    { caption: 'Import plan from a Google Doc…', functionName: 'importPlanFromDoc' },
    { caption: 'Refresh statuses', functionName: 'refreshStatusesFromMenu' },
  ],
  [
    { caption: 'Schedule weekly reminders', functionName: 'scheduleReminders' },
    { caption: 'Stop weekly reminders', functionName: 'stopReminders' },
    { caption: 'Send overdue reminders now', functionName: 'sendRemindersNow' },
    { caption: 'Preview my reminder', functionName: 'previewMyReminder' },
  ],
  [
    { caption: 'My actions', functionName: 'showMyActions' },
    { caption: 'Awaiting the owner…', functionName: 'showOwnerDecisions' },
  ],
  [{ caption: 'Generate briefing paper…', functionName: 'showPaperDialog' }],
  [{ caption: 'Help', functionName: 'showHelp' }],
];

/** Simple trigger: builds the Action Plan menu. It runs with no authorised services, so it only adds items. */
export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu('Action Plan');
  MENU.forEach((group, i) => {
    if (i > 0) menu.addSeparator();
    for (const item of group) menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}
