import { emptyRegister, sheetOf, valuesOf } from './helpers';

const OWNER = 'policy.officer@example.org';

describe('the harness: who runs each execution', () => {
  it('runs a menu item, dialog call or simple trigger as the person bundle.as names', () => {
    const bundle = emptyRegister();
    const session = bundle.ws.session.app;
    const seen: string[] = [];
    bundle.context.whoAmI = () => seen.push(session.getActiveUser().getEmail());
    bundle.as('second.officer@example.org', () => {
      bundle.call('whoAmI', 'menu');
      bundle.run('whoAmI');
    });
    bundle.call('whoAmI', 'menu');
    expect(seen).toEqual(['second.officer@example.org', 'second.officer@example.org', OWNER]);
  });

  it('fires an installable edit trigger as its owner, naming the editor only within the owner’s domain', () => {
    const bundle = emptyRegister();
    const seen: { active: string; effective: string; eventUser: string }[] = [];
    bundle.context.onRegisterEdit = (e: { user: { getEmail(): string } }) => {
      const session = bundle.ws.session.app;
      seen.push({
        active: session.getActiveUser().getEmail(),
        effective: session.getEffectiveUser().getEmail(),
        eventUser: e.user.getEmail(),
      });
    };
    bundle.as('colleague@example.org', () => bundle.edit('Import', 'A1', [['x']]));
    bundle.as('partner@other-council.example', () => bundle.edit('Import', 'A1', [['y']]));
    expect(seen).toEqual([
      { active: 'colleague@example.org', effective: OWNER, eventUser: 'colleague@example.org' },
      { active: '', effective: OWNER, eventUser: '' },
    ]);
  });
});

describe('the harness: overlapping executions', () => {
  it('runs a second execution to completion inside the first one’s call, then resumes the first', () => {
    const bundle = emptyRegister();
    const sheet = sheetOf(bundle, 'Import');
    const order: string[] = [];
    bundle.context.writeTwice = () => {
      const range = bundle.ws.sheets.app.getActiveSpreadsheet().getSheetByName('Import')?.getRange('A1');
      order.push(`first reads "${String(range?.getValue())}"`);
      range?.setValue('first');
      order.push(`first reads "${String(range?.getValue())}"`);
    };
    bundle.context.writeOnce = () => {
      bundle.ws.sheets.app.getActiveSpreadsheet().getSheetByName('Import')?.getRange('A1').setValue('second');
      order.push('second wrote');
    };
    bundle.overlap(
      () => bundle.call('writeTwice', 'menu'),
      { before: 'Range.setValue' },
      () => bundle.as('second.officer@example.org', () => bundle.call('writeOnce', 'menu')),
    );
    expect(order).toEqual(['first reads ""', 'second wrote', 'first reads "first"']);
    expect(bundle.ws.runtime.calls.uncounted(() => sheet.getRange('A1').getValue())).toBe('first');
  });

  it('says so when the first execution never reaches the pause', () => {
    const bundle = emptyRegister();
    expect(() =>
      bundle.overlap(
        () => bundle.clickMenu('Help'),
        { before: 'Range.setValues' },
        () => bundle.clickMenu('Help'),
      ),
    ).toThrow('The first execution never reached {"before":"Range.setValues"}.');
  });

  it('hands back the second execution’s error once the first has finished', () => {
    const bundle = emptyRegister();
    bundle.context.fails = () => {
      throw new Error('second failed');
    };
    const before = valuesOf(bundle, 'Register').length;
    expect(() =>
      bundle.overlap(
        () => bundle.clickMenu('Refresh statuses'),
        { afterCalls: 1 },
        () => bundle.call('fails', 'menu'),
      ),
    ).toThrow('second failed');
    expect(valuesOf(bundle, 'Register')).toHaveLength(before);
  });
});
