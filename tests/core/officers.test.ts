import { isEmailAddress, officerProblems } from '../../src/core/officers';
import type { OfficerRow } from '../../src/core/officers';

const officer = (row: number, initials: string, name: string, email: string): OfficerRow => ({
  row,
  officer: { initials, name, email, jobTitle: 'Officer', directorate: 'CEO', reportsTo: '' },
});

describe('the Officers sheet, checked as it is read', () => {
  it('names both rows when two officers share initials, so neither is silently missed', () => {
    expect(
      officerProblems([
        officer(2, 'AK', 'Alex Kendall', 'alex.kendall@example.org'),
        officer(3, 'ak', 'Ann Keen', 'ann.keen@example.org'),
      ]),
    ).toEqual([
      'Officers row 3: initials "ak" are also those of Alex Kendall on row 2, so a Lead "ak" could mean ' +
        'either: give one of them other initials.',
    ]);
  });

  it('names a malformed email by row and says who gets no digest', () => {
    expect(officerProblems([officer(4, 'BM', 'Bea Marsh', 'bea.marsh@example')])).toEqual([
      'Officers row 4: "bea.marsh@example" is not an email address, so Bea Marsh gets no digest until it is corrected.',
    ]);
  });

  it('names an email two officers share, and says nothing of a blank one', () => {
    expect(
      officerProblems([
        officer(2, 'AK', 'Alex Kendall', 'team@example.org'),
        officer(3, 'BM', 'Bea Marsh', 'Team@example.org'),
        officer(4, 'CR', 'Cal Reid', ''),
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
