/** The error of a failed advanced-service call. */

/** Google's error for a failed advanced-service call: "API call to drive.files.get failed with error: ...". */
export function apiError(method: string, message: string): Error {
  return new Error(`API call to drive.files.${method} failed with error: ${message}`);
}
