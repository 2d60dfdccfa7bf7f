/**
 * Who may open a file: its owner, the accounts it is shared with, or anyone with the link when the owner chose
 * "Anyone with the link". Drive gives no other way in: a file neither owned by nor shared with the user is
 * "not found" for them (https://developers.google.com/workspace/drive/api/guides/manage-sharing, roles and
 * "anyone" permissions). LocalDrive.canOpen applies it.
 */

/** The "anyone" permission: everyone who has the link may open the file. */
export const ANYONE_WITH_LINK = 'anyone with the link';
