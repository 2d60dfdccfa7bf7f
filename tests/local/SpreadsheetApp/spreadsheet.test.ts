import vm from 'node:vm';
import { Runtime } from '../../../local/workspace/runtime';
import { LocalSpreadsheets } from '../../../local/workspace/SpreadsheetApp';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup(timeZone = 'Europe/London'): {
  runtime: Runtime;
  local: LocalSpreadsheets;
  app: App;
  sheet: Sheet;
} {
  const runtime = new Runtime();
  const local = new LocalSpreadsheets(runtime, { name: 'Register test', timeZone });
  const app = local.app;
  const sheet = app.getActiveSpreadsheet().getActiveSheet();
  return { runtime, local, app, sheet };
}

describe('values', () => {
  it('rejects data with the wrong number of rows, with the Apps Script message', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 4, 2);
    const data = Array.from({ length: 5 }, () => ['a', 'b']);
    expect(() => range.setValues(data)).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 5 but the range has 4.',
    );
  });

  it('rejects data with the wrong number of columns, with the Apps Script message', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:D2');
    expect(() =>
      range.setValues([
        [1, 2, 3, 4, 5],
        [1, 2, 3, 4, 5],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(range.getValues()).toEqual([
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
  });

  it('gives back an equal but distinct Date', () => {
    const { sheet } = setup();
    const due = new Date(Date.UTC(2011, 2, 31));
    sheet.getRange('B2').setValue(due);
    due.setUTCFullYear(1999);
    const first = sheet.getRange('B2').getValue() as Date;
    expect(first).toBeInstanceOf(Date);
    expect(first.getTime()).toBe(Date.UTC(2011, 2, 31));
    first.setUTCFullYear(2000);
    const second = sheet.getRange('B2').getValue() as Date;
    expect(second.getTime()).toBe(Date.UTC(2011, 2, 31));
    expect(second).not.toBe(first);
  });

  it('reads empty cells as empty strings and keeps numbers and booleans', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[3, true, 'Ongoing']]);
    expect(sheet.getRange('A1:D2').getValues()).toEqual([
      [3, true, 'Ongoing', ''],
      ['', '', '', ''],
    ]);
  });

  it('stores a string starting with "=" as a formula, and one starting with an apostrophe as text', () => {
    const { local, sheet } = setup();
    sheet.getRange('A1').setValue('=COUNTIF(K:K,"Overdue")');
    sheet.getRange('A2').setValue("'=not a formula");
    expect(sheet.getRange('A1').getFormula()).toBe('=COUNTIF(K:K,"Overdue")');
    // Formulas are not evaluated locally: reading one throws until a test supplies its value.
    expect(() => sheet.getRange('A1').getValue()).toThrow(
      'not implemented in the local Workspace: formula =COUNTIF(K:K,"Overdue") (in Sheet1!A1)',
    );
    local.active.sheet('Sheet1').setComputed(1, 1, 4);
    expect(sheet.getRange('A1').getValue()).toBe(4);
    expect(sheet.getRange('A2').getFormula()).toBe('');
    expect(sheet.getRange('A2').getValue()).toBe('=not a formula');
    expect(sheet.getRange('A1:A2').getFormulas()).toEqual([['=COUNTIF(K:K,"Overdue")'], ['']]);
  });

  it('turns numeric strings into numbers except in plain-text columns', () => {
    const { sheet } = setup();
    sheet.getRange('B:B').setNumberFormat('@');
    sheet.getRange('A1:B1').setValues([['007', '007']]);
    sheet.getRange('A2:B2').setValues([['1.5', '=1+1']]);
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      [7, '007'],
      [1.5, '=1+1'],
    ]);
    expect(sheet.getRange('B2').getFormula()).toBe('');
  });

  it('reports the last row and column holding content, 0 on an empty sheet', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    sheet.getRange('C5').setNote('a note is not content');
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange(3, 2, 1, 3).setValues([['a', '', 'c']]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    sheet.appendRow(['x']);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D4');
  });

  it('refuses a range past the grid until rows are inserted, and appendRow grows it', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(999, 1, 5, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(1000, 5);
    sheet.getRange(1001, 1).setValue('x');
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.getRange(1, 1, 1005, 1).clearContent();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['appended']);
    expect(sheet.getRange(1001, 1).getValue()).toBe('appended');
  });

  it('throws the Apps Script messages for zero and negative coordinates', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('reads A1 shapes', () => {
    const { app, sheet } = setup();
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:2').getNumColumns()).toBe(26);
    const block = sheet.getRange('B2:D9');
    expect([block.getRow(), block.getColumn(), block.getLastRow(), block.getLastColumn()]).toEqual([
      2, 2, 9, 4,
    ]);
    expect(block.offset(1, 1, 2, 2).getA1Notation()).toBe('C3:D4');
    app.getActiveSpreadsheet().insertSheet('Officers');
    const other = app.getActiveSpreadsheet().getRange("'Officers'!B3");
    expect(other.getSheet().getName()).toBe('Officers');
    expect(other.getA1Notation()).toBe('B3');
  });
});

