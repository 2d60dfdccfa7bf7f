import { loadBundle } from '../../local/runner/bundle';
import { at } from '../../local/runner/run';
import { emptyRegister, registerRows, sampleRegister, sheetOf, snapshot, valuesOf, seed } from '../helpers';

const STATUS = {
  overdue: 'Overdue',
  check: 'Check Progress',
  inProgress: 'In Progress but not reached due date',
  completed: 'Completed',
  closed: 'Closed',
};

describe('Set up or repair register', () => {
  it('creates the Register, Officers, Settings, History and Import sheets with frozen headers', () => {
    const bundle = emptyRegister();
    const names = bundle.ws.runtime.calls.uncounted(() =>
      bundle
        .spreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    );
    expect(names).toEqual(expect.arrayContaining(['Register', 'Officers', 'Settings', 'History', 'Import']));
    expect(valuesOf(bundle, 'Register')[0]).toEqual([
      'Ref',
      'KLOE',
      'Recommendation',
      'Action',
      'Timescale',
      'Due date',
      'Revised due date',
      'Reason for extension',
      'Lead',
      'Progress',
      'Last updated',
      'Status',
      'Completed on',
      'Extensions',
      'Action ID',
    ]);
    expect(sheetOf(bundle, 'Register').getFrozenRows()).toBe(1);
  });

  it('offers dropdowns for the settings that have a fixed set of answers', () => {
    const bundle = emptyRegister();
    const settings = valuesOf(bundle, 'Settings');
    const rule = (label: string) =>
      bundle.ws.runtime.calls.uncounted(() =>
        sheetOf(bundle, 'Settings')
          .getRange(settings.findIndex((r) => r[0] === label) + 1, 2)
          .getDataValidation(),
      );
    expect(rule('Reminder day')?.getCriteriaValues()[0]).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(rule('Open or exempt')?.getCriteriaValues()[0]).toEqual(['Open', 'Exempt']);
    expect(String(rule('Meeting date')?.getCriteriaType())).toBe('DATE_IS_VALID_DATE');
    expect(rule('Committee')).toBeNull();
  });

  it('changes nothing when run twice, and installs the edit trigger once', () => {
    const bundle = sampleRegister();
    const before = snapshot(bundle);
    bundle.clickMenu('Set up or repair register');
    expect(snapshot(bundle)).toEqual(before);
    const editTriggers = bundle.ws.script.triggers().filter((t) => t.eventType === 'ON_EDIT');
    expect(editTriggers.map((t) => t.handlerFunction)).toEqual(['onRegisterEdit']);
  });

  it('on an existing register adds only the missing columns, keeping officers’ own columns, order and data', () => {
    const bundle = loadBundle({ now: at('2010-09-06', 9) });
    bundle.ws.sheets.ui.respond(() => ({ button: 'OK' }));
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = bundle.spreadsheet().insertSheet('Register');
      sheet.getRange('A1:E2').setValues([
        ['Action', 'Our notes', 'ref', 'LEAD', 'status'],
        ['Produce guidance on outcomes', 'ask Finance', '2.1', 'AK', ''],
      ]);
    });
    bundle.open();
    bundle.clickMenu('Set up or repair register');
    const [header, row] = valuesOf(bundle, 'Register');
    expect(header.slice(0, 5)).toEqual(['Action', 'Our notes', 'ref', 'LEAD', 'status']);
    expect(header.slice(5)).toEqual([
      'KLOE',
      'Recommendation',
      'Timescale',
      'Due date',
      'Revised due date',
      'Reason for extension',
      'Progress',
      'Last updated',
      'Completed on',
      'Extensions',
      'Action ID',
    ]);
    expect(row.slice(0, 4)).toEqual(['Produce guidance on outcomes', 'ask Finance', 2.1, 'AK']);
  });

  it('keeps a conditional format rule an officer added and replaces its own', () => {
    const bundle = emptyRegister();
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Register');
      const mine = bundle.ws.sheets.app
        .newConditionalFormatRule()
        .whenTextEqualTo('Urgent')
        .setBackground('#ff00ff')
        .setRanges([sheet.getRange('D2:D100')])
        .build();
      sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), mine]);
    });
    bundle.clickMenu('Set up or repair register');
    const rules = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Register').getConditionalFormatRules(),
    );
    const texts = rules.map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]);
    expect(texts.filter((t) => t === 'Urgent')).toHaveLength(1);
    expect(texts.filter((t) => t === 'Overdue')).toHaveLength(1);
    expect(rules).toHaveLength(6);
  });
});

