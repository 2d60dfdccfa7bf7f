/** A user of Apps Script: Session.getActiveUser() and getEffectiveUser() hand these out. */

export class UserImpl {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}
