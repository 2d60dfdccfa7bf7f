/** Scopes of the Base classes the project uses, as the reference lists them under "Authorization". */
import { SCOPE, type ScopeTable } from '../scopes';

/**
 * https://developers.google.com/apps-script/reference/base/session: getActiveUser and getEffectiveUser need
 * userinfo.email; the time zone, locale and temporary key need nothing. User.getEmail lists no scope
 * (https://developers.google.com/apps-script/reference/base/user), so an edit event's e.user can be read without it.
 */
export const SESSION_SCOPES: ScopeTable = {
  'Session.getActiveUser': [SCOPE.userinfoEmail],
  'Session.getEffectiveUser': [SCOPE.userinfoEmail],
};