describe('display values', () => {
  it('formats dates in the spreadsheet time zone across the BST change', () => {
    const { sheet } = setup('Europe/London');
    // 23:30 UTC on 30 March 2024 is still 30 March in London; 23:30 UTC on 31 March is 1 April (BST).
    const beforeChange = new Date(Date.UTC(2024, 2, 30, 23, 30));
    const afterChange = new Date(Date.UTC(2024, 2, 31, 23, 30));
    const range = sheet.getRange('A1:D2');
    range.setNumberFormats([
      ['yyyy-mm-dd', 'dd/mm/yyyy', 'd mmm yyyy', 'dd mmm yyyy'],
      ['yyyy-mm-dd', 'dd/mm/yyyy', 'd mmm yyyy', 'dd mmm yyyy'],
    ]);
    range.setValues([
      [beforeChange, beforeChange, beforeChange, beforeChange],
      [afterChange, afterChange, afterChange, afterChange],
    ]);
    expect(range.getDisplayValues()).toEqual([
      ['2024-03-30', '30/03/2024', '30 Mar 2024', '30 Mar 2024'],
      ['2024-04-01', '01/04/2024', '1 Apr 2024', '01 Apr 2024'],
    ]);
  });

  it('shows numbers and booleans as Sheets does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[42, 0.5, true, false]]);
    sheet.getRange('E1').setNumberFormat('0.00').setValue(3);
    sheet.getRange('F1').setNumberFormat('#,##0').setValue(1234567);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([
      ['42', '0.5', 'TRUE', 'FALSE', '3.00', '1,234,567'],
    ]);
  });

  it('reads a date typed as text as a date at local midnight', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2024-06-30');
    const value = sheet.getRange('A1').getValue() as Date;
    expect(value.toISOString()).toBe('2024-06-29T23:00:00.000Z');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2024-06-30');
  });
});

describe('formats and notes', () => {
  it('keeps notes, backgrounds, font colours, weights and wrap per cell', () => {
    const { local, sheet } = setup();
    const range = sheet.getRange('A1:B1');
    range.setNotes([['Progress from the March update', '']]);
    range.setBackgrounds([['#F00', 'white']]);
    range.setFontColor('#FFFFFF').setFontWeight('bold').setWrap(true);
    expect(range.getNotes()).toEqual([['Progress from the March update', '']]);
    expect(range.getBackgrounds()).toEqual([['#ff0000', '#ffffff']]);
    expect(range.getFontColors()).toEqual([['#ffffff', '#ffffff']]);
    expect(range.getFontWeights()).toEqual([['bold', 'bold']]);
    sheet.getRange('A1').clearNote();
    expect(sheet.getRange('A1').getNote()).toBe('');
    const cell = local.active.sheet('Sheet1').cell(1, 1);
    expect(cell).toMatchObject({
      background: '#ff0000',
      fontColor: '#ffffff',
      fontWeight: 'bold',
      wrap: true,
    });
    expect(sheet.getRange('C1').getWrap()).toBe(true);
    sheet.getRange('C1').setWrap(false);
    expect(sheet.getRange('C1').getWrap()).toBe(false);
  });
});

