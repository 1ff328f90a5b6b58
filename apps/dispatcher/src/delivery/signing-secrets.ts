import type { EndpointView } from '@webhooks/contracts';
import type { EndpointSecretCodec } from '@webhooks/signing';

/**
 * The plaintext secrets to sign one attempt with, newest first: those whose `notAfter` has not
 * passed at `now`. A rotated-out secret thus stops signing at the end of its grace period on its
 * own, without a republished view. The newest secret has no end, so the list is never empty (if a
 * view says otherwise, the newest still signs: an unsigned delivery would help no one).
 */
export function signingSecrets(view: EndpointView, codec: EndpointSecretCodec, now = Date.now()): string[] {
  const live = view.secrets.filter((secret) => secret.notAfter === undefined || secret.notAfter > now);
  const chosen = live.length ? live : view.secrets.slice(0, 1);
  return chosen.map((secret) => codec.open(view.id, secret.value));
}

/**
 * The request headers of one attempt: the endpoint's custom headers, then the signature and id
 * headers over them, so a custom header can never replace what the receiver verifies.
 */
export function deliveryHeaders(view: EndpointView, signature: Record<string, string>): Record<string, string> {
  return { ...view.headers, ...signature };
}
