import { Runtime } from '../../../local/workspace/runtime';
import { LocalScript, TOO_MANY_TRIGGERS_MESSAGE } from '../../../local/workspace/ScriptApp';

function setup() {
  const runtime = new Runtime();
  runtime.fixedNow = Date.parse('2024-10-15T10:00:00Z'); // a Tuesday
  const script = new LocalScript(runtime, () => 'sheet-123');
  return { runtime, script, ScriptApp: script.app };
}

describe('ScriptApp trigger builders', () => {
  it('records a weekly digest trigger: handler, weekday, hour, time zone', () => {
    const { script, ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('sendWeeklyDigests')
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(8)
      .nearMinute(30)
      .inTimezone('Europe/London')
      .create();
    expect(trigger.getHandlerFunction()).toBe('sendWeeklyDigests');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(trigger.getTriggerSourceId()).toBeNull();
    const [info] = script.triggers();
    expect(info.uniqueId).toBe(trigger.getUniqueId());
    expect(info.clock).toMatchObject({
      weekDay: 'MONDAY',
      atHour: 8,
      nearMinute: 30,
      timeZone: 'Europe/London',
    });
    expect(info.owner).toBe('policy.officer@example.org');
  });

  it('defaults a clock trigger to the script time zone', () => {
    const { runtime, script, ScriptApp } = setup();
    runtime.scriptTimeZone = 'America/New_York';
    ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(7).create();
    expect(script.triggers()[0].clock).toMatchObject({
      everyDays: 1,
      atHour: 7,
      timeZone: 'America/New_York',
    });
  });

  it('records spreadsheet triggers with their source id', () => {
    const { ScriptApp } = setup();
    const fakeSheet = { getId: () => 'sheet-456' } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    const edit = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(fakeSheet).onEdit().create();
    const open = ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet('sheet-123').onOpen().create();
    expect(edit.getEventType()).toBe(ScriptApp.EventType.ON_EDIT);
    expect(edit.getTriggerSource()).toBe(ScriptApp.TriggerSource.SPREADSHEETS);
    expect(edit.getTriggerSourceId()).toBe('sheet-456');
    expect(open.getEventType()).toBe('ON_OPEN');
    expect(
      ScriptApp.getUserTriggers({ getId: () => 'sheet-456' } as never).map((t) => t.getHandlerFunction()),
    ).toEqual(['onEditInstalled']);
  });

  it('refuses everyMinutes values the reference does not allow, and a clock trigger with no schedule', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(7)).toThrow();
    expect(() => ScriptApp.newTrigger('f').timeBased().create()).toThrow();
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(2).atHour(5).create()).toThrow();
  });
});

