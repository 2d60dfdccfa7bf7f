import { LocalSession } from '../../../local/workspace/Base';
import { Runtime } from '../../../local/workspace/runtime';

const OWNER = 'owner@council.example';

function setup() {
  const runtime = new Runtime();
  runtime.scriptOwner = OWNER;
  runtime.scriptTimeZone = 'Europe/London';
  return { runtime, Session: new LocalSession(runtime).app };
}

describe('Session', () => {
  it('names the clicker as active and effective user of a menu run, and the trigger owner as effective user of a trigger', () => {
    const { runtime, Session } = setup();
    const menu = runtime.as('editor@council.example', () =>
      runtime.runAs('menu', () => [
        Session.getActiveUser().getEmail(),
        Session.getEffectiveUser().getEmail(),
      ]),
    );
    expect(menu).toEqual(['editor@council.example', 'editor@council.example']);
    const edit = runtime.as('editor@council.example', () =>
      runtime.runAs(
        'installable',
        () => [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()],
        OWNER,
      ),
    );
    expect(edit).toEqual(['editor@council.example', OWNER]);
    const clock = runtime.runAs('time', () => Session.getEffectiveUser().getEmail(), OWNER);
    expect(clock).toBe(OWNER);
    expect(Session.getScriptTimeZone()).toBe('Europe/London');
    expect(Session.getActiveUserLocale()).toBe('en_GB');
  });

  it('blanks the active user in a simple trigger unless they are the owner or in the owner’s Workspace domain', () => {
    const { runtime, Session } = setup();
    const inSimple = (email: string) =>
      runtime.as(email, () => runtime.runAs('simple', () => Session.getActiveUser().getEmail()));
    expect(inSimple(OWNER)).toBe(OWNER);
    expect(inSimple('colleague@council.example')).toBe('colleague@council.example');
    expect(inSimple('partner@other-council.example')).toBe('');
    expect(inSimple('resident@gmail.com')).toBe('');
  });

  it('blanks the editor in an installable trigger unless they are its owner or in its owner’s Workspace domain', () => {
    const { runtime, Session } = setup();
    const inTrigger = (editor: string, owner: string) =>
      runtime.as(editor, () => runtime.runAs('installable', () => Session.getActiveUser().getEmail(), owner));
    expect(inTrigger('colleague@council.example', OWNER)).toBe('colleague@council.example');
    expect(inTrigger('partner@other-council.example', OWNER)).toBe('');
    // Two consumer accounts never share a domain: only the owner sees their own address.
    expect(inTrigger('friend@gmail.com', 'owner@gmail.com')).toBe('');
    expect(inTrigger('owner@gmail.com', 'owner@gmail.com')).toBe('owner@gmail.com');
    // A consumer account registered on a council address is not in the council's domain.
    runtime.accounts.add('volunteer@council.example', { domain: null });
    expect(inTrigger('volunteer@council.example', OWNER)).toBe('');
  });

  it('needs userinfo.email for the users, and nothing for the time zone and locale', () => {
    const { runtime, Session } = setup();
    runtime.scopes.grant(['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    expect(() => Session.getActiveUser()).toThrow(
      'Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(() => Session.getEffectiveUser()).toThrow(
      'Specified permissions are not sufficient to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(Session.getScriptTimeZone()).toBe('Europe/London');
    expect(Session.getTemporaryActiveUserKey()).not.toBe('');
  });

  it('gives each user a different temporary key that does not contain the address', () => {
    const { runtime, Session } = setup();
    const first = Session.getTemporaryActiveUserKey();
    expect(first).not.toContain('@');
    expect(Session.getTemporaryActiveUserKey()).toBe(first);
    runtime.as('other@example.org', () => expect(Session.getTemporaryActiveUserKey()).not.toBe(first));
  });
});
