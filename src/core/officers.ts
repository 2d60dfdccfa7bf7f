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
