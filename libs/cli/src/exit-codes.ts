/**
 * Exit codes of the `webhooks` CLI, so scripts can tell "the API said no" from "you typed it
 * wrong" from "nothing answered" without parsing messages.
 */
export const EXIT = {
  ok: 0,
  /** The API answered with an error status (NOT_FOUND, INVALID_ARGUMENT, ...). */
  apiError: 1,
  /** Unknown command, unknown or missing flag, bad flag value. Nothing was sent. */
  usage: 2,
  /** The service could not be reached (gRPC UNAVAILABLE). */
  unreachable: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in the command line; the message says which and how to get help. */
export class UsageError extends Error {}
