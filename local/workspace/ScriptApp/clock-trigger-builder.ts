/** The builder of time-driven triggers. */
import { isDate } from '../runtime';
import { isKnownTimeZone, zonedTime } from '../zone';
import { WEEK_DAYS, type WeekDayName } from './enums';
import type { LocalScript } from './script-app';
import type { ClockSchedule, TriggerImpl } from './trigger';

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Invalid argument: ${name}`);
  return n;
}

/** https://developers.google.com/apps-script/reference/script/clock-trigger-builder */
export class ClockTriggerBuilderImpl {
  private readonly spec: Omit<ClockSchedule, 'timeZone'> & { timeZone?: string } = {};
  private pendingDate: [number, number, number] | null = null;

  constructor(
    private readonly owner: LocalScript,
    private readonly handler: string,
  ) {}

  /** The reference allows only 1, 5, 10, 15 or 30 minutes. */
  everyMinutes(n: number): this {
    const minutes = Number(n);
    if (![1, 5, 10, 15, 30].includes(minutes)) throw new Error('Invalid argument: minutes');
    this.spec.everyMinutes = minutes;
    return this;
  }
  everyHours(n: number): this {
    this.spec.everyHours = wholeNumber(n, 'hours', 1, 24 * 365);
    return this;
  }
  everyDays(n: number): this {
    this.spec.everyDays = wholeNumber(n, 'days', 1, 365);
    return this;
  }
  everyWeeks(n: number): this {
    this.spec.everyWeeks = wholeNumber(n, 'weeks', 1, 52);
    return this;
  }
  onWeekDay(day: unknown): this {
    const name = String(day) as WeekDayName;
    if (!WEEK_DAYS.includes(name)) throw new Error('Invalid argument: day');
    this.spec.weekDay = name;
    return this;
  }
  onMonthDay(day: number): this {
    this.spec.monthDay = wholeNumber(day, 'day', 1, 31);
    return this;
  }
  atHour(hour: number): this {
    this.spec.atHour = wholeNumber(hour, 'hour', 0, 23);
    return this;
  }
  /** Google fires within ±15 minutes of it; nextRun() reports the minute itself. */
  nearMinute(minute: number): this {
    this.spec.nearMinute = wholeNumber(minute, 'minute', 0, 59);
    return this;
  }
  inTimezone(timezone: string): this {
    if (!isKnownTimeZone(timezone)) throw new Error('Invalid argument: timezone');
    this.spec.timeZone = String(timezone);
    return this;
  }
  at(date: Date): this {
    if (!isDate(date)) throw new Error('Invalid argument: date');
    this.spec.at = new Date(date.getTime());
    return this;
  }
  /** Near midnight of that day in the trigger's time zone, as the reference says. */
  atDate(year: number, month: number, day: number): this {
    this.pendingDate = [
      wholeNumber(year, 'year', 1970, 9999),
      wholeNumber(month, 'month', 1, 12),
      wholeNumber(day, 'day', 1, 31),
    ];
    return this;
  }
  after(durationMilliseconds: number): this {
    this.spec.afterMs = wholeNumber(durationMilliseconds, 'durationMilliseconds', 0, Number.MAX_SAFE_INTEGER);
    return this;
  }

  create(): TriggerImpl {
    const timeZone = this.spec.timeZone ?? this.owner._timeZone();
    const clock: ClockSchedule = { ...this.spec, timeZone };
    if (this.pendingDate) clock.at = zonedTime(timeZone, ...this.pendingDate, 0, 0);
    const recurrences = [
      clock.everyMinutes,
      clock.everyHours,
      clock.everyDays,
      clock.everyWeeks ?? clock.weekDay,
      clock.monthDay,
      clock.at,
      clock.afterMs,
    ].filter((v) => v !== undefined).length;
    if (recurrences === 0)
      throw new Error('Missing a schedule: call everyMinutes, everyHours, everyDays, ...');
    if (recurrences > 1) throw new Error('Already chosen a schedule for this trigger.');
    if ((clock.atHour !== undefined || clock.nearMinute !== undefined) && !this.daily(clock)) {
      throw new Error('atHour and nearMinute only apply to everyDays, everyWeeks and onMonthDay triggers.');
    }
    return this.owner._register(this.handler, 'CLOCK', 'CLOCK', null, clock);
  }

  private daily(clock: ClockSchedule): boolean {
    return (
      clock.everyDays !== undefined ||
      clock.everyWeeks !== undefined ||
      clock.weekDay !== undefined ||
      clock.monthDay !== undefined
    );
  }
}
