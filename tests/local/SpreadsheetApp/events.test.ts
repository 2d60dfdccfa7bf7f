import { LoadedBundle } from '../../../local/runner/bundle';
import { LocalWorkspace } from '../../../local/workspace';

/** A script whose triggers record every event they get: the simple onEdit and installable edit and change. */
const RECORDER = `
var seen = [];
function record(kind, e) {
  seen.push({
    kind: kind,
    authMode: e.authMode,
    range: e.range ? e.range.getA1Notation() : undefined,
    hasValue: 'value' in e && e.value !== undefined,
    value: e.value,
    oldValue: e.oldValue,
    changeType: e.changeType,
  });
}
function onEdit(e) { record('simple', e); }
function installedEdit(e) { record('edit', e); }
function installedChange(e) { record('change', e); }
function install() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ScriptApp.newTrigger('installedEdit').forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger('installedChange').forSpreadsheet(ss).onChange().create();
}
`;

interface Seen {
  kind: string;
  range?: string;
  hasValue: boolean;
  value?: string;
  oldValue?: string;
  changeType?: string;
}

function recorder(): { bundle: LoadedBundle; seen: () => Seen[]; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
  const ws = new LocalWorkspace({ now: new Date('2010-09-06T08:00:00Z'), timeZone: 'Europe/London' });
  const bundle = new LoadedBundle(ws, RECORDER);
  bundle.call('install', 'menu');
  const sheet = ws.sheets.app.getActiveSpreadsheet().getActiveSheet();
  const seen = (): Seen[] => {
    const all = bundle.context.seen as Seen[];
    const copy = all.map((e) => ({ ...e }));
    all.length = 0;
    return copy;
  };
  return { bundle, seen, sheet };
}

describe('a user typing into one cell', () => {
  it('fires onEdit (simple and installable) with value and oldValue, and change triggers with EDIT', () => {
    const { bundle, seen, sheet } = recorder();
    sheet.getRange('B2').setValue('Draft circulated');
    expect(bundle.type('Sheet1', 'B2', 'Approved by Cabinet')).toBe(true);
    expect(seen()).toEqual([
      expect.objectContaining({
        kind: 'simple',
        range: 'B2',
        value: 'Approved by Cabinet',
        oldValue: 'Draft circulated',
      }),
      expect.objectContaining({
        kind: 'edit',
        range: 'B2',
        value: 'Approved by Cabinet',
        oldValue: 'Draft circulated',
      }),
      expect.objectContaining({ kind: 'change', changeType: 'EDIT', range: undefined }),
    ]);
    expect(sheet.getRange('B2').getValue()).toBe('Approved by Cabinet');
  });

  it('sends a date cell’s old value as its serial number, not a JavaScript date string', () => {
    const { bundle, seen, sheet } = recorder();
    sheet.getRange('C3').setNumberFormat('dd mmm yyyy').setValue(new Date('2010-09-30T00:00:00+01:00'));
    bundle.type('Sheet1', 'C3', '31/12/2010');
    const [edit] = seen();
    expect(edit.oldValue).toBe('40451');
    expect(edit.value).toBe('40543');
    expect(sheet.getRange('C3').getDisplayValue()).toBe('31 Dec 2010');
  });

  it('leaves oldValue out when the cell was empty', () => {
    const { bundle, seen } = recorder();
    bundle.type('Sheet1', 'A1', 'New action');
    expect(seen()[0]).toEqual(expect.objectContaining({ value: 'New action', oldValue: undefined }));
  });

  it('is refused by a rejecting validation: nothing written, nothing fired', () => {
    const { bundle, seen, sheet } = recorder();
    const rule = bundle.ws.sheets.app.newDataValidation().requireDate().setAllowInvalid(false).build();
    sheet.getRange('D2').setDataValidation(rule).setValue(new Date('2011-03-31T00:00:00+01:00'));
    expect(bundle.type('Sheet1', 'D2', 'next spring')).toBe(false);
    expect(seen()).toEqual([]);
    expect(sheet.getRange('D2').getValue()).toEqual(new Date('2011-03-31T00:00:00+01:00'));
    expect(() => bundle.edit('Sheet1', 'D2', [['next spring']])).toThrow(/validation refused "next spring"/);
  });
});