describe('data validation', () => {
  it('round-trips a list rule through the builder', () => {
    const { app, local, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Overdue', 'Completed'], true)
      .setAllowInvalid(false)
      .setHelpText('Pick a status')
      .build();
    sheet.getRange('K2:K5').setDataValidation(rule);
    const read = sheet.getRange('K3').getDataValidation();
    expect(read).not.toBeNull();
    expect(String(read?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(read?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read?.getCriteriaValues()).toEqual([['Overdue', 'Completed'], true]);
    expect(read?.getAllowInvalid()).toBe(false);
    expect(read?.getHelpText()).toBe('Pick a status');
    const copy = read?.copy().setAllowInvalid(true).build();
    expect(copy?.getAllowInvalid()).toBe(true);
    expect(sheet.getRange('K6').getDataValidation()).toBeNull();

    const raw = local.active.sheet('Sheet1');
    expect(() => sheet.getRange('K2:K3').setValues([['Overdue'], ['Lost']])).toThrow(
      'The data you entered in cell K3 violates the data validation rules set on this cell.',
    );
    expect(sheet.getRange('K2').getValue()).toBe('');
    sheet.getRange('K2').setValue('Overdue');
    // "Lost" was there before the rule: Sheets marks it rather than removing it.
    raw.seed(3, 11, [['Lost']]);
    expect(raw.validationError(2, 11)).toBe(false);
    expect(raw.validationError(3, 11)).toBe(true);
    sheet.getRange('K2:K5').clearDataValidations();
    expect(raw.validationError(3, 11)).toBe(false);
  });

  it('validates dates and ranges', () => {
    const { app, local, sheet } = setup();
    sheet.getRange('Z1:Z2').setValues([['JJ'], ['TG']]);
    const lead = app
      .newDataValidation()
      .requireValueInRange(sheet.getRange('Z1:Z2'), true)
      .setAllowInvalid(false);
    const due = app.newDataValidation().requireDate().setAllowInvalid(false).build();
    sheet.getRange('H2').setDataValidation(lead.build());
    sheet.getRange('F2:F3').setDataValidation(due);
    const raw = local.active.sheet('Sheet1');
    expect(() => sheet.getRange('H2').setValue('XX')).toThrow(/cell H2 violates the data validation rules/);
    expect(() => sheet.getRange('F2:F3').setValues([[new Date(2024, 0, 5)], ['next spring']])).toThrow(
      /cell F3 violates/,
    );
    expect(sheet.getRange('F2').getValue()).toBe('');
    // Typed before the rules were set: kept and marked.
    raw.seed(2, 6, [[new Date(2024, 0, 5)], ['next spring']]);
    raw.seed(2, 8, [['XX']]);
    expect(raw.validationError(2, 8)).toBe(true);
    expect(raw.validationError(2, 6)).toBe(false);
    expect(raw.validationError(3, 6)).toBe(true);
    const values = sheet.getRange('H2').getDataValidation()?.getCriteriaValues() ?? [];
    expect((values[0] as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe('Z1:Z2');
  });
});

describe('conditional formats', () => {
  it('replaces every rule on set, and colours a cell by the first rule that matches', () => {
    const { app, local, sheet } = setup();
    sheet.getRange('K2:K4').setValues([['Overdue'], ['completed'], ['In Progress but not reached due date']]);
    const range = sheet.getRange('A2:K4');
    const stale = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#cccccc')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([stale]);
    const overdue = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$K2="Overdue"')
      .setBackground('#F4CCCC')
      .setFontColor('#990000')
      .setRanges([range])
      .build();
    const completed = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Completed')
      .setBackground('#cfe2f3')
      .setRanges([sheet.getRange('K2:K4')])
      .build();
    const anyOverdue = app
      .newConditionalFormatRule()
      .whenTextContains('overdue')
      .setBackground('#000000')
      .setRanges([range])
      .build();
    sheet.setConditionalFormatRules([overdue, completed, anyOverdue]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(3);

    const raw = local.active.sheet('Sheet1');
    // The formula is relative to row 2, the top of the rule's range: row 2 refers to K2, column A to $K.
    expect(raw.conditionalColour(2, 1)).toEqual({ background: '#f4cccc', fontColor: '#990000' });
    expect(raw.conditionalColour(2, 11)).toEqual({ background: '#f4cccc', fontColor: '#990000' });
    expect(raw.conditionalColour(3, 1)).toBeNull();
    // Text-equal compares case-insensitively, as Sheets does.
    expect(raw.conditionalColour(3, 11)).toEqual({ background: '#cfe2f3' });
    expect(raw.conditionalColour(4, 11)).toBeNull();
    expect(raw.conditionalColour(5, 11)).toBeNull();

    const condition = sheet.getConditionalFormatRules()[0]?.getBooleanCondition();
    expect(String(condition?.getCriteriaType())).toBe('CUSTOM_FORMULA');
    expect(condition?.getCriteriaValues()).toEqual(['=$K2="Overdue"']);
    expect(condition?.getBackground()).toBe('#f4cccc');
  });

  it('moves rule ranges when rows are inserted above them', () => {
    const { app, local, sheet } = setup();
    sheet.getRange('K2').setValue('Overdue');
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$K2="Overdue"')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('A2:K10')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe('A4:K12');
    expect(local.active.sheet('Sheet1').conditionalColour(4, 1)).toEqual({ background: '#f4cccc' });
  });

  it('refuses formulas it cannot evaluate', () => {
    const { app, local, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=AND($K2="Overdue",$L2>0)')
      .setBackground('#f4cccc')
      .setRanges([sheet.getRange('A2:K10')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    expect(() => local.active.sheet('Sheet1').conditionalColour(2, 1)).toThrow(
      'not implemented in the local Workspace: conditional format formula =AND($K2="Overdue",$L2>0)',
    );
  });
});

describe('protection and named ranges', () => {
  it('returns the existing sheet protection instead of a second one', () => {
    const { app, sheet } = setup();
    const first = sheet.protect().setDescription('Computed columns').setWarningOnly(true);
    const second = sheet.protect();
    expect(second.getDescription()).toBe('Computed columns');
    expect(second.isWarningOnly()).toBe(true);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    const status = sheet.getRange('K2:K100').protect().setDescription('Status is computed');
    expect(sheet.getProtections(app.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual([
      'Status is computed',
    ]);
    expect(status.getRange().getA1Notation()).toBe('K2:K100');
    status.remove();
    first.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  it('stores, finds and removes named ranges', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.insertSheet('Settings');
    ss.setNamedRange('PlanName', sheet.getRange('B2'));
    expect(ss.getRangeByName('PlanName')?.getA1Notation()).toBe('B2');
    expect(ss.getRangeByName('PlanName')?.getSheet().getName()).toBe('Settings');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['PlanName']);
    sheet.insertRowsAfter(1, 1);
    expect(ss.getRangeByName('PlanName')?.getA1Notation()).toBe('B3');
    ss.getNamedRanges()[0]?.remove();
    expect(ss.getRangeByName('PlanName')).toBeNull();
  });
});

describe('spreadsheet and sheets', () => {
  it('refuses a second sheet with the same name, with the Apps Script message', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    ss.insertSheet('History');
    expect(() => ss.insertSheet('History')).toThrow(
      'A sheet with the name "History" already exists. Please enter another name.',
    );
    ss.insertSheet('Officers', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Officers', 'Sheet1', 'History']);
    expect(ss.getActiveSheet().getName()).toBe('Officers');
    ss.deleteSheet(ss.getSheetByName('History') as Sheet);
    expect(ss.getSheetByName('History')).toBeNull();
  });

  it('inserts and deletes rows, moving the cells below', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([['one'], ['two'], ['three']]);
    sheet.insertRowsAfter(1, 1);
    expect(sheet.getRange('A1:A4').getValues()).toEqual([['one'], [''], ['two'], ['three']]);
    expect(sheet.getMaxRows()).toBe(1001);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['one'], ['three']]);
    expect(() => sheet.deleteRows(1000, 5)).toThrow('Those rows are out of bounds.');
  });

  it('keeps frozen rows, column widths and the time zone', () => {
    const { app, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidths(2, 2, 240);
    expect(sheet.getFrozenRows()).toBe(1);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(3)]).toEqual([100, 240]);
    const ss = app.getActiveSpreadsheet();
    ss.setSpreadsheetTimeZone('America/New_York');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow('Invalid argument: timeZone');
  });
});

describe('Ui', () => {
  it('cannot be reached from a time-driven trigger', () => {
    const { runtime, app } = setup();
    expect(() => runtime.runAs('time', () => app.getUi())).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(() => runtime.runAs('menu', () => app.getUi())).not.toThrow();
  });

  it('records menus, replacing one with the same caption', () => {
    const { local, app } = setup();
    const ui = app.getUi();
    ui.createMenu('Action Plan').addItem('Old', 'old').addToUi();
    ui.createMenu('Action Plan')
      .addItem('Refresh statuses', 'refreshStatuses')
      .addSeparator()
      .addSubMenu(ui.createMenu('Paper').addItem('Build paper', 'buildPaper'))
      .addToUi();
    expect(local.ui.menus).toEqual([
      {
        name: 'Action Plan',
        items: [
          { caption: 'Refresh statuses', functionName: 'refreshStatuses' },
          { separator: true },
          { submenu: { name: 'Paper', items: [{ caption: 'Build paper', functionName: 'buildPaper' }] } },
        ],
      },
    ]);
  });

  it('answers alerts and prompts through the responder and records dialogs and toasts', () => {
    const { local, app } = setup();
    const ui = app.getUi();
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    local.ui.respond((d) => (d.kind === 'prompt' ? { button: 'OK', text: 'JJ' } : { button: 'NO' }));
    expect(ui.alert('Send digests', 'Send now?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const answer = ui.prompt('Initials', ui.ButtonSet.OK_CANCEL);
    expect(answer.getResponseText()).toBe('JJ');
    expect(answer.getSelectedButton()).toBe(ui.Button.OK);
    const html = { getContent: () => '<p>Help</p>' } as unknown as GoogleAppsScript.HTML.HtmlOutput;
    ui.showModalDialog(html, 'Help');
    app.getActiveSpreadsheet().toast('Statuses refreshed', 'Action Plan');
    expect(local.ui.dialogs.map((d) => [d.kind, d.title, d.prompt, d.buttons])).toEqual([
      ['alert', '', 'Done', 'OK'],
      ['alert', 'Send digests', 'Send now?', 'YES_NO'],
      ['prompt', '', 'Initials', 'OK_CANCEL'],
      ['modal', 'Help', '', ''],
    ]);
    expect(local.ui.dialogs[3]?.html).toBe('<p>Help</p>');
    expect(local.ui.toasts).toEqual([
      { message: 'Statuses refreshed', title: 'Action Plan', timeoutSeconds: 5 },
    ]);
  });
});

describe('inside a vm context', () => {
  it('stores Dates made in the script realm and hands Dates of that realm back', () => {
    const { local, app } = setup();
    const context = vm.createContext({ SpreadsheetApp: app });
    local.active.newDate = (ms) => vm.runInContext(`new Date(${ms})`, context) as Date;
    const result = vm.runInContext(
      `var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
       sheet.getRange('A1:B1').setValues([[new Date(Date.UTC(2024, 0, 5)), 'x']]);
       var back = sheet.getRange('A1').getValue();
       [back instanceof Date, back.getTime()];`,
      context,
    ) as [boolean, number];
    expect(result).toEqual([true, Date.UTC(2024, 0, 5)]);
    expect(local.active.sheet('Sheet1').cell(1, 1).value).toEqual(new Date(Date.UTC(2024, 0, 5)));
  });
});

describe('through expose', () => {
  it('counts each service call', () => {
    const { runtime, app } = setup();
    runtime.calls.reset();
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1') as Sheet;
    sheet.getRange('A1:B2').getValues();
    sheet.getRange('A1').setValue(1).setBackground('#ffffff');
    expect(runtime.calls.snapshot()).toEqual({
      'Range.getValues': 1,
      'Range.setBackground': 1,
      'Range.setValue': 1,
      'Sheet.getRange': 2,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActiveSpreadsheet': 1,
    });
  });

  it('throws for a method the local Workspace does not have', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('A1') as unknown as { getRichTextValue: () => unknown };
    expect(() => range.getRichTextValue()).toThrow(
      'not implemented in the local Workspace: Range.getRichTextValue',
    );
    expect(() => (app as unknown as { openById: (id: string) => unknown }).openById('x')).toThrow(
      'not implemented in the local Workspace: SpreadsheetApp.openById',
    );
  });
});

describe('scopes', () => {
  const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
  const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';

  it('refuses the spreadsheet to a manifest without a spreadsheets scope, naming either scope', () => {
    const { runtime, app } = setup();
    runtime.scopes.grant([CONTAINER_UI]);
    expect(() => app.getActiveSpreadsheet()).toThrow(
      'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  it('refuses a Range already in hand once the scope is gone', () => {
    const { runtime, sheet } = setup();
    const range = sheet.getRange('A1');
    runtime.scopes.grant([CONTAINER_UI]);
    expect(() => range.setValue('x')).toThrow(
      'Specified permissions are not sufficient to call Range.setValue.',
    );
  });

  it('builds menus and alerts without any scope, but needs script.container.ui for an HTML dialog', () => {
    const { runtime, app, local } = setup();
    runtime.scopes.grant([CURRENT_ONLY]);
    const ui = app.getUi();
    ui.createMenu('Action Plan').addItem('Help', 'showHelp').addToUi();
    ui.alert('Title', 'Text', ui.ButtonSet.OK);
    expect(local.ui.menus).toHaveLength(1);
    const html = { getContent: () => '<p>x</p>' } as unknown as GoogleAppsScript.HTML.HtmlOutput;
    expect(() => ui.showModalDialog(html, 'Paper')).toThrow(
      'Specified permissions are not sufficient to call Ui.showModalDialog. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });

  it('lets a simple trigger use the spreadsheet it is bound to', () => {
    const { runtime, app } = setup();
    runtime.scopes.grant([CURRENT_ONLY]);
    expect(runtime.runAs('simple', () => app.getActiveSpreadsheet().getName())).toBe('Register test');
  });
});
