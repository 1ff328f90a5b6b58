import { Webhook } from 'standardwebhooks';
import { generateSecret, secretKey } from './secret';
import { signatureHeader, standardWebhookHeaders, webhookId } from './standard-webhooks';

describe('Standard Webhooks signing', () => {
  const body = Buffer.from('{"type":"invoice.paid","amount":42,"note":"ünïcode ✓"}');

  it('produces headers the official standardwebhooks verifier accepts', () => {
    const secret = generateSecret();
    const headers = standardWebhookHeaders(webhookId('evt_1', 'ep_1'), body, [secretKey(secret)]);
    const verified = new Webhook(secret).verify(body.toString('utf8'), headers);
    expect(verified).toEqual(JSON.parse(body.toString('utf8')));
  });

  it('is rejected by the official verifier when the body changes by one byte', () => {
    const secret = generateSecret();
    const headers = standardWebhookHeaders('msg_x', body, [secretKey(secret)]);
    const tampered = body.toString('utf8').replace('42', '43');
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
  });

  it('lists one signature per key, newest first, each verifiable on its own', () => {
    const [newer, older] = [generateSecret(), generateSecret()];
    const headers = standardWebhookHeaders('msg_y', body, [secretKey(newer), secretKey(older)]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(newer).verify(body.toString('utf8'), headers)).not.toThrow();
    expect(() => new Webhook(older).verify(body.toString('utf8'), headers)).not.toThrow();
  });

  it('matches the Standard Webhooks spec test vector', () => {
    // Vector from the spec's reference libraries.
    const key = secretKey('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const payload = Buffer.from('{"test": 2432232314}');
    expect(signatureHeader('msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, payload, [key])).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('derives a stable webhook-id per (event, endpoint) without dots', () => {
    expect(webhookId('evt_1', 'ep_1')).toBe(webhookId('evt_1', 'ep_1'));
    expect(webhookId('evt_1', 'ep_1')).not.toBe(webhookId('evt_1', 'ep_2'));
    expect(webhookId('evt_1', 'ep_1')).not.toContain('.');
  });

  it('rejects malformed secrets without echoing them', () => {
    expect(() => secretKey('nope')).toThrow('whsec_');
    expect(() => secretKey('whsec_c2hvcnQ=')).toThrow('24..64 bytes');
    try {
      secretKey('whsec_!!!secretvalue');
    } catch (error) {
      expect((error as Error).message).not.toContain('secretvalue');
    }
  });
});
