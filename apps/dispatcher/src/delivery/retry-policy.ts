/** What to do after an attempt. */
export type AttemptVerdict = 'delivered' | 'retry' | 'give_up';

/**
 * Classifies an attempt by its HTTP status (null = no response: timeout, connection error).
 * Only 2xx is success. 410 Gone means the receiver asked us to stop: no retries. Everything
 * else — 3xx (redirects are never followed), 4xx, 5xx, timeouts, network errors — is retried,
 * because receivers commonly answer 4xx during deploys and misconfigurations get fixed —
 * unless the endpoint opted into `giveUpOnClientErrors`, which dead-letters a 4xx at once (408 and 429
 * still retry: they mean "later", not "never").
 */
export function classify(status: number | null, options: { giveUpOnClientErrors?: boolean } = {}): AttemptVerdict {
  if (status !== null && status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'give_up';
  if (
    options.giveUpOnClientErrors &&
    status !== null &&
    status >= 400 &&
    status < 500 &&
    status !== 408 &&
    status !== 429
  ) {
    return 'give_up';
  }
  return 'retry';
}