describe('pasting, filling and clearing', () => {
  it('gives a pasted block and a single pasted cell the range only', () => {
    const { bundle, seen, sheet } = recorder();
    sheet.getRange('A1').setValue('old');
    bundle.paste('Sheet1', 'A1', [
      ['1.10', 'March 2007'],
      ['x', 'y'],
    ]);
    expect(seen().filter((e) => e.kind !== 'change')).toEqual([
      expect.objectContaining({ kind: 'simple', range: 'A1:B2', hasValue: false, oldValue: undefined }),
      expect.objectContaining({ kind: 'edit', range: 'A1:B2', hasValue: false, oldValue: undefined }),
    ]);
    // Pasted text is parsed as typed, unless the cells are plain text.
    expect(sheet.getRange('A1').getValue()).toBe(1.1);
    bundle.paste('Sheet1', 'C5', [['pasted']]);
    expect(seen()[0]).toEqual(expect.objectContaining({ range: 'C5', hasValue: false, oldValue: undefined }));
  });

  it('fills the first row down, firing for the rows written with no value or old value', () => {
    const { bundle, seen, sheet } = recorder();
    sheet.getRange('A2:A4').setValues([['Ongoing'], ['a'], ['b']]);
    bundle.fillDown('Sheet1', 'A2:A4');
    expect(sheet.getRange('A2:A4').getValues()).toEqual([['Ongoing'], ['Ongoing'], ['Ongoing']]);
    expect(seen()[0]).toEqual(
      expect.objectContaining({ range: 'A3:A4', hasValue: false, oldValue: undefined }),
    );
    bundle.fillDown('Sheet1', 'A4:A5');
    expect(seen()[0]).toEqual(expect.objectContaining({ range: 'A5', hasValue: false, oldValue: undefined }));
  });

  it('clears one cell with its old value and no value, and a block with the range only', () => {
    const { bundle, seen, sheet } = recorder();
    sheet.getRange('A1:B1').setValues([['one', 'two']]);
    bundle.clear('Sheet1', 'A1');
    expect(seen()[0]).toEqual(expect.objectContaining({ range: 'A1', hasValue: false, oldValue: 'one' }));
    bundle.clear('Sheet1', 'A1:B1');
    expect(seen()[0]).toEqual(
      expect.objectContaining({ range: 'A1:B1', hasValue: false, oldValue: undefined }),
    );
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
  });
});

describe('rows and sorting', () => {
  it('inserts and deletes rows with change events INSERT_ROW and REMOVE_ROW, and no edit event', () => {
    const { bundle, seen, sheet } = recorder();
    sheet.getRange('A1:A2').setValues([['first'], ['second']]);
    bundle.insertRows('Sheet1', 2, 3);
    expect(seen()).toEqual([expect.objectContaining({ kind: 'change', changeType: 'INSERT_ROW' })]);
    expect(sheet.getRange('A5').getValue()).toBe('second');
    bundle.deleteRows('Sheet1', 2, 3);
    expect(seen()).toEqual([expect.objectContaining({ kind: 'change', changeType: 'REMOVE_ROW' })]);
    expect(sheet.getRange('A2').getValue()).toBe('second');
  });

  it('sorts rows by a column, moving whole rows, and fires an edit of the range', () => {
    const { bundle, seen, sheet } = recorder();
    sheet.getRange('A2:B4').setValues([
      ['2.1', 'Beta'],
      ['', 'Blank'],
      ['1.1', 'Alpha'],
    ]);
    sheet.getRange('B3').setNote('kept with its row');
    bundle.sort('Sheet1', 'A2:B4', 'A');
    expect(sheet.getRange('A2:B4').getValues()).toEqual([
      [1.1, 'Alpha'],
      [2.1, 'Beta'],
      ['', 'Blank'],
    ]);
    expect(sheet.getRange('B4').getNote()).toBe('kept with its row');
    expect(seen()[0]).toEqual(expect.objectContaining({ range: 'A2:B4', hasValue: false }));
  });
});
