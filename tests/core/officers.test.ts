import type { Officer } from '../../src/core/model';
import { isEmailAddress, officerIndex, officerProblems, resolveLeads } from '../../src/core/officers';
import type { OfficerRow } from '../../src/core/officers';

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

const officerRow = (row: number, initials: string, name: string, email: string): OfficerRow => ({
  row,
  officer: { initials, name, email, jobTitle: 'Officer', directorate: 'CEO', reportsTo: '' },
});

describe('the Officers sheet, checked as it is read', () => {
  it('names both rows when two officers share initials, so neither is silently missed', () => {
    expect(
      officerProblems([
        officerRow(2, 'AK', 'Alex Kendall', 'alex.kendall@example.org'),
        officerRow(3, 'ak', 'Ann Keen', 'ann.keen@example.org'),
      ]),
    ).toEqual([
      'Officers row 3: initials "ak" are also those of Alex Kendall on row 2, so a Lead "ak" could mean ' +
        'either: give one of them other initials.',
    ]);
  });

  it('names a malformed email by row and says who gets no digest', () => {
    expect(officerProblems([officerRow(4, 'BM', 'Bea Marsh', 'bea.marsh@example')])).toEqual([
      'Officers row 4: "bea.marsh@example" is not an email address, so Bea Marsh gets no digest until it is corrected.',
    ]);
  });

  it('names an email two officers share, and says nothing of a blank one', () => {
    expect(
      officerProblems([
        officerRow(2, 'AK', 'Alex Kendall', 'team@example.org'),
        officerRow(3, 'BM', 'Bea Marsh', 'Team@example.org'),
        officerRow(4, 'CR', 'Cal Reid', ''),
      ]),
    ).toEqual(['Officers row 3: email Team@example.org is also that of Alex Kendall on row 2.']);
  });

  it('knows an email address from what MailApp would refuse', () => {
    expect(['jan.pryor@council.gov.uk', 'a+b@x.org'].map(isEmailAddress)).toEqual([true, true]);
    expect(['jan.pryor@', 'jan pryor@x.org', 'jan@x', '@x.org', 'a@b@c.org'].map(isEmailAddress)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
