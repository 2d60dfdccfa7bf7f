/**
 * Who may open a file: its owner, the accounts it is shared with, or anyone with the link when the owner chose
 * "Anyone with the link". Drive gives no other way in: a file neither owned by nor shared with the user is
 * "not found" for them (https://developers.google.com/workspace/drive/api/guides/manage-sharing, roles and
 * "anyone" permissions).
 */
import type { Runtime } from '../runtime';
import type { DriveFile } from './drive-file';

/** The "anyone" permission: everyone who has the link may open the file. */
export const ANYONE_WITH_LINK = 'anyone with the link';

/**
 * The account a service call runs as. An installable or time-driven trigger runs as its creator (the effective
 * user); everything else as the person who clicked or typed
 * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
 */
export function actingUser(runtime: Runtime): string {
  return runtime.kind === 'installable' || runtime.kind === 'time'
    ? runtime.effectiveUserEmail
    : runtime.activeUserEmail;
}

export function canOpen(file: DriveFile, user: string): boolean {
  const who = user.toLowerCase();
  return (
    file.owner.toLowerCase() === who ||
    file.sharedWith.some((s) => s === ANYONE_WITH_LINK || s.toLowerCase() === who)
  );
}
