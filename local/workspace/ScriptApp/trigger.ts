/** An installable trigger, and what the runner knows of it. */
import type { EventTypeName, TriggerSourceName, WeekDayName } from './enums';

/** What a ClockTriggerBuilder was told. Times of day are in `timeZone`. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  weekDay?: WeekDayName;
  monthDay?: number;
  atHour?: number;
  nearMinute?: number;
  /** One-off: at(date) or atDate(year, month, day). */
  at?: Date;
  /** One-off: after(ms), counted from creation. */
  afterMs?: number;
  timeZone: string;
}

/** A trigger as the runner sees it. */
export interface TriggerInfo {
  uniqueId: string;
  handlerFunction: string;
  eventType: EventTypeName;
  triggerSource: TriggerSourceName;
  /** The spreadsheet id for spreadsheet triggers; null for clock triggers. */
  triggerSourceId: string | null;
  /** The account that created it; the trigger runs as this user. */
  owner: string;
  created: Date;
  clock?: ClockSchedule;
}

/** https://developers.google.com/apps-script/reference/script/trigger */
export class TriggerImpl {
  constructor(readonly _info: TriggerInfo) {}
  getHandlerFunction(): string {
    return this._info.handlerFunction;
  }
  getUniqueId(): string {
    return this._info.uniqueId;
  }
  getEventType(): EventTypeName {
    return this._info.eventType;
  }
  getTriggerSource(): TriggerSourceName {
    return this._info.triggerSource;
  }
  getTriggerSourceId(): string | null {
    return this._info.triggerSourceId;
  }
}
