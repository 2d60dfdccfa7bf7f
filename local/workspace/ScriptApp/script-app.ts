/**
 * ScriptApp of the local Workspace: installable triggers (time-driven and spreadsheet), the 20-trigger limit,
 * and nextRun() so the project and the runner can say when a clock trigger would fire next.
 */
import { Runtime, expose, unwrap } from '../runtime';
import { zonedParts, zonedTime } from '../zone';
import {
  AuthMode,
  EventType,
  EventTypeName,
  TriggerSource,
  TriggerSourceName,
  WEEK_DAYS,
  WeekDay,
} from './enums';
import { SCRIPT_SCOPES } from './scopes';
import { ClockSchedule, TriggerImpl, TriggerInfo } from './trigger';
import { TriggerBuilderImpl } from './trigger-builder';

/** "20 triggers / user / script" (https://developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

class ScriptAppImpl {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;
  readonly AuthMode = AuthMode;

  constructor(
    private readonly owner: LocalScript,
    private readonly runtime: Runtime,
  ) {}

  newTrigger(functionName: string): TriggerBuilderImpl {
    return expose(
      new TriggerBuilderImpl(this.owner, String(functionName), this.runtime),
      'TriggerBuilder',
      this.runtime,
    );
  }

  /** This user's triggers in this project (https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()). */
  getProjectTriggers(): TriggerImpl[] {
    return this.owner._mine().map((t) => this.owner._wrap(t));
  }

  getUserTriggers(spreadsheet: unknown): TriggerImpl[] {
    const source = unwrap(spreadsheet) as { getId?: () => string };
    const id = source?.getId?.() ?? this.owner._spreadsheetId();
    return this.owner
      ._mine()
      .filter((t) => t.triggerSourceId === id)
      .map((t) => this.owner._wrap(t));
  }

  /**
   * Removes one of this user's triggers. Triggers belong to their creator ("Installable triggers always run under
   * the account of the person who created them", https://developers.google.com/apps-script/guides/triggers/installable),
   * and a user cannot list another's; one handed over anyway is refused. Google documents no message for that,
   * so the wording is the local Workspace's own.
   */
  deleteTrigger(trigger: unknown): void {
    const raw = unwrap(trigger);
    const info = raw instanceof TriggerImpl ? raw._info : null;
    if (info === null) throw new Error('Invalid argument: trigger');
    const user = this.runtime.effectiveUser;
    if (info.owner !== user) {
      throw new Error(
        `Trigger ${info.uniqueId} belongs to ${info.owner} and cannot be deleted by ${user} (a user can delete only their own triggers).`,
      );
    }
    this.owner._delete(info.uniqueId);
  }
}

const DAY_MS = 86_400_000;

export class LocalScript {
  /** The global the bundle sees as ScriptApp. */
  readonly app: GoogleAppsScript.Script.ScriptApp;
  private readonly all: TriggerInfo[] = [];
  private nextId = 1;

  constructor(
    private readonly runtime: Runtime,
    private readonly spreadsheetId: () => string,
  ) {
    runtime.scopes.declare(SCRIPT_SCOPES);
    this.app = expose<GoogleAppsScript.Script.ScriptApp>(
      new ScriptAppImpl(this, runtime),
      'ScriptApp',
      runtime,
    );
  }

  /** Every installable trigger of the project, all users, oldest first (copies). */
  triggers(): TriggerInfo[] {
    return this.all.map((t) => ({ ...t, clock: t.clock ? { ...t.clock } : undefined }));
  }

  /** Removes every trigger, e.g. between runner scenarios. */
  clear(): void {
    this.all.length = 0;
  }

  /**
   * When a clock trigger would next fire strictly after `after`, or null (not a clock trigger, or a one-off
   * already past). Google runs "near" the slot (within the hour for atHour, ±15 min for nearMinute); this is the
   * start of the slot. Wall-clock times follow the trigger's time zone, so 08:00 stays 08:00 across BST changes.
   */
  nextRun(trigger: TriggerInfo | object, after: Date): Date | null {
    const info = this.infoOf(trigger);
    const clock = info?.clock;
    if (!info || !clock) return null;
    const created = info.created.getTime();
    const from = after.getTime();
    if (clock.at) return clock.at.getTime() > from ? new Date(clock.at.getTime()) : null;
    if (clock.afterMs !== undefined)
      return created + clock.afterMs > from ? new Date(created + clock.afterMs) : null;
    const period = clock.everyMinutes
      ? clock.everyMinutes * 60_000
      : clock.everyHours
        ? clock.everyHours * 3_600_000
        : 0;
    if (period > 0) {
      const k = Math.max(1, Math.floor((from - created) / period) + 1);
      return new Date(created + k * period);
    }
    return this.nextCalendarRun(info, clock, from);
  }

