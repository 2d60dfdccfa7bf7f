/** ScriptApp of the local Workspace. */
export { LocalScript, MAX_TRIGGERS_PER_USER, TOO_MANY_TRIGGERS_MESSAGE } from './script-app';
export type { EventTypeName, TriggerSourceName, WeekDayName } from './enums';
export type { ClockSchedule, TriggerInfo } from './trigger';
