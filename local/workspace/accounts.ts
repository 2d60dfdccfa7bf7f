/**
 * The Google accounts of the local Workspace and the domain each belongs to. Google decides from domains whether
 * a script may see who is at the keyboard: "these restrictions generally do not apply if the developer runs the
 * script themselves or belongs to the same Google Workspace domain as the user"
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
 */

/** Addresses of consumer (personal) Google accounts: no Workspace domain. */
const CONSUMER_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export interface AccountOptions {
  /** The account's Workspace domain; null for a consumer account, whatever its address. */
  readonly domain: string | null;
}

export class Accounts {
  private readonly domains = new Map<string, string | null>();

  /** Declares an account whose domain is not read off its address (a consumer account on a council address). */
  add(email: string, options: AccountOptions): void {
    this.domains.set(email.toLowerCase(), options.domain?.toLowerCase() ?? null);
  }

  /** The Workspace domain of an account, or null for a consumer account. */
  domainOf(email: string): string | null {
    const key = email.toLowerCase();
    if (this.domains.has(key)) return this.domains.get(key) ?? null;
    const domain = key.slice(key.lastIndexOf('@') + 1);
    return domain === '' || CONSUMER_DOMAINS.has(domain) ? null : domain;
  }

  /** True when both accounts belong to one Workspace domain (two consumer accounts never do). */
  sameDomain(a: string, b: string): boolean {
    const domain = this.domainOf(a);
    return domain !== null && domain === this.domainOf(b);
  }
}