describe('Statuses on the sample plan (seed 000) for Monday 6 September 2010', () => {
  const bundle = sampleRegister('2010-09-06');
  const rows = registerRows(bundle);
  const byAction = (start: string) => {
    const row = rows.find((r) => String(r.Action).startsWith(start));
    if (!row) throw new Error(`no action starting "${start}"`);
    return row;
  };

  it('imports all twelve actions, their progress dated from the "Progress to 31 July 2010" header', () => {
    expect(rows).toHaveLength(12);
    const july = new Date('2010-07-30T23:00:00Z'); // midnight, 31 July 2010, in London (BST)
    expect(rows.map((r) => r['Last updated'])).toEqual(new Array(12).fill(july));
  });

  it.each([
    // Every action's progress is dated from the header "Progress to 31 July 2010".
    // "by March 2011": due 31 Mar 2011, far off: in progress. (No KLOE above it on the page: numbered after 7.)
    ['8.1', 'progress Ensure plans contain a mix', STATUS.inProgress],
    // "by June 2010": passed and not completed.
    ['3.1', 'Involve Members, staff and users', STATUS.overdue],
    // "... Ongoing ... by July 2010": the dated part is what falls due, and it has passed.
    ['4.1', 'Review current data collection processes', STATUS.overdue],
    // Quarterly milestones: July passed, October 2010 is next and 55 days away.
    ['5.1', 'Review and agree reporting arrangements', STATUS.inProgress],
    // "by September 2010": due within the 28-day check window.
    ['5.2', 'Clarify roles of CMT', STATUS.check],
    // "in Autumn 2010": the end of November, 85 days away.
    ['5.3', 'Report performance relative to resources', STATUS.inProgress],
    // Marked Completed by an officer, though their June and July dates have passed.
    ['5.4', 'Include progress with outcomes in reports', STATUS.completed],
    ['5.5', 'Develop an approach to benchmarking', STATUS.completed],
    // The same quarterly milestones as 5.1.
    ['5.6', 'Align Council and partner processes more closely', STATUS.inProgress],
    // "Constant process" and "Ongoing": no due date, and progress "to 31 July 2010" is 37 days old, inside the
    // 60-day stale window.
    ['6.1', 'Ensure performance data is analysed', STATUS.inProgress],
    ['7.1', 'Roll-out of framework led by Cabinet and CMT', STATUS.inProgress],
    ['7.2', 'Awareness-raising sessions for all Members and DMTs', STATUS.inProgress],
  ])('%s %s… is %s', (ref, action, status) => {
    expect([byAction(action).Ref, byAction(action).Status]).toEqual([ref, status]);
  });

  it('colours each status cell from the status key', () => {
    const register = bundle.ws.sheets.active.sheet('Register');
    const statusColumn = (valuesOf(bundle, 'Register')[0] as string[]).indexOf('Status') + 1;
    const colours = rows.map((r, i) => [
      r.Status,
      register.conditionalColour(i + 2, statusColumn)?.background,
    ]);
    expect(colours).toContainEqual([STATUS.overdue, '#e06666']);
    expect(colours).toContainEqual([STATUS.check, '#ffd966']);
    expect(colours).toContainEqual([STATUS.inProgress, '#93c47d']);
    expect(colours).toContainEqual([STATUS.completed, '#6fa8dc']);
  });
});

