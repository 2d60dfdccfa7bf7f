import {
  addDays,
  daysBetween,
  endOfMonth,
  formatLongUk,
  formatShortUk,
  fromIsoDate,
  isIsoDate,
  isoDateOf,
  toIsoDate,
  weekdayOf,
} from '../../src/core/dates';

const LONDON = 'Europe/London';

describe('isIsoDate', () => {
  test.each([
    ['2010-04-15', true],
    ['2008-02-29', true],
    ['2000-02-29', true],
    ['2007-02-29', false],
    ['1900-02-29', false],
    ['2010-04-31', false],
    ['2010-13-01', false],
    ['2010-4-15', false],
    ['15/04/2010', false],
    ['', false],
  ])('%s is a calendar day: %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('isoDateOf', () => {
  test('builds the day and refuses days that do not exist', () => {
    expect(isoDateOf(2007, 4, 1)).toBe('2007-04-01');
    expect(isoDateOf(2007, 2, 29)).toBeNull();
    expect(isoDateOf(2007, 0, 1)).toBeNull();
  });
});

describe('endOfMonth', () => {
  test.each([
    [2007, 2, '2007-02-28'],
    [2008, 2, '2008-02-29'],
    [1900, 2, '1900-02-28'],
    [2000, 2, '2000-02-29'],
    [2011, 3, '2011-03-31'],
    [2010, 6, '2010-06-30'],
    [2010, 12, '2010-12-31'],
  ])('%i-%i ends on %s', (year, month, expected) => {
    expect(endOfMonth(year, month)).toBe(expected);
  });
});

describe('addDays and daysBetween', () => {
  test('cross months, years and leap days', () => {
    expect(addDays('2008-02-28', 1)).toBe('2008-02-29');
    expect(addDays('2007-02-28', 1)).toBe('2007-03-01');
    expect(addDays('2010-12-31', 1)).toBe('2011-01-01');
    expect(addDays('2011-01-01', -1)).toBe('2010-12-31');
    expect(addDays('2010-04-15', 0)).toBe('2010-04-15');
  });

  test('are not shifted by the clocks changing', () => {
    expect(addDays('2010-03-27', 2)).toBe('2010-03-29');
    expect(addDays('2010-10-30', 2)).toBe('2010-11-01');
    expect(daysBetween('2010-03-27', '2010-03-29')).toBe(2);
    expect(daysBetween('2010-10-30', '2010-11-01')).toBe(2);
  });

  test('daysBetween is to minus from', () => {
    expect(daysBetween('2010-07-31', '2010-08-28')).toBe(28);
    expect(daysBetween('2010-08-28', '2010-07-31')).toBe(-28);
    expect(daysBetween('2008-01-01', '2009-01-01')).toBe(366);
    expect(daysBetween('2007-01-01', '2008-01-01')).toBe(365);
  });

  test('agree with each other over a span', () => {
    for (let n = -400; n <= 400; n += 37) {
      expect(daysBetween('2010-04-15', addDays('2010-04-15', n))).toBe(n);
    }
  });
});

describe('toIsoDate in Europe/London', () => {
  test.each([
    ['2010-01-15T23:30:00Z', '2010-01-15', 'winter: GMT'],
    ['2010-06-30T23:30:00Z', '2010-07-01', 'summer: BST is an hour ahead'],
    ['2010-03-27T23:30:00Z', '2010-03-27', 'the night before BST starts'],
    ['2010-03-28T00:59:59Z', '2010-03-28', 'just before BST starts at 01:00 UTC'],
    ['2010-03-28T23:30:00Z', '2010-03-29', 'the first night of BST'],
    ['2010-10-30T23:30:00Z', '2010-10-31', 'the last night of BST'],
    ['2010-10-31T23:30:00Z', '2010-10-31', 'the first night back on GMT'],
  ])('%s is %s (%s)', (instant, expected) => {
    expect(toIsoDate(new Date(instant), LONDON)).toBe(expected);
  });

  test('reads other zones too', () => {
    expect(toIsoDate(new Date('2010-07-01T03:00:00Z'), 'America/New_York')).toBe('2010-06-30');
    expect(toIsoDate(new Date('2010-06-30T15:00:00Z'), 'Pacific/Auckland')).toBe('2010-07-01');
  });
});

describe('fromIsoDate', () => {
  test.each([
    ['2010-01-15', '2010-01-15T00:00:00.000Z'],
    ['2010-07-01', '2010-06-30T23:00:00.000Z'],
    ['2010-03-28', '2010-03-28T00:00:00.000Z'],
    ['2010-03-29', '2010-03-28T23:00:00.000Z'],
    ['2010-10-31', '2010-10-30T23:00:00.000Z'],
    ['2010-11-01', '2010-11-01T00:00:00.000Z'],
  ])('midnight of %s in London is %s', (day, expected) => {
    expect(fromIsoDate(day, LONDON).toISOString()).toBe(expected);
  });

  test('is the first instant of the day where the clocks skip midnight', () => {
    // Chile moved to summer time at midnight on 10 October 2010: that day began at 01:00.
    expect(fromIsoDate('2010-10-10', 'America/Santiago').toISOString()).toBe('2010-10-10T04:00:00.000Z');
  });

  test.each([LONDON, 'America/New_York', 'America/Santiago', 'Australia/Sydney', 'UTC'])(
    'is the first instant of every day of 2010 in %s',
    (zone) => {
      for (let day = '2010-01-01'; day <= '2010-12-31'; day = addDays(day, 1)) {
        const start = fromIsoDate(day, zone);
        expect(toIsoDate(start, zone)).toBe(day);
        expect(toIsoDate(new Date(start.getTime() - 1), zone)).toBe(addDays(day, -1));
      }
    },
  );
});

describe('formatLongUk', () => {
  test('dates a paper as the seed briefing paper does', () => {
    expect(formatLongUk('2010-04-15')).toBe('Thursday, 15th April 2010');
  });

  test.each([
    ['2010-01-01', 'Friday, 1st January 2010'],
    ['2010-01-02', 'Saturday, 2nd January 2010'],
    ['2010-01-03', 'Sunday, 3rd January 2010'],
    ['2010-01-04', 'Monday, 4th January 2010'],
    ['2010-01-11', 'Monday, 11th January 2010'],
    ['2010-01-12', 'Tuesday, 12th January 2010'],
    ['2010-01-13', 'Wednesday, 13th January 2010'],
    ['2010-01-21', 'Thursday, 21st January 2010'],
    ['2010-01-22', 'Friday, 22nd January 2010'],
    ['2010-01-23', 'Saturday, 23rd January 2010'],
    ['2010-01-31', 'Sunday, 31st January 2010'],
    ['2008-02-29', 'Friday, 29th February 2008'],
  ])('%s is %s', (day, expected) => {
    expect(formatLongUk(day)).toBe(expected);
  });

  test('refuses what is not a day', () => {
    expect(() => formatLongUk('2007-02-29')).toThrow();
  });
});

describe('formatShortUk', () => {
  test.each([
    ['2010-04-15', '15 Apr 2010'],
    ['2007-09-01', '1 Sep 2007'],
    ['2011-03-31', '31 Mar 2011'],
  ])('%s is %s', (day, expected) => {
    expect(formatShortUk(day)).toBe(expected);
  });
});

describe('weekdayOf', () => {
  test('counts from Sunday', () => {
    expect(weekdayOf('2010-01-03')).toBe(0);
    expect(weekdayOf('2010-04-15')).toBe(4);
    expect(weekdayOf('2010-01-02')).toBe(6);
  });
});
