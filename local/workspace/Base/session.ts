/**
 * Session of the local Workspace: who is running the script, in which time zone and locale.
 */
import { createHash } from 'node:crypto';
import { Runtime, expose } from '../runtime';
import { UserImpl } from './user';

class SessionImpl {
  constructor(private readonly runtime: Runtime) {}

  /**
   * The signed-in user. Google hides the address wherever the script runs without that user's authorisation,
   * e.g. a simple onOpen/onEdit trigger (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
   * Same-domain Workspace accounts usually do see it; the local rule is the consumer-account one: blank in a
   * simple trigger unless the active user is also the script's owner.
   */
  getActiveUser(): UserImpl {
    const { kind, activeUserEmail, effectiveUserEmail } = this.runtime;
    const hidden = kind === 'simple' && activeUserEmail !== effectiveUserEmail;
    return expose<UserImpl>(new UserImpl(hidden ? '' : activeUserEmail), 'User', this.runtime);
  }

  /** The account the script runs as: the trigger's creator for installable and time-driven triggers. */
  getEffectiveUser(): UserImpl {
    return expose<UserImpl>(new UserImpl(this.runtime.effectiveUserEmail), 'User', this.runtime);
  }

  getScriptTimeZone(): string {
    return this.runtime.scriptTimeZone;
  }

  getActiveUserLocale(): string {
    return 'en_GB';
  }

  /** Unique to the active user and stable across runs, without revealing the address. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`key:${this.runtime.activeUserEmail}`).digest('base64').slice(0, 43);
  }
}

export class LocalSession {
  /** The global the bundle sees as Session. */
  readonly app: GoogleAppsScript.Base.Session;

  constructor(runtime: Runtime) {
    this.app = expose<GoogleAppsScript.Base.Session>(new SessionImpl(runtime), 'Session', runtime);
  }
}
