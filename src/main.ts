// Entry points of the Apps Script project: re-exports only. Every name exported here becomes a top-level
// function of dist/Code.js, callable by menus, triggers and google.script.run.
export { onOpen } from './workspace/menu';
export { onRegisterChange, onRegisterEdit } from './workspace/edits';
export {
  importPlanFromMenu,
  refreshStatusesFromMenu,
  setUpRegisterFromMenu,
  showHelp,
} from './workspace/actions';
export { importPlanFromDoc } from './workspace/importDoc';
export {
  previewMyReminder,
  runWeeklyReminders,
  scheduleReminders,
  sendRemindersNow,
  stopReminders,
} from './workspace/reminders';
export { generatePaper, getPaperDefaults, showPaperDialog } from './workspace/paper';
export {
  addProgressUpdate,
  confirmNoChange,
  decideCompletion,
  decideExtensionRequest,
  getMyActions,
  proposeCompletion,
  requestExtension,
  showMyActions,
  showOwnerDecisions,
} from './workspace/myActions';
