/** Scopes of the Drive v3 files methods the project calls, as the REST reference lists them. */
import { SCOPE } from '../scopes';

const APP = [SCOPE.drive, SCOPE.driveAppdata, SCOPE.driveFile];
const READ = [...APP, SCOPE.driveMetadata, SCOPE.driveMetadataReadonly, SCOPE.driveReadonly];

/**
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/files/create (and get, list, update,
 * delete): "Requires one of the following OAuth scopes". The meet, photos and scripts scopes the reference also
 * lists are left out: the project never asks for them.
 */
export const DRIVE_FILES_SCOPES = {
  create: APP,
  get: READ,
  list: READ,
  update: [...APP, SCOPE.driveMetadata],
  delete: APP,
} as const;

/** What the API answers a token without any of the method's scopes. */
export const INSUFFICIENT_SCOPES = 'Request had insufficient authentication scopes.';
