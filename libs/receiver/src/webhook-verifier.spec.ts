import { generateSigningSecret, SIGNATURE_SCHEMES, signDelivery, type SignatureScheme } from '@webhooks/signing';
import { MemoryDedupeStore } from './dedupe-store';
import { WebhookVerificationError, type VerificationFailureReason } from './webhook-verification.exception';
import { WebhookVerifier, type WebhookVerifierOptions } from './webhook-verifier';

const payload = { type: 'invoice.paid', data: { amount: 42, note: 'ünïcode ✓' } };
const body = Buffer.from(JSON.stringify(payload));
const NOW = Date.UTC(2030, 0, 1);
const clock = () => NOW;

interface Key {
  secret: string;
  publicKey?: string;
}

/** Receiver options trusting `keys`: the `whsec_` secrets, or the `whpk_` public keys for ed25519. */
function optionsFor(scheme: SignatureScheme, keys: readonly Key[]): WebhookVerifierOptions {
  return scheme === 'standard-ed25519'
    ? { scheme, publicKey: keys.map((k) => k.publicKey ?? ''), clock }
    : { scheme, secret: keys.map((k) => k.secret), clock };
}

/** A fresh key for `scheme`: what we sign with, and what the receiver is configured with. */
function keyFor(scheme: SignatureScheme): Key & { options: WebhookVerifierOptions } {
  const key = generateSigningSecret(scheme);
  return { ...key, options: optionsFor(scheme, [key]) };
}

function sign(scheme: SignatureScheme, secrets: string[], id = 'msg_1', at = NOW, bytes = body) {
  return signDelivery({ scheme, webhookId: id, body: bytes, secrets, now: new Date(at) });
}

async function reasonOf(promise: Promise<unknown>): Promise<VerificationFailureReason | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.reason;
    throw error;
  }
}

describe.each(SIGNATURE_SCHEMES)('WebhookVerifier (%s)', (scheme) => {
  it('accepts what signDelivery sends and returns the payload, id and timestamp', async () => {
    const { secret, options } = keyFor(scheme);
    const verified = await new WebhookVerifier(options).verify(sign(scheme, [secret]), body);
    expect(verified).toEqual({ payload, webhookId: 'msg_1', timestamp: NOW / 1000 });
  });

  it('accepts the body as a string and headers as a fetch Headers or with any case', async () => {
    const { secret, options } = keyFor(scheme);
    const verifier = new WebhookVerifier({ ...options, dedupe: false });
    const headers = sign(scheme, [secret]);
    expect(verifier.verifySignature(new Headers(headers), body.toString('utf8')).webhookId).toBe('msg_1');
    const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifier.verifySignature(shouting, body).webhookId).toBe('msg_1');
  });

  it('refuses a tampered body, another key, and a missing signature', async () => {
    const { secret, options } = keyFor(scheme);
    const verifier = new WebhookVerifier(options);
    const headers = sign(scheme, [secret]);
    const tampered = Buffer.from(body.toString('utf8').replace('42', '43'));
    expect(await reasonOf(verifier.verify(headers, tampered))).toBe('bad_signature');
    expect(await reasonOf(verifier.verify(sign(scheme, [keyFor(scheme).secret]), body))).toBe('bad_signature');
    const signatureName = Object.keys(headers).find((k) => !['webhook-id', 'webhook-timestamp'].includes(k)) ?? '';
    const { [signatureName]: _dropped, ...unsigned } = headers;
    expect(await reasonOf(verifier.verify(unsigned, body))).toBe('missing_header');
    expect(await reasonOf(verifier.verify({ ...headers, [signatureName]: 'garbage' }, body))).toBe('bad_signature');
  });

  it('enforces the 5-minute tolerance both ways', async () => {
    const { secret, options } = keyFor(scheme);
    const verifier = new WebhookVerifier({ ...options, dedupe: false });
    const at = (offsetSeconds: number) =>
      verifier.verify(sign(scheme, [secret], 'msg_t', NOW + offsetSeconds * 1000), body);
    expect(await reasonOf(at(-300))).toBe('accepted');
    expect(await reasonOf(at(300))).toBe('accepted');
    expect(await reasonOf(at(-301))).toBe('timestamp_too_old');
    expect(await reasonOf(at(301))).toBe('timestamp_in_future');
    const headers = sign(scheme, [secret]);
    expect(await reasonOf(verifier.verify({ ...headers, 'webhook-timestamp': '17e8' }, body))).toBe('malformed_header');
  });

  it('refuses a second delivery with the same webhook-id, but only after its signature verified', async () => {
    const { secret, options } = keyFor(scheme);
    const verifier = new WebhookVerifier(options);
    const forged = sign(scheme, [keyFor(scheme).secret], 'msg_d');
    expect(await reasonOf(verifier.verify(forged, body))).toBe('bad_signature');
    expect(await reasonOf(verifier.verify(sign(scheme, [secret], 'msg_d'), body))).toBe('accepted');
    // A retry carries the same id and a fresh timestamp.
    expect(await reasonOf(verifier.verify(sign(scheme, [secret], 'msg_d', NOW + 5000), body))).toBe('duplicate');
    await verifier.release('msg_d');
    expect(await reasonOf(verifier.verify(sign(scheme, [secret], 'msg_d', NOW + 9000), body))).toBe('accepted');
  });

  it('verifies with either of two configured keys while the endpoint rotates', async () => {
    const older = keyFor(scheme);
    const newer = keyFor(scheme);
    const verifier = new WebhookVerifier({ ...optionsFor(scheme, [newer, older]), dedupe: false });
    expect(verifier.verifySignature(sign(scheme, [older.secret]), body).payload).toEqual(payload);
    expect(verifier.verifySignature(sign(scheme, [newer.secret]), body).payload).toEqual(payload);
    expect(verifier.verifySignature(sign(scheme, [newer.secret, older.secret]), body).payload).toEqual(payload);
    // Only the new key configured: a delivery signed only with the old one fails.
    const onlyNew = new WebhookVerifier({ ...newer.options, dedupe: false });
    expect(() => onlyNew.verifySignature(sign(scheme, [older.secret]), body)).toThrow(WebhookVerificationError);
  });
});

