/**
 * Understanding a timescale as officers write it (DESIGN.md, Timescales).
 *
 * The date part is our own small reader rather than a general natural-language date parser: such parsers resolve
 * relative phrases ("next month", "within two weeks", "Friday") against the day the text happens to be read, which
 * here would be a silent guess, and they know nothing of "End February 2007", seasons or a plan's financial year.
 *
 * The rules, in the order they are applied:
 * - Markup that comes with imported cells (`<ul ...>`, `<p>`, `<b>`, entities, bullets) is stripped first.
 * - Dates are read in UK day-first order: "30 January 2007", "1/4/2007" (1 April), "31st March 2011".
 * - A month without a day means the end of that month ("June 2010" is 30 June 2010); "End February 2007",
 *   "by end of" and "Before end March 2007" are the same day. A year after "during", "in", "by" or "end of" means
 *   the end of that year ("during 2007" is 31 December 2007); a financial year ("during 2010/11") ends on 31 March.
 * - Seasons are the Met Office's: spring ends 31 May, summer 31 August, autumn 30 November ("Autumn 2010" is
 *   30 November 2010). Winter spans two years, so only "Winter 2010/11" is read (28 February 2011); a bare
 *   "Winter 2010" is not understood.
 * - "before" a day or month means the day before it starts ("before 1 April 2007" is 31 March 2007).
 * - A month with no year ("by March") takes its year from the nearest dated month in the same text ("by March,
 *   other tiers before the end of May 2007" is March 2007), else from the context's default year; with neither,
 *   the whole timescale is not understood. A bare month counts only after "by", "in", "from" and the like, or
 *   when a list or range joins it to another date, so "Members may" is not read as May.
 * - "early", "mid" or "late" before a date would make any single day a guess: the timescale is not understood.
 * - A range ("January to March 2007", "between May and July 2007") is due at its end.
 * - A date after "from", "beginning", "starting", "commencing" or "with effect from" is a start, not a due date.
 * - Every due date found makes the timescale a deadline (one) or milestones (several, in date order), even when the
 *   text also says "Ongoing" for another part of the same cell: the dated part is what can fall overdue. A start
 *   named beside due dates is where those deadlines lead, not itself due ("completed by June 2007 ... in place by
 *   December 2007, with a view to ... operating from 1 April 2008" is milestones June and December 2007).
 * - "May 2007 and annually thereafter" is a deadline of 31 May 2007: once that first round is done the officer
 *   marks it or records a revised due date for the next round, so the status never quietly stops being overdue.
 * - Only a start and no due date: kind 'start'.
 * - Financial-year quarters: "Q4 2023/24" is January to March 2024, due 31 March 2024 (Q1 is April to June). A
 *   quarter without its financial year ("Q3 2010") is not understood: calendar or financial is a guess.
 * - Excel's month forms: "Dec-24" and "31-Dec-24" (two-digit years after a month are this century's), and "31 Dec
 *   24". "w/c 3 June 2024" (week commencing) is due at the end of that week, Sunday 9 June.
 * - A whole financial year alone ("2024/25") is due at its end. A bare calendar year ("2025") is not understood.
 * - "Complete", "Completed", "Done", "Achieved", "Implemented", "Closed" alone: kind 'completed', no date.
 * - Yearless months listed with a frequency or "each year" ("Quarterly, reported in October and March") recur:
 *   milestones at the end of each of those months every year, the next one due. Months joined by "/" ("Annually
 *   (Feb/Mar)") are one window, not each due: ongoing.
 * - "As for Reccs. 1 and 6", "See Reccs. 9 and 10": inherited from those recommendations.
 * - "Ongoing", "Continues", "Constant process", "At least monthly", "Quarterly" and the like: ongoing.
 *   "Immediately" is ongoing too: it names no day to be due by (the plan's approval date is not in the text) and
 *   the actions it is written against are practices to start now and keep up.
 * - Anything else ("As agreed with internal audit", "") is not understood, with no dates: a person decides.
 */
import { addDays, endOfMonth, isoDateOf } from './dates';
import type { IsoDate, Timescale } from './model';

export interface TimescaleContext {
  /** Year assumed for a month or day without a year ("by March"), e.g. from the plan's period. */
  readonly defaultYear?: number;
}

