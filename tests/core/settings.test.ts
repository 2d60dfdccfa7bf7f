import { DEFAULT_SETTINGS } from '../../src/core/model';
import { SETTING_ROWS, parseSettings } from '../../src/core/settings';
import type { SettingValue } from '../../src/core/settings';

const read = (pairs: Record<string, SettingValue>) => parseSettings(new Map(Object.entries(pairs)));

describe('parseSettings', () => {
  it('gives the defaults for a Settings sheet that holds only its labels', () => {
    const { settings, problems } = read({});
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([]);
  });

  it('reads back every default it writes', () => {
    const written = Object.fromEntries(SETTING_ROWS.map((row) => [row.label, row.get(DEFAULT_SETTINGS)]));
    expect(read(written)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads the extension, escalation and sign-off settings', () => {
    const { settings } = read({
      'Extension limit': 3,
      'Revised date stops overdue': 'No',
      'Coming up window (days)': '21',
      'Escalation (weeks overdue)': 6,
      'Completion needs sign-off': 'no',
      Priorities: 'Red, Amber; Green',
      Glossary: 'CMT – Corporate Management Team\nLSP – Local Strategic Partnership',
    });
    expect(settings).toMatchObject({
      extensionLimit: 3,
      revisedDateStopsOverdue: false,
      comingUpDays: 21,
      escalationWeeks: 6,
      signOffRequired: false,
      priorities: ['Red', 'Amber', 'Green'],
      glossary: 'CMT – Corporate Management Team\nLSP – Local Strategic Partnership',
    });
  });

  it('refuses a status label another status has, naming the setting, so no two statuses look alike', () => {
    const renamed = read({ 'Overdue label': 'Completed' });
    expect(renamed.settings.statuses.overdue.label).toBe('Overdue');
    expect(renamed.settings.statuses.completed.label).toBe('Completed');
    expect(renamed.problems).toEqual([
      'Settings "Overdue label": "Completed" is also the label of another status; using Overdue.',
    ]);
    const both = read({
      'Overdue label': 'Late',
      'Check Progress label': 'Overdue',
      'Completed label': 'late',
    });
    const labels = Object.values(both.settings.statuses).map((s) => s.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
    expect(both.settings.statuses.completed.label).toBe('Completed');
  });
});
