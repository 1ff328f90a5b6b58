/** What kind of rule failed; the caller maps it once to an API status or a delivery-log outcome. */
export enum PayloadRuleErrorCode {
  /** A filter spec was rejected at endpoint creation (bad shape, unknown operator, over a limit). */
  InvalidFilter = 'INVALID_FILTER',
  /** A JSONata expression was rejected at endpoint creation (syntax, length, forbidden construct). */
  InvalidTransformation = 'INVALID_TRANSFORMATION',
  /** A valid transformation failed on one payload (runtime error, time or size budget, undefined result). */
  TransformationFailed = 'TRANSFORMATION_FAILED',
  /** A JSON Schema was rejected at event-type registration (invalid, unknown keyword, unsafe pattern, too big). */
  InvalidSchema = 'INVALID_SCHEMA',
}

/**
 * The one error type of this lib. Its message is short, names the offending path when there is one
 * (`filter.data.amount.$gte: expected a number or string`) and is meant to be shown to the tenant or
 * written to a delivery log as is. Filter and schema messages never quote payload values; a failed
 * transformation's message may (some JSONata errors quote the offending value), at most ~300 characters.
 */
export class PayloadRuleError extends Error {
  override readonly name = 'PayloadRuleError';

  constructor(
    readonly code: PayloadRuleErrorCode,
    message: string,
  ) {
    super(message);
  }
}
