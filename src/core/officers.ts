import type { Officer } from './model';

export interface LeadResolution {
  /** Officers named by the Lead cell, in the order written, without repeats. */
  readonly officers: readonly Officer[];
  /** Parts of the Lead cell that match no officer, as written. Flagged, never dropped. */
  readonly unknown: readonly string[];
}

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9@.]/g, '');

/** Splits a Lead cell such as "JJ, TG, JW", "TG/RB / SMT" or "GC and TG" into its parts. */
export function splitLead(lead: string): string[] {
  return lead
    .split(/\s*(?:,|;|\/|&|\+|\band\b|\n)\s*/i)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A lookup of officers by initials, name and email: build once per run, not once per action. */
export function officerIndex(officers: readonly Officer[]): Map<string, Officer> {
  const index = new Map<string, Officer>();
  for (const officer of officers) {
    for (const k of [officer.email, officer.name, officer.initials]) {
      if (k.trim() !== '' && !index.has(key(k))) index.set(key(k), officer);
    }
  }
  return index;
}

/** Which officers a Lead cell names: by initials, full name or email, ignoring case and spacing. */
export function resolveLeads(lead: string, index: ReadonlyMap<string, Officer>): LeadResolution {
  const found: Officer[] = [];
  const unknown: string[] = [];
  for (const part of splitLead(lead)) {
    const officer = index.get(key(part));
    if (!officer) unknown.push(part);
    else if (!found.includes(officer)) found.push(officer);
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
