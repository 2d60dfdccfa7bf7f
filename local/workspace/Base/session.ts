/**
 * Session of the local Workspace: who is running the script, in which time zone and locale.
 */
import { createHash } from 'node:crypto';
import { Runtime, expose } from '../runtime';
import { SESSION_SCOPES } from './scopes';
import { UserImpl } from './user';

/**
 * The active user's address as Google lets the script see it, or '' where it is withheld. "The user's email
 * address is not available in any context that allows a script to run without that user's authorization, like a
 * simple onOpen(e) or onEdit(e) trigger ... However, these restrictions generally do not apply if the developer
 * runs the script themselves or belongs to the same Google Workspace domain as the user"
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()). An installable trigger runs
 * with its creator's authorisation, not the editor's, so the same rule holds with the creator in the developer's
 * place; e.user of an edit event follows it too ("if available (depending on a complex set of security
 * restrictions)", https://developers.google.com/apps-script/guides/triggers/events#edit). "Generally" is read
 * strictly: the address shows only to the same account or within one Workspace domain, never across domains or
 * between consumer accounts.
 */
export function visibleActiveUser(runtime: Runtime): string {
  const { kind, activeUser, effectiveUser, scriptOwner, accounts } = runtime;
  const authorisedBy = kind === 'simple' ? scriptOwner : kind === 'installable' ? effectiveUser : activeUser;
  return activeUser === authorisedBy || accounts.sameDomain(activeUser, authorisedBy) ? activeUser : '';
}

class SessionImpl {
  constructor(private readonly runtime: Runtime) {}

  /** The person at the keyboard, with the address blank where Google withholds it (see visibleActiveUser). */
  getActiveUser(): UserImpl {
    return expose<UserImpl>(new UserImpl(visibleActiveUser(this.runtime)), 'User', this.runtime);
  }

  /** The account the script runs as: the trigger's creator for installable and time-driven triggers. */
  getEffectiveUser(): UserImpl {
    return expose<UserImpl>(new UserImpl(this.runtime.effectiveUser), 'User', this.runtime);
  }

  getScriptTimeZone(): string {
    return this.runtime.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return 'en_GB';
  }

  /** Unique to the active user and stable across runs, without revealing the address. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`key:${this.runtime.activeUser}`).digest('base64').slice(0, 43);
  }
}

export class LocalSession {
  /** The global the bundle sees as Session. */
  readonly app: GoogleAppsScript.Base.Session;

  constructor(runtime: Runtime) {
    runtime.scopes.declare(SESSION_SCOPES);
    this.app = expose<GoogleAppsScript.Base.Session>(new SessionImpl(runtime), 'Session', runtime);
  }
}