/** Reads a timescale as written. Never throws: what it cannot read is kind 'not understood'. */
export function parseTimescale(text: string, context: TimescaleContext = {}): Timescale {
  const plain = plainText(text);
  const notUnderstood: Timescale = { text, kind: 'not understood', dates: [] };
  if (plain === '') return notUnderstood;

  if (COMPLETED.test(plain)) return { text, kind: 'completed', dates: [] };
  const mentions = findMentions(WHOLE_FINANCIAL_YEAR.test(plain) ? `during ${plain}` : plain);
  if (mentions === null) return notUnderstood;
  if (mentions.length > 0 && mentions.every((m) => m.year === null) && RECURS.test(plain)) {
    return recurring(text, plain, mentions);
  }
  if (!fillInYears(mentions, context.defaultYear)) return notUnderstood;

  const due: IsoDate[] = [];
  const starts: IsoDate[] = [];
  for (const m of mentions) {
    const span = spanOf(m);
    if (span === null) return notUnderstood;
    switch (m.role) {
      case 'due':
        due.push(span.last);
        break;
      case 'dueAtStart':
        due.push(span.first);
        break;
      case 'dueBefore':
        due.push(addDays(span.first, -1));
        break;
      case 'dueWeekEnd':
        due.push(addDays(span.first, 6));
        break;
      case 'start':
        starts.push(span.first);
        break;
      case 'rangeFrom':
        break;
    }
  }

  if (due.length > 0) {
    const dates = [...new Set(due)].sort();
    return { text, kind: dates.length === 1 ? 'deadline' : 'milestones', dates };
  }
  if (starts.length > 0) return { text, kind: 'start', dates: [], start: starts[0] };

  const inheritsFrom = inheritedFrom(plain);
  if (inheritsFrom !== null) return { text, kind: 'inherited', dates: [], inheritsFrom };
  if (ONGOING.test(plain)) return { text, kind: 'ongoing', dates: [] };
  return notUnderstood;
}

/**
 * The due date this timescale gives on `today`: the deadline; for milestones the first not yet passed (the
 * last one once all have passed); null for ongoing, start, inherited and not understood.
 */
export function dueDateOf(timescale: Timescale, today: IsoDate): IsoDate | null {
  if (timescale.kind === 'milestones' && timescale.recurring !== undefined) {
    return nextRecurring(timescale.recurring, today);
  }
  const dates = timescale.dates;
  if (dates.length === 0) return null;
  if (timescale.kind === 'deadline') return dates[0];
  if (timescale.kind !== 'milestones') return null;
  const ordered = [...dates].sort();
  return ordered.find((d) => d >= today) ?? ordered[ordered.length - 1];
}

// ---------------------------------------------------------------------------------------------------------------

