import type { Timescale } from '../../src/core/model';
import { dueDateOf, parseTimescale } from '../../src/core/timescale';
import { CORPUS, SEED_000, SEED_003, type CorpusEntry } from './timescale-corpus';

/** Everything parseTimescale understood, without the text it was given. */
function understood(t: Timescale): Omit<Timescale, 'text'> {
  return Object.fromEntries(Object.entries(t).filter(([key]) => key !== 'text')) as Omit<Timescale, 'text'>;
}

function expectedOf(e: CorpusEntry): Omit<Timescale, 'text'> {
  return {
    kind: e.kind,
    dates: e.dates,
    ...(e.start !== undefined ? { start: e.start } : {}),
    ...(e.inheritsFrom !== undefined ? { inheritsFrom: e.inheritsFrom } : {}),
    ...(e.recurring !== undefined ? { recurring: e.recurring } : {}),
  };
}

describe('every timescale in the seeds', () => {
  test('the corpus holds all 12 rows of seed 000 and all 59 actions of seed 003', () => {
    expect(SEED_000).toHaveLength(12);
    expect(SEED_003).toHaveLength(59);
  });

  describe.each(CORPUS.map((e) => [`${e.seed} ${e.where}: ${JSON.stringify(e.text)}`, e] as const))(
    '%s',
    (_label, entry) => {
      const timescale = parseTimescale(entry.text);

      test(`is understood as ${entry.kind}`, () => {
        expect(understood(timescale)).toEqual(expectedOf(entry));
      });

      test('keeps the text as written', () => {
        expect(timescale.text).toBe(entry.text);
      });

      test('gives the due date a status is computed from', () => {
        if (entry.kind === 'milestones') {
          expect(entry.dueOn?.length).toBeGreaterThan(0);
          for (const { today, due } of entry.dueOn ?? []) expect(dueDateOf(timescale, today)).toBe(due);
        } else if (entry.kind === 'deadline') {
          const deadline = entry.dates[0];
          expect(dueDateOf(timescale, '2000-01-01')).toBe(deadline);
          expect(dueDateOf(timescale, '2020-01-01')).toBe(deadline);
        } else {
          expect(dueDateOf(timescale, '2010-08-02')).toBeNull();
        }
      });
    },
  );
});

