import type { Officer } from './model';

export interface LeadResolution {
  /** Officers named by the Lead cell, in the order written, without repeats. */
  readonly officers: readonly Officer[];
  /** Parts of the Lead cell that match no officer, as written. Flagged, never dropped. */
  readonly unknown: readonly string[];
}

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9@.]/g, '');
const undotted = (k: string): string => (k.includes('@') ? k : k.replace(/\./g, ''));

/** Splits a Lead cell such as "JJ, TG, JW", "TG/RB / SMT" or "GC and TG" into its parts. */
export function splitLead(lead: string): string[] {
  return lead
    .split(/\s*(?:,|;|\/|&|\+|\band\b|\n)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** "Sunita Patel" is also "S. Patel" and "S Patel", when no other officer is. */
function initialAndSurname(name: string): string | null {
  const words = name.trim().split(/\s+/);
  return words.length >= 2 ? key(`${words[0][0]}${words[words.length - 1]}`) : null;
}

/**
 * A lookup of officers by initials, name and email, and by job title ("Head of IT") or initial and surname
 * ("S. Patel") where exactly one officer fits: build once per run, not once per action.
 */
export function officerIndex(officers: readonly Officer[]): Map<string, Officer> {
  const index = new Map<string, Officer>();
  for (const officer of officers) {
    for (const k of [officer.email, officer.name, officer.initials]) {
      if (k.trim() !== '' && !index.has(undotted(key(k)))) index.set(undotted(key(k)), officer);
    }
  }
  const derived = new Map<string, Officer | null>();
  for (const officer of officers) {
    for (const k of [
      officer.jobTitle.trim() === '' ? null : key(officer.jobTitle),
      initialAndSurname(officer.name),
    ]) {
      if (k === null || k === '' || index.has(k)) continue;
      derived.set(k, derived.has(k) && derived.get(k) !== officer ? null : officer);
    }
  }
  for (const [k, officer] of derived) if (officer !== null) index.set(k, officer);
  return index;
}

const JOB_TITLE =
  /\b(?:head|director|manager|officer|chief|executive|lead|leader|assistant|co-?ordinator|advis[eo]r|accountant|auditor|clerk|controller|principal|deputy|senior|specialist|analyst|consultant|secretary|treasurer|s151)\b/i;

function find(part: string, index: ReadonlyMap<string, Officer>): Officer | undefined {
  const k = key(part);
  const found = index.get(k) ?? index.get(undotted(k));
  if (found) return found;
  // "Alex Kendall (Head of Policy)", "Alex Kendall – Head of Policy": the name, with a title beside it.
  const named = /^(.+?)\s*(?:\(.*\)|\s[-–—]\s.*)$/.exec(part.trim());
  return named ? find(named[1], index) : undefined;
}

/** One part between commas, semicolons or slashes: a person, or several joined by "and", "&" or spaces. */
function resolvePart(
  part: string,
  index: ReadonlyMap<string, Officer>,
): { officers: Officer[]; unknown: string[] } {
  const whole = find(part, index);
  if (whole) return { officers: [whole], unknown: [] };
  const pieces = part.split(/\s*(?:&|\+|\band\b)\s*/i).filter((p) => p.trim() !== '');
  const found = pieces.map((p) => find(p, index));
  // "Head of Policy and Performance" that is no one's title is one unknown lead, not two.
  if (pieces.length > 1 && found.every((o) => o === undefined) && JOB_TITLE.test(part))
    return { officers: [], unknown: [part] };
  const officers: Officer[] = [];
  const unknown: string[] = [];
  pieces.forEach((p, i) => {
    const officer = found[i];
    if (officer) officers.push(officer);
    else {
      // "AK BM": initials separated by a space.
      const initials = p.split(/\s+/).map((w) => (/^[A-Za-z.]{2,5}$/.test(w) ? find(w, index) : undefined));
      if (initials.length > 1 && initials.every((o) => o !== undefined))
        officers.push(...(initials as Officer[]));
      else unknown.push(p.trim());
    }
  });
  return { officers, unknown };
}

/**
 * Which officers a Lead cell names: by initials, full name, email, job title or initial and surname, ignoring
 * case and spacing. Several leads are split on "," ";" "/" and "and"; "Name, Job title" is one person.
 */
export function resolveLeads(lead: string, index: ReadonlyMap<string, Officer>): LeadResolution {
  const found: Officer[] = [];
  const unknown: string[] = [];
  const whole = lead.trim() === '' ? undefined : find(lead, index);
  const parts = whole ? [] : lead.split(/\s*(?:,|;|\/|\n)\s*/).filter((p) => p.trim() !== '');
  if (whole) found.push(whole);
  let previous: Officer | undefined = whole;
  for (const part of parts) {
    const { officers, unknown: notFound } = resolvePart(part, index);
    // "Alex Kendall, Head of Policy": the title after a name is that person's.
    if (officers.length === 0 && previous && JOB_TITLE.test(part)) continue;
    for (const o of officers) if (!found.includes(o)) found.push(o);
    unknown.push(...notFound);
    previous = officers[officers.length - 1];
  }
  return { officers: found, unknown };
}

/** One officer as read from a row of the Officers sheet. */
export interface OfficerRow {
  /** 1-based row of the Officers sheet. */
  readonly row: number;
  readonly officer: Officer;
}

/** An email address as MailApp takes one: something@domain.tld, no spaces. */
export function isEmailAddress(s: string): boolean {
  return /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[a-z]{2,}$/i.test(s.trim());
}

const who = (o: Officer): string => o.name.trim() || o.initials.trim() || o.email.trim();

/**
 * What is wrong with the Officers sheet, each naming the row: initials two officers share (a Lead cell naming
 * them could mean either, so one of them would never get a digest), an email two officers share, and an email
 * MailApp would refuse.
 */
export function officerProblems(rows: readonly OfficerRow[]): string[] {
  const problems: string[] = [];
  const firstBy = (key: (o: Officer) => string) => {
    const seen = new Map<string, OfficerRow>();
    return (r: OfficerRow): OfficerRow | null => {
      const k = key(r.officer).trim().toLowerCase();
      if (k === '') return null;
      const earlier = seen.get(k);
      if (!earlier) seen.set(k, r);
      return earlier ?? null;
    };
  };
  const sameInitials = firstBy((o) => o.initials);
  const sameEmail = firstBy((o) => o.email);
  for (const r of rows) {
    const { officer } = r;
    const initials = sameInitials(r);
    if (initials) {
      problems.push(
        `Officers row ${r.row}: initials "${officer.initials}" are also those of ${who(initials.officer)} on row ` +
          `${initials.row}, so a Lead "${officer.initials}" could mean either: give one of them other initials.`,
      );
    }
    const email = sameEmail(r);
    if (email) {
      problems.push(
        `Officers row ${r.row}: email ${officer.email} is also that of ${who(email.officer)} on row ${email.row}.`,
      );
    }
    if (officer.email.trim() !== '' && !isEmailAddress(officer.email)) {
      problems.push(
        `Officers row ${r.row}: "${officer.email}" is not an email address, so ${who(officer)} gets no digest ` +
          'until it is corrected.',
      );
    }
  }
  return problems;
}
