import { describeScopes, missingPermission, permissionMessage } from '../../src/core/permissions';

const AUTH = 'https://www.googleapis.com/auth/';

describe('missingPermission', () => {
  it('reads the method and scope of a manifest refusal', () => {
    const error = new Error(
      `Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: ${AUTH}script.send_mail`,
    );
    expect(missingPermission(error)).toEqual({
      method: 'MailApp.sendEmail',
      scopes: [`${AUTH}script.send_mail`],
    });
  });

  it('reads every scope of a refusal that any of several would answer, and the simple-trigger wording', () => {
    const error = new Error(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${AUTH}spreadsheets.currentonly || ${AUTH}spreadsheets)`,
    );
    expect(missingPermission(error)?.scopes).toEqual([
      `${AUTH}spreadsheets.currentonly`,
      `${AUTH}spreadsheets`,
    ]);
  });

  it('takes the Drive API’s insufficient scopes as a missing drive.file', () => {
    const error = new Error(
      'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
    );
    expect(missingPermission(error)).toEqual({ method: '', scopes: [`${AUTH}drive.file`] });
  });

  it('ignores every other error', () => {
    expect(
      missingPermission(new Error('Lock timeout: another process was holding the lock for too long.')),
    ).toBeNull();
    expect(missingPermission('File not found: 1abc.')).toBeNull();
  });
});

describe('permissionMessage', () => {
  it('says in plain words what the register could not do and who can fix it', () => {
    const message = permissionMessage({ method: 'Session.getActiveUser', scopes: [`${AUTH}userinfo.email`] });
    expect(message).toBe(
      `Google did not let the register know your email address (${AUTH}userinfo.email): that permission is ` +
        "missing from the script's manifest (oauthScopes in appsscript.json). Whoever deployed the register must " +
        'add it and push again; everyone is then asked to allow it once.',
    );
  });

  it('keeps a scope it has no words for as written', () => {
    expect(describeScopes([`${AUTH}calendar`])).toBe(`${AUTH}calendar`);
  });
});
