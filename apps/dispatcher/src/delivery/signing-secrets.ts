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
  return chosen.map((secret) => opened(codec, view.id, secret));
}

/**
 * Opened secrets, per codec and per secret entry of a view: opening is an AES-GCM decryption
 * (1.6 % of the dispatcher's CPU at max rate when done per attempt). Views are immutable and
 * replaced whole when an endpoint changes, so an entry's plaintext lives exactly as long as the
 * view that holds it sealed.
 */
const openedByCodec = new WeakMap<EndpointSecretCodec, WeakMap<EndpointView['secrets'][number], string>>();

function opened(codec: EndpointSecretCodec, endpointId: string, secret: EndpointView['secrets'][number]): string {
  let cache = openedByCodec.get(codec);
  if (!cache) openedByCodec.set(codec, (cache = new WeakMap()));
  let plaintext = cache.get(secret);
  if (plaintext === undefined) cache.set(secret, (plaintext = codec.open(endpointId, secret.value)));
  return plaintext;
}

/**
 * The request headers of one attempt: the endpoint's custom headers, then the signature and id
 * headers over them, so a custom header can never replace what the receiver verifies.
 */
export function deliveryHeaders(view: EndpointView, signature: Record<string, string>): Record<string, string> {
  return { ...view.headers, ...signature };
}