describe('trigger limits and deletion', () => {
  it('throws Google’s message on the 21st trigger for the same user', () => {
    const { runtime, script, ScriptApp } = setup();
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`handler${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('one_more').timeBased().everyHours(1).create()).toThrow(
      TOO_MANY_TRIGGERS_MESSAGE,
    );
    expect(TOO_MANY_TRIGGERS_MESSAGE).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(script.triggers()).toHaveLength(20);
    // The limit is per user: another officer can still install theirs.
    runtime.as('other.officer@example.org', () => {
      expect(() => ScriptApp.newTrigger('theirs').timeBased().everyHours(1).create()).not.toThrow();
      expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    });
  });

  it('deleteTrigger removes exactly that trigger', () => {
    const { script, ScriptApp } = setup();
    ScriptApp.newTrigger('keep').timeBased().everyDays(1).create();
    const drop = ScriptApp.newTrigger('drop').timeBased().everyDays(1).create();
    const found = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === drop.getUniqueId());
    ScriptApp.deleteTrigger(found as GoogleAppsScript.Script.Trigger);
    expect(script.triggers().map((t) => t.handlerFunction)).toEqual(['keep']);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['keep']);
  });

  it('throws the permission error when a simple trigger tries to install a trigger', () => {
    const { runtime, script, ScriptApp } = setup();
    expect(() =>
      runtime.runAs('simple', () => ScriptApp.newTrigger('f').timeBased().everyDays(1).create()),
    ).toThrow(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(script.triggers()).toHaveLength(0);
  });
});

describe('triggers per user', () => {
  const OWNER = 'owner@council.example';
  const EDITOR = 'editor@council.example';

  it('lists only the current user’s triggers and records each one’s owner', () => {
    const { runtime, script, ScriptApp } = setup();
    runtime.as(OWNER, () =>
      ScriptApp.newTrigger('onRegisterEdit').forSpreadsheet('sheet-123').onEdit().create(),
    );
    runtime.as(EDITOR, () => {
      expect(ScriptApp.getProjectTriggers()).toEqual([]);
    });
    expect(script.triggers().map((t) => t.owner)).toEqual([OWNER]);
  });

  it('refuses to delete another user’s trigger', () => {
    const { runtime, script, ScriptApp } = setup();
    const theirs = runtime.as(OWNER, () => ScriptApp.newTrigger('f').timeBased().everyDays(1).create());
    runtime.as(EDITOR, () =>
      expect(() => ScriptApp.deleteTrigger(theirs)).toThrow(
        `Trigger ${theirs.getUniqueId()} belongs to ${OWNER} and cannot be deleted by ${EDITOR}`,
      ),
    );
    expect(script.triggers()).toHaveLength(1);
    runtime.as(OWNER, () => ScriptApp.deleteTrigger(theirs));
    expect(script.triggers()).toHaveLength(0);
  });

  it('counts an installable trigger’s run as its owner’s, whoever edited', () => {
    const { runtime, ScriptApp } = setup();
    runtime.as(OWNER, () => ScriptApp.newTrigger('f').timeBased().everyDays(1).create());
    const seen = runtime.as(EDITOR, () =>
      runtime.runAs('installable', () => ScriptApp.getProjectTriggers().length, OWNER),
    );
    expect(seen).toBe(1);
  });

  it('needs script.scriptapp in the manifest', () => {
    const { runtime, ScriptApp } = setup();
    runtime.scopes.grant(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => ScriptApp.getProjectTriggers()).toThrow(
      'Specified permissions are not sufficient to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });
});

describe('nextRun', () => {
  it('keeps a weekly Monday 08:00 Europe/London trigger at 08:00 local across the October BST change', () => {
    const { script, ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('sendWeeklyDigests')
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(8)
      .inTimezone('Europe/London')
      .create();
    const first = script.nextRun(trigger, new Date('2024-10-15T10:00:00Z'));
    expect(first?.toISOString()).toBe('2024-10-21T07:00:00.000Z'); // 08:00 BST
    const second = script.nextRun(trigger, first as Date);
    expect(second?.toISOString()).toBe('2024-10-28T08:00:00.000Z'); // 08:00 GMT, clocks went back on the 27th
    const info = script.triggers()[0];
    expect(script.nextRun(info, new Date('2024-10-28T07:59:00Z'))?.toISOString()).toBe(
      '2024-10-28T08:00:00.000Z',
    );
  });

  it('steps fortnightly triggers from the first run', () => {
    const { script, ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('f')
      .timeBased()
      .everyWeeks(2)
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(8)
      .create();
    const first = script.nextRun(trigger, new Date('2024-10-15T10:00:00Z')) as Date;
    expect(first.toISOString()).toBe('2024-10-21T07:00:00.000Z');
    expect(script.nextRun(trigger, first)?.toISOString()).toBe('2024-11-04T08:00:00.000Z');
  });

  it('computes daily atHour runs in the trigger time zone', () => {
    const { script, ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('f')
      .timeBased()
      .everyDays(1)
      .atHour(6)
      .inTimezone('America/New_York')
      .create();
    // 06:00 EDT is 10:00Z; created at 10:00Z exactly, so the first run is the next morning.
    expect(script.nextRun(trigger, new Date('2024-10-15T10:00:00Z'))?.toISOString()).toBe(
      '2024-10-16T10:00:00.000Z',
    );
    // New York's clocks went back at 02:00 on 3 November: 06:00 that morning is EST, 11:00Z.
    expect(script.nextRun(trigger, new Date('2024-11-03T10:30:00Z'))?.toISOString()).toBe(
      '2024-11-03T11:00:00.000Z',
    );
  });

  it('reports one-off triggers once, and nothing for spreadsheet triggers', () => {
    const { script, ScriptApp } = setup();
    const later = ScriptApp.newTrigger('f')
      .timeBased()
      .after(10 * 60 * 1000)
      .create();
    expect(script.nextRun(later, new Date('2024-10-15T10:00:00Z'))?.toISOString()).toBe(
      '2024-10-15T10:10:00.000Z',
    );
    expect(script.nextRun(later, new Date('2024-10-15T10:10:00Z'))).toBeNull();
    const edit = ScriptApp.newTrigger('g').forSpreadsheet('sheet-123').onEdit().create();
    expect(script.nextRun(edit, new Date('2024-10-15T10:00:00Z'))).toBeNull();
  });
});

describe('expose on ScriptApp', () => {
  it('counts builder chains per service and rejects methods the fake lacks', () => {
    const { runtime, ScriptApp } = setup();
    ScriptApp.newTrigger('f').timeBased().everyDays(1).atHour(8).create();
    expect(runtime.calls.snapshot()).toEqual({
      'ClockTriggerBuilder.atHour': 1,
      'ClockTriggerBuilder.create': 1,
      'ClockTriggerBuilder.everyDays': 1,
      'ScriptApp.newTrigger': 1,
      'TriggerBuilder.timeBased': 1,
    });
    expect(() => ScriptApp.getScriptId()).toThrow(
      'not implemented in the local Workspace: ScriptApp.getScriptId',
    );
  });
});