  private nextCalendarRun(info: TriggerInfo, clock: ClockSchedule, from: number): Date | null {
    const tz = clock.timeZone;
    const created = zonedParts(info.created, tz);
    // Without atHour Google picks an hour itself; the creation time of day stands in for it.
    const hour = clock.atHour ?? created.hour;
    const minute = clock.nearMinute ?? (clock.atHour !== undefined ? 0 : created.minute);
    const weekly = clock.everyWeeks !== undefined || clock.weekDay !== undefined;
    const weekDay = clock.weekDay ? WEEK_DAYS.indexOf(clock.weekDay) + 1 : created.weekday;
    const slot = (y: number, m: number, d: number) => zonedTime(tz, y, m, d, hour, minute);
    const calendarDay = (base: { year: number; month: number; day: number }, plusDays: number) => {
      const d = new Date(Date.UTC(base.year, base.month - 1, base.day + plusDays));
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        weekday: ((d.getUTCDay() + 6) % 7) + 1,
      };
    };

    // The first slot after creation anchors the cycle; later runs step from it in whole calendar days.
    let anchor: { year: number; month: number; day: number } | null = null;
    for (let i = 0; i <= 62 && !anchor; i++) {
      const day = calendarDay(created, i);
      const matches =
        clock.monthDay !== undefined ? day.day === clock.monthDay : weekly ? day.weekday === weekDay : true;
      if (matches && slot(day.year, day.month, day.day).getTime() > info.created.getTime()) anchor = day;
    }
    if (!anchor) return null;

    if (clock.monthDay !== undefined) {
      for (let k = 0; k < 1200; k++) {
        const d = new Date(Date.UTC(anchor.year, anchor.month - 1 + k, 1));
        const year = d.getUTCFullYear();
        const month = d.getUTCMonth() + 1;
        if (new Date(Date.UTC(year, month, 0)).getUTCDate() < clock.monthDay) continue;
        const run = slot(year, month, clock.monthDay);
        if (run.getTime() > from) return run;
      }
      return null;
    }

    const stepDays = weekly ? 7 * (clock.everyWeeks ?? 1) : (clock.everyDays ?? 1);
    const first = slot(anchor.year, anchor.month, anchor.day).getTime();
    let k = Math.max(0, Math.floor((from - first) / (stepDays * DAY_MS)) - 1);
    for (;;) {
      const day = calendarDay(anchor, k * stepDays);
      const run = slot(day.year, day.month, day.day);
      if (run.getTime() > from) return run;
      k++;
    }
  }

  private infoOf(trigger: TriggerInfo | object): TriggerInfo | null {
    const raw = unwrap(trigger);
    if (raw instanceof TriggerImpl) return raw._info;
    const info = raw as Partial<TriggerInfo>;
    if (typeof info.uniqueId === 'string')
      return this.all.find((t) => t.uniqueId === info.uniqueId) ?? (info as TriggerInfo);
    return null;
  }

  _timeZone(): string {
    return this.runtime.scriptTimeZone;
  }

  _spreadsheetId(): string {
    return this.spreadsheetId();
  }

  /** The triggers of the user the script runs as. */
  _mine(): TriggerInfo[] {
    return this.all.filter((t) => t.owner === this.runtime.effectiveUser);
  }

  _wrap(info: TriggerInfo): TriggerImpl {
    return expose<TriggerImpl>(new TriggerImpl(info), 'Trigger', this.runtime);
  }

  _register(
    handler: string,
    eventType: EventTypeName,
    source: TriggerSourceName,
    sourceId: string | null,
    clock?: ClockSchedule,
  ): TriggerImpl {
    if (this._mine().length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    const info: TriggerInfo = {
      uniqueId: String(8_000_000_000 + this.nextId++),
      handlerFunction: handler,
      eventType,
      triggerSource: source,
      triggerSourceId: sourceId,
      owner: this.runtime.effectiveUser,
      created: this.runtime.now(),
    };
    if (clock) info.clock = clock;
    this.all.push(info);
    return this._wrap(info);
  }

  _delete(uniqueId: string): void {
    const index = this.all.findIndex((t) => t.uniqueId === uniqueId);
    if (index >= 0) this.all.splice(index, 1);
  }
}