describe('WebhookVerifier', () => {
  it('accepts any one of several space-separated standard signatures', () => {
    const { secret, options } = keyFor('standard');
    const headers = sign('standard', [secret]);
    const bogus = 'v1,' + Buffer.alloc(32, 9).toString('base64');
    headers['webhook-signature'] =
      `v1a,${Buffer.alloc(64).toString('base64')} ${bogus} ${headers['webhook-signature']}`;
    expect(new WebhookVerifier(options).verifySignature(headers, body).webhookId).toBe('msg_1');
  });

  it('refuses a signed body that is not JSON without claiming its id', async () => {
    const { secret, options } = keyFor('standard');
    const verifier = new WebhookVerifier(options);
    const notJson = Buffer.from('not json');
    expect(await reasonOf(verifier.verify(sign('standard', [secret], 'msg_j', NOW, notJson), notJson))).toBe(
      'invalid_payload',
    );
    expect(await reasonOf(verifier.verify(sign('standard', [secret], 'msg_j'), body))).toBe('accepted');
  });

  it('refuses a parsed body: the signed bytes are gone', () => {
    const { secret, options } = keyFor('standard');
    const parsed = payload as unknown as string;
    expect(() => new WebhookVerifier(options).verifySignature(sign('standard', [secret]), parsed)).toThrow(TypeError);
  });

  it('rejects a malformed key at construction without echoing it', () => {
    const bad = 'whsec_tooshortsecretvalue';
    expect(() => new WebhookVerifier({ scheme: 'standard', secret: bad })).toThrow('24..64 bytes');
    expect(() => new WebhookVerifier({ scheme: 'github', secret: 'plain-secretvalue' })).toThrow('whsec_');
    expect(() => new WebhookVerifier({ scheme: 'standard-ed25519', publicKey: 'whpk_AAAA' })).toThrow('32 bytes');
    try {
      new WebhookVerifier({ scheme: 'standard', secret: bad });
    } catch (error) {
      expect((error as Error).message).not.toContain('secretvalue');
    }
  });

  it('remembers ids for twice the tolerance: the whole window in which a timestamp is acceptable', () => {
    expect(new WebhookVerifier({ ...keyFor('standard').options, toleranceSeconds: 60 }).dedupeTtlSeconds).toBe(120);
  });
});

describe('MemoryDedupeStore', () => {
  it('forgets an id after its TTL', () => {
    let now = 0;
    const store = new MemoryDedupeStore({ clock: () => now });
    expect(store.claim('a', 10)).toBe(true);
    expect(store.claim('a', 10)).toBe(false);
    now = 10_001;
    expect(store.claim('a', 10)).toBe(true);
  });

  it('stays within maxEntries, forgetting the oldest first', () => {
    const store = new MemoryDedupeStore({ maxEntries: 3, clock: () => 0 });
    for (const id of ['a', 'b', 'c', 'd']) expect(store.claim(id, 600)).toBe(true);
    expect(store.size).toBe(3);
    expect(store.claim('a', 600)).toBe(true);
    expect(store.claim('d', 600)).toBe(false);
  });
});
