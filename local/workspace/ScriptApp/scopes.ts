/** Scopes of ScriptApp and its triggers, as the reference lists them under "Authorization". */
import { SCOPE, type ScopeTable } from '../scopes';

const SCRIPTAPP = [SCOPE.scriptApp];

/**
 * Making, listing and deleting triggers need script.scriptapp
 * (https://developers.google.com/apps-script/reference/script/script-app#newTrigger(String)); the builders and
 * Trigger objects only exist through those calls, and are held to the same scope (the stricter reading).
 */
export const SCRIPT_SCOPES: ScopeTable = {
  'ScriptApp.newTrigger': SCRIPTAPP,
  'ScriptApp.getProjectTriggers': SCRIPTAPP,
  'ScriptApp.getUserTriggers': SCRIPTAPP,
  'ScriptApp.deleteTrigger': SCRIPTAPP,
  'TriggerBuilder.*': SCRIPTAPP,
  'ClockTriggerBuilder.*': SCRIPTAPP,
  'SpreadsheetTriggerBuilder.*': SCRIPTAPP,
  'Trigger.*': SCRIPTAPP,
};