/** Imported cells may carry HTML-ish markup, entities, bullets and Markdown emphasis. */
function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, '&')
    .replace(/[•◦○▪■·✓✔*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type Role = 'due' | 'dueAtStart' | 'dueBefore' | 'dueWeekEnd' | 'start' | 'rangeFrom';

interface Mention {
  readonly index: number;
  readonly end: number;
  readonly unit: 'day' | 'month' | 'season' | 'quarter' | 'year' | 'financialYear';
  year: number | null;
  /** 1 to 12; for a season, the month it starts in. */
  readonly month: number;
  readonly day: number;
  role: Role;
}

const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`;
const ORDINAL = String.raw`(?:st|nd|rd|th)?`;

/** One pass over the text, longest forms first, so "30 January 2007" is one mention, not a day and a month. */
const MENTION = new RegExp(
  [
    String.raw`\b(?:q|quarter\s*)(?<q>[1-4])\s+(?:of\s+)?(?<qy>\d{4}|\d{2})\s*[/-]\s*(?<qy2>\d{4}|\d{2})\b`,
    String.raw`\b(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2})\b`,
    String.raw`\b(?<nd>\d{1,2})(?<sep>[/.-])(?<nm>\d{1,2})\k<sep>(?<ny>\d{4}|\d{2})\b`,
    String.raw`\b(?<xd>\d{1,2})-${MONTH.replace('(', '(?<xm>')}-(?<xy>\d{4}|\d{2})\b`,
    String.raw`\b(?<dd>\d{1,2})${ORDINAL}(?:\s+of)?\s+${MONTH.replace('(', '(?<dm>')}(?:,?\s+(?<dy>\d{4}|\d{2})\b)?`,
    String.raw`\b${MONTH.replace('(', '(?<mdm>')}\s+(?<md>\d{1,2})${ORDINAL},?\s+(?<mdy>\d{4})\b`,
    String.raw`\b(?<season>spring|summer|autumn|winter)\s+(?:of\s+)?(?<sy>\d{4})(?:\s*[/-]\s*(?<sy2>\d{4}|\d{2}))?\b`,
    String.raw`\b${MONTH.replace('(', '(?<mm>')}(?:(?:,?\s*|-)(?<my>\d{4})\b|-(?<my2>\d{2})\b)?`,
    String.raw`\b(?<yy>\d{4})(?:\s*[/-]\s*(?<yy2>\d{4}|\d{2}))?\b`,
  ].join('|'),
  'gi',
);

const MONTH_STARTS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SEASON_START_MONTH: Readonly<Record<string, number>> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

// What comes just before a mention, matched against the text that precedes it.
const VAGUE_BEFORE = /\b(?:early|mid|middle\s+of|late|around|approximately|circa)[\s-]*(?:the\s+)?$/i;
const DUE_AT_START_BEFORE = /\bby\s+(?:the\s+)?(?:beginning|start)\s+of\s+(?:the\s+)?$/i;
const START_BEFORE =
  /(?:\bfrom|\bbeginning(?:\s+(?:of|in))?|\bstarting(?:\s+(?:in|on|from))?|\bcommencing(?:\s+(?:in|on))?)\s+(?:the\s+)?$/i;
const END_BEFORE = /\bend(?:\s+of)?[\s-]+(?:the\s+)?$/i;
const WEEK_BEFORE = /(?:\bw\/c|\bw\.c\.|\bwc|\bweek\s+(?:commencing|beginning|starting))\s*$/i;
const BEFORE_BEFORE = /\bbefore\s+(?:the\s+)?$/i;
const BETWEEN_BEFORE = /\bbetween\s+(?:the\s+)?$/i;
const RANGE_TO_NEXT = /^\s*(?:to|until|till|through|[-–—])\s*$/i;
/** A bare year is a date only after one of these; otherwise "2008-11" in "Corporate Plan 2008-11" would be one. */
const YEAR_CUE_BEFORE =
  /\b(?:during|in|by|from|end\s+of|before)\s+(?:the\s+)?(?:(?:financial|calendar)\s+year\s+)?$/i;
/**
 * A month with no day and no year is a date only after one of these, or when a list or range carries on to
 * another date ("January to March 2007", "December 2007 and March"): "Members may" is not May.
 */
const BARE_MONTH_CUE_BEFORE =
  /\b(?:by|in|from|to|until|till|before|end|of|during|beginning|starting|commencing|between)\s+(?:the\s+)?$/i;
const LIST_WORD = String.raw`(?:[,&/]|\band\b|\bor\b|\bto\b|\buntil\b|\btill\b|\bthrough\b|[-–—])`;
const LIST_TO_MONTH_AFTER = new RegExp(String.raw`^\s*${LIST_WORD}\s*(?:\d{1,2}${ORDINAL}\s+)?${MONTH}`, 'i');
const LIST_GAP = new RegExp(String.raw`^\s*${LIST_WORD}\s*$`, 'i');

/** Every date the text names, with its role; null when one of them cannot be read without guessing. */
function findMentions(plain: string): Mention[] | null {
  const mentions: Mention[] = [];
  for (const match of plain.matchAll(MENTION)) {
    const g = match.groups ?? {};
    const index = match.index ?? 0;
    const before = plain.slice(Math.max(0, index - 40), index);
    const end = index + match[0].length;
    const base = { index, end, role: 'due' as Role };
    if (VAGUE_BEFORE.test(before)) return null;

    let mention: Mention | null;
    if (g.q !== undefined) {
      mention = quarterMention(base, Number(g.q), g.qy, g.qy2);
      if (mention === null) return null;
    } else if (g.iy !== undefined) {
      mention = { ...base, unit: 'day', year: Number(g.iy), month: Number(g.im), day: Number(g.id) };
    } else if (g.nd !== undefined) {
      mention = { ...base, unit: 'day', year: fullYear(g.ny), month: Number(g.nm), day: Number(g.nd) };
    } else if (g.xd !== undefined) {
      mention = { ...base, unit: 'day', year: fullYear(g.xy), month: monthNumber(g.xm), day: Number(g.xd) };
    } else if (g.dd !== undefined) {
      const year = g.dy === undefined ? null : fullYear(g.dy);
      mention = { ...base, unit: 'day', year, month: monthNumber(g.dm), day: Number(g.dd) };
    } else if (g.mdm !== undefined) {
      mention = { ...base, unit: 'day', year: Number(g.mdy), month: monthNumber(g.mdm), day: Number(g.md) };
    } else if (g.season !== undefined) {
      mention = seasonMention(base, g.season.toLowerCase(), Number(g.sy), g.sy2);
      if (mention === null) return null;
    } else if (g.mm !== undefined) {
      const previous = mentions[mentions.length - 1];
      const listedAfterDate = previous !== undefined && LIST_GAP.test(plain.slice(previous.end, index));
      const listedBeforeDate = LIST_TO_MONTH_AFTER.test(plain.slice(end, end + 40));
      if (
        g.my === undefined &&
        g.my2 === undefined &&
        !BARE_MONTH_CUE_BEFORE.test(before) &&
        !listedAfterDate &&
        !listedBeforeDate
      ) {
        continue;
      }
      const year = g.my2 !== undefined ? fullYear(g.my2) : yearOrNull(g.my);
      mention = { ...base, unit: 'month', year, month: monthNumber(g.mm), day: 1 };
    } else {
      if (!YEAR_CUE_BEFORE.test(before)) continue;
      mention = yearMention(base, Number(g.yy), g.yy2);
      if (mention === null) continue;
    }

    if (WEEK_BEFORE.test(before)) mention.role = 'dueWeekEnd';
    else if (DUE_AT_START_BEFORE.test(before)) mention.role = 'dueAtStart';
    else if (START_BEFORE.test(before)) mention.role = 'start';
    else if (END_BEFORE.test(before)) mention.role = 'due';
    else if (BETWEEN_BEFORE.test(before)) mention.role = 'rangeFrom';
    else if (BEFORE_BEFORE.test(before)) mention.role = 'dueBefore';
    mentions.push(mention);
  }
  // The first of two dates joined by "to" (or "and" after "between") only opens the range.
  for (let i = 0; i + 1 < mentions.length; i++) {
    const gap = plain.slice(mentions[i].end, mentions[i + 1].index);
    if (RANGE_TO_NEXT.test(gap)) mentions[i].role = 'rangeFrom';
  }
  return mentions;
}

function seasonMention(
  base: Pick<Mention, 'index' | 'end' | 'role'>,
  season: string,
  year: number,
  secondYear: string | undefined,
): Mention | null {
  if (season === 'winter') {
    // Winter is December to February: only "Winter 2010/11" says which one.
    if (secondYear === undefined || fullYear(secondYear) !== year + 1) return null;
    return { ...base, unit: 'season', year, month: 12, day: 1 };
  }
  if (secondYear !== undefined) return null;
  return { ...base, unit: 'season', year, month: SEASON_START_MONTH[season], day: 1 };
}

/** A quarter of the financial year: Q1 is April to June of its first year, Q4 January to March of its second. */
function quarterMention(
  base: Pick<Mention, 'index' | 'end' | 'role'>,
  quarter: number,
  year: string,
  secondYear: string,
): Mention | null {
  const first = fullYear(year);
  if (fullYear(secondYear) !== first + 1) return null;
  const month = quarter === 4 ? 1 : quarter * 3 + 1;
  return { ...base, unit: 'quarter', year: quarter === 4 ? first + 1 : first, month, day: 1 };
}

function yearMention(
  base: Pick<Mention, 'index' | 'end' | 'role'>,
  year: number,
  secondYear: string | undefined,
): Mention | null {
  if (year < 1900 || year > 2199) return null;
  if (secondYear === undefined) return { ...base, unit: 'year', year, month: 1, day: 1 };
  // "2010/11" is the council's financial year, April to March; other spans ("2008-11") are not one date.
  if (fullYear(secondYear) !== year + 1) return null;
  return { ...base, unit: 'financialYear', year, month: 4, day: 1 };
}

/**
 * Gives each yearless day or month the year of the nearest dated one after it (a year earlier if it falls later
 * in the calendar: "November to February 2008"), else before it (a year later if earlier in the calendar:
 * "December 2007 and March"), else the default year. False when some year cannot be known.
 */
function fillInYears(mentions: Mention[], defaultYear: number | undefined): boolean {
  // Only days and months lend their year: a season or a year says nothing about which March is meant.
  const dated = mentions.filter((m) => m.year !== null && (m.unit === 'day' || m.unit === 'month'));
  for (const m of mentions) {
    if (m.year !== null) continue;
    const next = dated.find((d) => d.index > m.index);
    const previous = [...dated].reverse().find((d) => d.index < m.index);
    const key = (x: Mention): number => x.month * 100 + x.day;
    if (next !== undefined && next.year !== null) {
      m.year = key(m) > key(next) ? next.year - 1 : next.year;
    } else if (previous !== undefined && previous.year !== null) {
      m.year = key(m) < key(previous) ? previous.year + 1 : previous.year;
    } else if (defaultYear !== undefined) {
      m.year = defaultYear;
    } else {
      return false;
    }
  }
  return true;
}

/** The first and last day the mention covers; null for a day that does not exist (31 April). */
function spanOf(m: Mention): { first: IsoDate; last: IsoDate } | null {
  const year = m.year;
  if (year === null) return null;
  switch (m.unit) {
    case 'day': {
      const d = isoDateOf(year, m.month, m.day);
      return d === null ? null : { first: d, last: d };
    }
    case 'month': {
      const first = isoDateOf(year, m.month, 1);
      return first === null ? null : { first, last: endOfMonth(year, m.month) };
    }
    case 'quarter':
    case 'season': {
      // Three months from the one it starts in: winter 2010/11 ends in February 2011.
      const first = isoDateOf(year, m.month, 1);
      const lastMonth = ((m.month + 1) % 12) + 1;
      const lastYear = lastMonth < m.month ? year + 1 : year;
      return first === null ? null : { first, last: endOfMonth(lastYear, lastMonth) };
    }
    case 'year':
      return { first: `${year}-01-01`, last: `${year}-12-31` };
    case 'financialYear':
      return { first: `${year}-04-01`, last: `${year + 1}-03-31` };
  }
}

const INHERITED =
  /\b(?:as\s+for|as\s+per|as\s+under|same\s+as|see)\s+(?:recommendations?|reccs?|recs?)\b\.?\s*(\d+[a-z]?(?:\s*(?:,|and|&)\s*\d+[a-z]?)*)/i;

/** The recommendation numbers an "As for Reccs. 1 and 6" timescale refers to, in the order written. */
function inheritedFrom(plain: string): string[] | null {
  const m = INHERITED.exec(plain);
  if (m === null) return null;
  return (m[1].match(/\d+/g) ?? []).filter((n, i, all) => all.indexOf(n) === i);
}

const FREQUENCY =
  /\b(?:at\s+least\s+)?(?:daily|weekly|fortnightly|monthly|bi-?monthly|quarterly|six-?monthly|annually|yearly|regularly)\b/i;
const RECURS = new RegExp(String.raw`${FREQUENCY.source}|\b(?:each|every)\s+year\b`, 'i');

const COMPLETED = /^(?:complete|completed|done|achieved|implemented|fully\s+implemented|closed)\.?$/i;
const WHOLE_FINANCIAL_YEAR = /^(?:fy\s*)?\d{4}\s*[/-]\s*\d{2}(?:\d{2})?$/i;

/**
 * Yearless months beside a frequency: each listed month recurs every year ("reported in October and March").
 * Months joined by "/" are one window ("Annually (Feb/Mar)"), and days cannot recur without a guess: ongoing.
 */
function recurring(text: string, plain: string, mentions: readonly Mention[]): Timescale {
  const window = mentions.some((m, i) => i > 0 && plain.slice(mentions[i - 1].end, m.index).includes('/'));
  if (window || mentions.some((m) => m.unit !== 'month' || m.role !== 'due')) {
    return { text, kind: 'ongoing', dates: [] };
  }
  const months = [...new Set(mentions.map((m) => m.month))].sort((a, b) => a - b);
  return { text, kind: 'milestones', dates: [], recurring: months };
}

/** The end of the next listed month, counting this month while its last day has not passed. */
function nextRecurring(months: readonly number[], today: IsoDate): IsoDate | null {
  const year = Number(today.slice(0, 4));
  const ends = months.flatMap((m) => [endOfMonth(year, m), endOfMonth(year + 1, m)]);
  return ends.filter((d) => d >= today).sort()[0] ?? null;
}

const ONGOING = new RegExp(
  [
    String.raw`\bon-?\s?going\b`,
    String.raw`\bcontinu(?:es|ing|ous|ously|al|ally)\b`,
    String.raw`\bconstant(?:ly)?\b`,
    String.raw`\bimmediately\b`,
    String.raw`\brolling\s+programme\b`,
    FREQUENCY.source,
  ].join('|'),
  'i',
);

function monthNumber(name: string): number {
  return MONTH_STARTS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function yearOrNull(y: string | undefined): number | null {
  return y === undefined ? null : Number(y);
}

/** Two-digit years are this century's: the register's plans are all dated 2000 or later. */
function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}
