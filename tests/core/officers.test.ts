import type { Officer } from '../../src/core/model';
import { officerIndex, resolveLeads } from '../../src/core/officers';

const officer = (initials: string, name: string, jobTitle: string): Officer => ({
  initials,
  name,
  jobTitle,
  email: `${name.toLowerCase().replace(/ /g, '.')}@example.org`,
  directorate: 'Resources',
  reportsTo: '',
});

const OFFICERS = [
  officer('SP', 'Sunita Patel', 'Revenues Manager'),
  officer('RP', 'Ravi Patel', 'Benefits Manager'),
  officer('JJ', 'Jane Jones', 'Head of IT'),
  officer('TG', 'Tony Geeson', 'Head of Policy and Performance'),
  officer('AS', 'Amy Smith', 'Policy Officer'),
  officer('BS', 'Ben Smith', 'Policy Officer'),
];
const index = officerIndex(OFFICERS);
const leads = (lead: string): [string[], readonly string[]] => {
  const r = resolveLeads(lead, index);
  return [r.officers.map((o) => o.initials), r.unknown];
};

describe('resolveLeads', () => {
  test('by initials, name or email, ignoring case, spacing and dots', () => {
    expect(leads('JJ')).toEqual([['JJ'], []]);
    expect(leads('j.j.')).toEqual([['JJ'], []]);
    expect(leads('Jane  Jones')).toEqual([['JJ'], []]);
    expect(leads('jane.jones@example.org')).toEqual([['JJ'], []]);
  });

  test('by job title, when one officer has it', () => {
    expect(leads('Head of IT')).toEqual([['JJ'], []]);
    expect(leads('Head of Policy and Performance')).toEqual([['TG'], []]);
    // Two officers share the title: it names nobody for certain.
    expect(leads('Policy Officer')).toEqual([[], ['Policy Officer']]);
  });

  test('by initial and surname when exactly one officer fits', () => {
    expect(leads('S. Patel')).toEqual([['SP'], []]);
    expect(leads('R Patel')).toEqual([['RP'], []]);
    expect(leads('A. Smith')).toEqual([['AS'], []]);
    expect(leads('Patel')).toEqual([[], ['Patel']]);
  });

  test('several leads split on , ; / and "and"; "Name, Job title" is one person', () => {
    expect(leads('JJ, TG')).toEqual([['JJ', 'TG'], []]);
    expect(leads('JJ; TG / SP')).toEqual([['JJ', 'TG', 'SP'], []]);
    expect(leads('JJ and TG')).toEqual([['JJ', 'TG'], []]);
    expect(leads('JJ TG')).toEqual([['JJ', 'TG'], []]);
    expect(leads('Sunita Patel, Revenues Manager')).toEqual([['SP'], []]);
    expect(leads('Sunita Patel, Senior Revenues Officer')).toEqual([['SP'], []]);
    expect(leads('Jane Jones (Head of ICT)')).toEqual([['JJ'], []]);
    expect(leads('Head of IT, Revenues Manager')).toEqual([['JJ', 'SP'], []]);
  });

  test('unknown parts are kept as written', () => {
    expect(leads('JJ, TG, transformation board chairs, heads of service')).toEqual([
      ['JJ', 'TG'],
      ['transformation board chairs', 'heads of service'],
    ]);
    expect(leads('Directors and the Head of HR')).toEqual([[], ['Directors and the Head of HR']]);
    expect(leads('GH & Unknown Person')).toEqual([[], ['GH', 'Unknown Person']]);
    expect(leads('')).toEqual([[], []]);
  });
});
