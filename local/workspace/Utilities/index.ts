/** Utilities of the local Workspace. */
export { LocalUtilities } from './utilities';
export { formatDate } from './format-date';
export { formatString } from './format-string';
