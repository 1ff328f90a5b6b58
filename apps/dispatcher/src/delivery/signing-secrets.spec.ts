import type { EndpointView } from '@webhooks/contracts';
import { EndpointSecretCodec, generateEncryptionKey } from '@webhooks/signing';
import { deliveryHeaders, signingSecrets } from './signing-secrets';

const codec = EndpointSecretCodec.fromKey(generateEncryptionKey());
const NEW = 'whsec_bmV3LW5ldy1uZXctbmV3LW5ldy1uZXctbmV3';
const OLD = 'whsec_b2xkLW9sZC1vbGQtb2xkLW9sZC1vbGQtb2xk';

function view(secrets: EndpointView['secrets'], headers: Record<string, string> = {}): EndpointView {
  return {
    id: 'ep_1',
    tenantId: 't',
    url: 'https://example.com',
    signatureScheme: 'standard',
    secrets,
    headers,
    disabled: false,
    deleted: false,
    version: 1,
    delivery: { retry: {} as EndpointView['delivery']['retry'], rateLimit: null, ordered: false },
  };
}

describe('signingSecrets', () => {
  const rotated = view([{ value: codec.seal('ep_1', NEW) }, { value: codec.seal('ep_1', OLD), notAfter: 1_000 }]);

  it('signs with both secrets during the grace period, newest first', () => {
    expect(signingSecrets(rotated, codec, 999)).toEqual([NEW, OLD]);
  });

  it('drops the old secret once its grace period is over, without a new view', () => {
    expect(signingSecrets(rotated, codec, 1_000)).toEqual([NEW]);
    expect(signingSecrets(rotated, codec, 5_000)).toEqual([NEW]);
  });

  it('opens secrets sealed for this endpoint only, and reads legacy plaintext views', () => {
    expect(signingSecrets(view([{ value: NEW }]), codec)).toEqual([NEW]);
    const foreign = view([{ value: codec.seal('ep_other', NEW) }]);
    expect(() => signingSecrets(foreign, codec)).toThrow('does not open');
  });

  it('never returns an empty list', () => {
    expect(signingSecrets(view([{ value: NEW, notAfter: 1 }]), codec, 10)).toEqual([NEW]);
  });
});

describe('deliveryHeaders', () => {
  it('lets the signature headers win over custom ones', () => {
    const custom = view([], { 'x-tenant': 'acme', 'webhook-id': 'forged' });
    expect(deliveryHeaders(custom, { 'webhook-id': 'msg_1', 'webhook-signature': 'v1,x' })).toEqual({
      'x-tenant': 'acme',
      'webhook-id': 'msg_1',
      'webhook-signature': 'v1,x',
    });
  });
});
