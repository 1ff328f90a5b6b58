/** Why a webhook was refused; stable codes a receiver can log, count and map to a status. */
export const VERIFICATION_FAILURE_REASONS = [
  'missing_header',
  'malformed_header',
  'timestamp_too_old',
  'timestamp_in_future',
  'bad_signature',
  'invalid_payload',
  'duplicate',
] as const;

export type VerificationFailureReason = (typeof VERIFICATION_FAILURE_REASONS)[number];

/**
 * A delivery that must not be processed. The message says what was wrong in general terms; it
 * never contains a secret, a signature or the body, so it is safe to log and to answer with.
 */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    readonly reason: VerificationFailureReason,
    message: string,
  ) {
    super(message);
  }
}