describe('parseTimescale', () => {
  const read = (text: string, defaultYear?: number): Omit<Timescale, 'text'> =>
    understood(parseTimescale(text, defaultYear === undefined ? {} : { defaultYear }));
  const deadline = (date: string): Omit<Timescale, 'text'> => ({ kind: 'deadline', dates: [date] });
  const notUnderstood = { kind: 'not understood', dates: [] };

  describe('dates in UK order', () => {
    test.each([
      ['1/4/2007', '2007-04-01'],
      ['01/04/2007', '2007-04-01'],
      ['31.03.2011', '2011-03-31'],
      ['1-4-07', '2007-04-01'],
      ['31st March 2011', '2011-03-31'],
      ['by the 1st of April 2008', '2008-04-01'],
      ['March 31st, 2011', '2011-03-31'],
      ['2011-03-31', '2011-03-31'],
      ['Sept 2010', '2010-09-30'],
      ['Feb. 2008', '2008-02-29'],
      ['by end of June 2010', '2010-06-30'],
      ['end-June 2010', '2010-06-30'],
    ])('%s is due %s', (text, date) => {
      expect(read(text)).toEqual(deadline(date));
    });

    test.each(['31/4/2007', '29 February 2007', '13/13/2007'])('%s names no real day', (text) => {
      expect(read(text)).toEqual(notUnderstood);
    });
  });

  describe('the council phrasing around dates', () => {
    test.each([
      ['before 1 April 2007', '2007-03-31'],
      ['Before March 2008', '2008-02-29'],
      ['by the beginning of May 2007', '2007-05-01'],
      ['between May and July 2007', '2007-07-31'],
      ['from May 2007 to March 2008', '2008-03-31'],
      ['during 2010/11', '2011-03-31'],
      ['by the end of 2008', '2008-12-31'],
      ['Spring 2011', '2011-05-31'],
      ['Summer 2010', '2010-08-31'],
      ['Winter 2010/11', '2011-02-28'],
    ])('%s is due %s', (text, date) => {
      expect(read(text)).toEqual(deadline(date));
    });

    test.each([
      'Winter 2010',
      'mid-March 2007',
      'early 2008',
      'late Autumn 2010',
      'Report to Cabinet next month',
      'within two weeks',
      'Q3 2010',
      'Corporate Plan 2008-11',
      'As required',
      '   ',
    ])('%s is not guessed', (text) => {
      expect(read(text)).toEqual(notUnderstood);
    });

    test('"may" the verb is not May', () => {
      expect(read('Officers may report by June 2010')).toEqual(deadline('2010-06-30'));
      expect(read('Members may attend')).toEqual(notUnderstood);
    });

    test('a start is the first day of what it names', () => {
      expect(read('Starting in September 2010')).toEqual({ kind: 'start', dates: [], start: '2010-09-01' });
      expect(read('with effect from 1 April 2008')).toEqual({
        kind: 'start',
        dates: [],
        start: '2008-04-01',
      });
    });

    test('milestones are in date order, each once', () => {
      expect(read('April 2011, then January 2011 and again April 2011')).toEqual({
        kind: 'milestones',
        dates: ['2011-01-31', '2011-04-30'],
      });
    });

    test('markup is stripped before reading', () => {
      const text = '<p><b>By</b>&nbsp;March 2011 &amp; ongoing</p>';
      const t = parseTimescale(text);
      expect(t).toEqual({ text, kind: 'deadline', dates: ['2011-03-31'] });
    });

    test('a recommendation reference keeps its numbers in the order written', () => {
      expect(read('As for Recc. 5 above')).toEqual({ kind: 'inherited', dates: [], inheritsFrom: ['5'] });
      expect(read('See Recommendations 3, 9 & 10')).toEqual({
        kind: 'inherited',
        dates: [],
        inheritsFrom: ['3', '9', '10'],
      });
    });
  });

  describe('a month without a year', () => {
    test('takes the year of the dated month after it, a year earlier when it falls later in the year', () => {
      expect(read('by November, the rest by February 2008')).toEqual({
        kind: 'milestones',
        dates: ['2007-11-30', '2008-02-29'],
      });
    });

    test('else of the dated month before it, a year later when it falls earlier in the year', () => {
      expect(read('December 2007 and March')).toEqual({
        kind: 'milestones',
        dates: ['2007-12-31', '2008-03-31'],
      });
    });

    test("else the context's default year", () => {
      expect(read('by March', 2011)).toEqual(deadline('2011-03-31'));
      expect(read('30 January', 2007)).toEqual(deadline('2007-01-30'));
    });

    test('else it is not understood', () => {
      expect(read('by March')).toEqual(notUnderstood);
    });

    test('beside a frequency is a recurring window, not a day', () => {
      expect(read('Annually (Feb/Mar)', 2010)).toEqual({ kind: 'ongoing', dates: [] });
    });
  });
});

describe('dueDateOf', () => {
  const milestones: Timescale = {
    text: 'July 2010, October 2010, January 2011 & April 2011',
    kind: 'milestones',
    // Written out of order by hand: the next one due is still found.
    dates: ['2011-01-31', '2010-07-31', '2011-04-30', '2010-10-31'],
  };

  test('for milestones is the first not yet passed, counting the day itself as not passed', () => {
    expect(dueDateOf(milestones, '2010-01-01')).toBe('2010-07-31');
    expect(dueDateOf(milestones, '2010-10-31')).toBe('2010-10-31');
    expect(dueDateOf(milestones, '2010-11-01')).toBe('2011-01-31');
  });

  test('for milestones all passed is the last, so the action shows overdue', () => {
    expect(dueDateOf(milestones, '2012-01-01')).toBe('2011-04-30');
  });

  test('is null where nothing is due', () => {
    const none: Timescale[] = [
      { text: 'Ongoing', kind: 'ongoing', dates: [] },
      { text: 'From 1 April 2007', kind: 'start', dates: [], start: '2007-04-01' },
      { text: 'As for Recc.1', kind: 'inherited', dates: [], inheritsFrom: ['1'] },
      { text: 'As agreed with internal audit', kind: 'not understood', dates: [] },
    ];
    for (const t of none) expect(dueDateOf(t, '2007-06-01')).toBeNull();
  });
});
