/** A problem with what the user asked for: printed as one line, no stack trace. */
export class UsageError extends Error {}
