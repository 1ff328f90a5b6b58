import { createHmac, createPublicKey, timingSafeEqual, verify } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { signDelivery } from './sign-delivery';
import { generateSigningSecret } from './signature-scheme';

// Every receiver below is written from the scheme's public spec (or is the spec's own library),
// never with our verification code, so a shared misreading of the spec cannot hide.

const body = Buffer.from('{"type":"invoice.paid","data":{"amount":42,"note":"ünïcode ✓"}}');
const tampered = Buffer.from(body.toString('utf8').replace('42', '43'));
const now = new Date();

/** Standard Webhooks v1a: ed25519 over `id.timestamp.body`; the whpk_ is base64 of the raw 32-byte key. */
function verifyV1a(headers: Record<string, string>, payload: Buffer, whpk: string): boolean {
  const raw = Buffer.from(whpk.slice('whpk_'.length), 'base64');
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  const signed = Buffer.concat([Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`), payload]);
  return headers['webhook-signature']
    .split(' ')
    .filter((entry) => entry.startsWith('v1a,'))
    .some((entry) => verify(null, signed, key, Buffer.from(entry.slice(4), 'base64')));
}

/** `sha256=<hex HMAC-SHA256(key, raw body)>`, compared in constant time. */
function verifySha256Header(value: string | undefined, payload: Buffer, key: Buffer | string): boolean {
  const expected = Buffer.from('sha256=' + createHmac('sha256', key).update(payload).digest('hex'));
  const actual = Buffer.from(value ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

describe('signDelivery', () => {
  describe('standard', () => {
    const { secret } = generateSigningSecret('standard');
    const headers = signDelivery({ scheme: 'standard', webhookId: 'msg_1', body, secrets: [secret], now });

    it('sends exactly the three Standard Webhooks headers', () => {
      expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
      expect(headers['webhook-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
      expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    });

    it('verifies with the official standardwebhooks library and with svix', () => {
      expect(new StandardWebhook(secret).verify(body.toString('utf8'), headers)).toEqual(JSON.parse(body.toString()));
      expect(new SvixWebhook(secret).verify(body.toString('utf8'), headers)).toEqual(JSON.parse(body.toString()));
    });

    it('fails both libraries when one byte of the body changes', () => {
      expect(() => new StandardWebhook(secret).verify(tampered.toString('utf8'), headers)).toThrow();
      expect(() => new SvixWebhook(secret).verify(tampered.toString('utf8'), headers)).toThrow();
    });

    it('signs with both secrets during rotation, each verifying on its own; after it only the new one does', () => {
      const older = secret;
      const newer = generateSigningSecret('standard').secret;
      const during = signDelivery({ scheme: 'standard', webhookId: 'msg_2', body, secrets: [newer, older], now });
      expect(during['webhook-signature'].split(' ')).toHaveLength(2);
      for (const s of [newer, older]) {
        expect(() => new StandardWebhook(s).verify(body.toString('utf8'), during)).not.toThrow();
        expect(() => new SvixWebhook(s).verify(body.toString('utf8'), during)).not.toThrow();
      }
      const after = signDelivery({ scheme: 'standard', webhookId: 'msg_2', body, secrets: [newer], now });
      expect(() => new StandardWebhook(newer).verify(body.toString('utf8'), after)).not.toThrow();
      expect(() => new StandardWebhook(older).verify(body.toString('utf8'), after)).toThrow();
      expect(() => new SvixWebhook(older).verify(body.toString('utf8'), after)).toThrow();
    });
  });

  describe('standard-ed25519', () => {
    const pair = generateSigningSecret('standard-ed25519');
    const whpk = pair.publicKey ?? '';
    const headers = signDelivery({ scheme: 'standard-ed25519', webhookId: 'msg_3', body, secrets: [pair.secret], now });

    it('sends v1a signatures that node:crypto verifies with the whpk_ public key', () => {
      expect(pair.secret).toMatch(/^whsk_/);
      expect(whpk).toMatch(/^whpk_/);
      expect(headers['webhook-signature']).toMatch(/^v1a,[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(headers['webhook-signature'].slice(4), 'base64')).toHaveLength(64);
      expect(verifyV1a(headers, body, whpk)).toBe(true);
    });

    it('fails on a tampered body, a changed timestamp or another key', () => {
      expect(verifyV1a(headers, tampered, whpk)).toBe(false);
      expect(verifyV1a({ ...headers, 'webhook-timestamp': '1' }, body, whpk)).toBe(false);
      expect(verifyV1a(headers, body, generateSigningSecret('standard-ed25519').publicKey ?? '')).toBe(false);
    });

    it('signs with both keys during rotation, newest first', () => {
      const newer = generateSigningSecret('standard-ed25519');
      const during = signDelivery({
        scheme: 'standard-ed25519',
        webhookId: 'msg_4',
        body,
        secrets: [newer.secret, pair.secret],
        now,
      });
      expect(during['webhook-signature'].split(' ')).toHaveLength(2);
      expect(verifyV1a(during, body, newer.publicKey ?? '')).toBe(true);
      expect(verifyV1a(during, body, whpk)).toBe(true);
      const after = signDelivery({
        scheme: 'standard-ed25519',
        webhookId: 'msg_4',
        body,
        secrets: [newer.secret],
        now,
      });
      expect(verifyV1a(after, body, whpk)).toBe(false);
    });
  });

  describe('x-signature', () => {
    const { secret } = generateSigningSecret('x-signature');
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');

    it('sends X-Signature: sha256=<hex HMAC of the body keyed with the decoded secret>, plus id and timestamp', () => {
      const headers = signDelivery({ scheme: 'x-signature', webhookId: 'msg_5', body, secrets: [secret], now });
      expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-timestamp', 'x-signature']);
      expect(headers['x-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(verifySha256Header(headers['x-signature'], body, key)).toBe(true);
      expect(verifySha256Header(headers['x-signature'], tampered, key)).toBe(false);
    });

    it('carries one signature, with the newest secret, during rotation', () => {
      const newer = generateSigningSecret('x-signature').secret;
      const headers = signDelivery({ scheme: 'x-signature', webhookId: 'msg_6', body, secrets: [newer, secret], now });
      expect(headers['x-signature'].split(',')).toHaveLength(1);
      expect(verifySha256Header(headers['x-signature'], body, Buffer.from(newer.slice(6), 'base64'))).toBe(true);
      expect(verifySha256Header(headers['x-signature'], body, key)).toBe(false);
    });
  });

  describe('github', () => {
    const { secret } = generateSigningSecret('github');

    it('sends X-Hub-Signature-256 keyed with the secret string, as GitHub documents', () => {
      const headers = signDelivery({ scheme: 'github', webhookId: 'msg_7', body, secrets: [secret], now });
      expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-timestamp', 'x-hub-signature-256']);
      expect(verifySha256Header(headers['x-hub-signature-256'], body, secret)).toBe(true);
      expect(verifySha256Header(headers['x-hub-signature-256'], tampered, secret)).toBe(false);
      // Keyed with the string, not the decoded bytes: the x-signature key does not verify it.
      const decoded = Buffer.from(secret.slice('whsec_'.length), 'base64');
      expect(verifySha256Header(headers['x-hub-signature-256'], body, decoded)).toBe(false);
    });

    it('matches the test vector of GitHub’s "Validating webhook deliveries" page', () => {
      // GitHub: secret "It's a Secret to Everybody", payload "Hello, World!".
      const expected = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
      expect(verifySha256Header(expected, Buffer.from('Hello, World!'), "It's a Secret to Everybody")).toBe(true);
    });

    it('carries one signature, with the newest secret, during rotation', () => {
      const newer = generateSigningSecret('github').secret;
      const headers = signDelivery({ scheme: 'github', webhookId: 'msg_8', body, secrets: [newer, secret], now });
      expect(verifySha256Header(headers['x-hub-signature-256'], body, newer)).toBe(true);
      expect(verifySha256Header(headers['x-hub-signature-256'], body, secret)).toBe(false);
    });
  });

  it('refuses to sign without a secret, and with a secret of the wrong kind', () => {
    expect(() => signDelivery({ scheme: 'standard', webhookId: 'm', body, secrets: [] })).toThrow(
      'at least one secret',
    );
    const whsk = generateSigningSecret('standard-ed25519').secret;
    expect(() => signDelivery({ scheme: 'standard', webhookId: 'm', body, secrets: [whsk] })).toThrow('whsec_');
    const whsec = generateSigningSecret('standard').secret;
    expect(() => signDelivery({ scheme: 'standard-ed25519', webhookId: 'm', body, secrets: [whsec] })).toThrow('whsk_');
  });
});
