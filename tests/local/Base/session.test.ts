import { LocalSession } from '../../../local/workspace/Base';
import { Runtime } from '../../../local/workspace/runtime';

describe('Session', () => {
  it('reports the users, time zone and locale', () => {
    const runtime = new Runtime();
    runtime.activeUserEmail = 'editor@example.org';
    runtime.effectiveUserEmail = 'owner@example.org';
    runtime.scriptTimeZone = 'Europe/London';
    const Session = new LocalSession(runtime).app;
    expect(Session.getActiveUser().getEmail()).toBe('editor@example.org');
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@example.org');
    expect(Session.getScriptTimeZone()).toBe('Europe/London');
    expect(Session.getActiveUserLocale()).toBe('en_GB');
    expect(runtime.calls.byService()).toMatchObject({ Session: 4, User: 2 });
  });

  it('hides the active user in a simple trigger run by someone other than the owner', () => {
    const runtime = new Runtime();
    runtime.activeUserEmail = 'editor@example.org';
    runtime.effectiveUserEmail = 'owner@example.org';
    const Session = new LocalSession(runtime).app;
    expect(runtime.runAs('simple', () => Session.getActiveUser().getEmail())).toBe('');
    runtime.activeUserEmail = 'owner@example.org';
    expect(runtime.runAs('simple', () => Session.getActiveUser().getEmail())).toBe('owner@example.org');
  });

  it('gives each user a different temporary key that does not contain the address', () => {
    const runtime = new Runtime();
    const Session = new LocalSession(runtime).app;
    const first = Session.getTemporaryActiveUserKey();
    expect(first).not.toContain('@');
    expect(Session.getTemporaryActiveUserKey()).toBe(first);
    runtime.activeUserEmail = 'other@example.org';
    expect(Session.getTemporaryActiveUserKey()).not.toBe(first);
  });
});