describe('Refresh statuses', () => {
  function registerOf(n: number) {
    const bundle = emptyRegister('2026-11-23');
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Register');
      if (n + 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
    });
    const rows = Array.from({ length: n }, (_, i) => [
      `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      'Setting targets',
      'Ensure broad involvement',
      `Action number ${i + 1}`,
      'by March 2027',
      new Date(Date.UTC(2026, i % 12, 28)),
      '',
      '',
      'AK',
      'Some progress',
      new Date(Date.UTC(2026, 10, 1)),
      '',
      '',
      0,
    ]);
    seed(bundle, 'Register', 2, 1, rows);
    return bundle;
  }

  it('makes the same number of service calls on 1,000 actions as on 10, recording them or not', () => {
    const counts = [10, 1000].map((n) => {
      const bundle = registerOf(n);
      bundle.ws.runtime.calls.reset();
      // The first refresh finds actions nothing recorded: it gives each an id and records it.
      bundle.clickMenu('Refresh statuses');
      const first = bundle.ws.runtime.calls.snapshot();
      bundle.ws.runtime.calls.reset();
      bundle.clickMenu('Refresh statuses');
      return { first, second: bundle.ws.runtime.calls.snapshot() };
    });
    expect(counts[1].second).toEqual(counts[0].second);
    // Growing the Record and History sheets to take 1,000 actions costs one insertRowsAfter each, no more.
    const growth = ['Sheet.insertRowsAfter', 'Sheet.getMaxRows'];
    const rest = (c: Record<string, number>) => Object.entries(c).filter(([k]) => !growth.includes(k));
    expect(rest(counts[1].first)).toEqual(rest(counts[0].first));
    expect(counts[1].first['Sheet.insertRowsAfter']).toBe(2);
  });

  it('keeps what an officer wrote in the Status cell of a row that holds no action', () => {
    const bundle = sampleRegister();
    const status = (valuesOf(bundle, 'Register')[0] as string[]).indexOf('Status') + 1;
    bundle.ws.runtime.calls.uncounted(() => {
      const sheet = sheetOf(bundle, 'Register');
      sheet.insertRowsBefore(5, 1);
      // The dropdown would refuse this typing: the officer took it off that cell first.
      sheet
        .getRange(5, status)
        .clearDataValidations()
        .setValue('Actions below agreed at CMT')
        .setNote('Minutes of 2 Sep');
    });
    bundle.clickMenu('Refresh statuses');
    const cell = bundle.ws.runtime.calls.uncounted(() => sheetOf(bundle, 'Register').getRange(5, status));
    expect([cell.getValue(), cell.getNote()]).toEqual(['Actions below agreed at CMT', 'Minutes of 2 Sep']);
    expect(registerRows(bundle).filter((r) => r.Status === STATUS.overdue)).toHaveLength(2);
  });

  it('writes only the Status column, in one setValues, once the actions are recorded', () => {
    const bundle = registerOf(50);
    bundle.clickMenu('Refresh statuses');
    const before = valuesOf(bundle, 'Register');
    bundle.ws.runtime.calls.reset();
    bundle.clickMenu('Refresh statuses');
    // The Status column, and the Dashboard's figures.
    expect(bundle.ws.runtime.calls.snapshot()['Range.setValues']).toBe(2);
    const after = valuesOf(bundle, 'Register');
    const status = (before[0] as string[]).indexOf('Status');
    after.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (c !== status) expect(cell).toEqual(before[r][c]);
      }),
    );
    expect(after.slice(1).map((r) => r[status])).toContain(STATUS.overdue);
  });
});

describe('The Officers sheet', () => {
  it('names shared initials and a malformed email by row when Refresh reads it', () => {
    const bundle = sampleRegister();
    seed(bundle, 'Officers', 20, 1, [
      ['AK', 'Ann Keen', 'Officer', 'ann.keen@example.org', 'CEO'],
      ['ZZ', 'Zed Zane', 'Officer', 'zed.zane@example', 'CEO'],
    ]);
    bundle.clickMenu('Refresh statuses');
    const { prompt } = bundle.ws.sheets.ui.dialogs.at(-1) ?? { prompt: '' };
    expect(prompt).toMatch(/Officers row 20: initials "AK" are also those of .+ on row \d+/);
    expect(prompt).toContain('Officers row 21: "zed.zane@example" is not an email address');
  });

  it('refuses a typed email that is not an address', () => {
    const bundle = emptyRegister();
    const rule = bundle.ws.runtime.calls.uncounted(() =>
      sheetOf(bundle, 'Officers').getRange('D2').getDataValidation(),
    );
    expect([rule?.getCriteriaType(), rule?.getAllowInvalid()]).toEqual(['TEXT_IS_VALID_EMAIL', false]);
  });
});
