import { randomBytes } from 'node:crypto';

/** How long the receiver has to answer the challenge, connect to last body byte. */
export const CHALLENGE_TIMEOUT_MS = 10_000;
/** The most of an answer that is read: an echo is short, anything longer cannot be one. */
export const CHALLENGE_MAX_ANSWER_BYTES = 64 * 1024;

/** The body POSTed to a pending endpoint. */
export interface UrlChallenge {
  type: 'url_verification';
  challenge: string;
}

/** A fresh challenge: 32 random bytes, base64url, so it survives any echo (JSON, plain text, URLs). */
export function newUrlChallenge(): UrlChallenge {
  return { type: 'url_verification', challenge: randomBytes(32).toString('base64url') };
}

/**
 * Whether an answer body echoes `challenge`: either JSON `{"challenge": "<challenge>"}` (other
 * members are ignored; a bare JSON string works too) or the challenge itself as plain text.
 * Surrounding whitespace is ignored. Only someone who can read the POSTed body — the owner of the
 * URL — can produce the echo, which is what proves the URL wants our events.
 */
export function echoesChallenge(body: string, challenge: string): boolean {
  const text = body.trim();
  if (text === challenge) return true;
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof answer === 'string') return answer === challenge;
  return (
    typeof answer === 'object' &&
    answer !== null &&
    !Array.isArray(answer) &&
    (answer as Record<string, unknown>).challenge === challenge
  );
}

/** What one challenge attempt showed; `error` is the verification_error shown to the tenant. */
export type ChallengeOutcome = { verified: true } | { verified: false; error: string };

/**
 * The verdict on an answer: a 2xx that echoes the challenge verifies. A redirect is a failure
 * (redirects are never followed: the URL that answers must be the URL registered).
 */
export function judgeChallengeAnswer(status: number, body: string, challenge: string): ChallengeOutcome {
  if (status < 200 || status > 299) {
    const hint = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
    return { verified: false, error: `answered ${status} instead of 2xx${hint}` };
  }
  if (!echoesChallenge(body, challenge)) {
    return { verified: false, error: 'answer did not echo the challenge' };
  }
  return { verified: true };
}
