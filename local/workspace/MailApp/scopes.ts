/** Scopes of MailApp, as the reference lists them under "Authorization". */
import { SCOPE, type ScopeTable } from '../scopes';

/** sendEmail and getRemainingDailyQuota (https://developers.google.com/apps-script/reference/mail/mail-app). */
export const MAIL_SCOPES: ScopeTable = { 'MailApp.*': [SCOPE.sendMail] };
