import type { Message } from 'kafkajs';
import type { DeliveryOptions } from './delivery-options';

/** One signing secret of an endpoint, as published. */
export interface EndpointViewSecret {
  /**
   * The secret sealed with SECRETS_ENCRYPTION_KEY (`enc:v1:…`, context = endpoint id), or the
   * plaintext when the platform runs without a key. The topic never needs more than this.
   */
  value: string;
  /** Epoch ms after which it no longer signs (the end of a rotation's grace period); absent = no end. */
  notAfter?: number;
}

/**
 * What a dispatcher needs to know about an endpoint, published by subscriptions to the
 * compacted `webhooks.endpoints` topic after every committed change (key = endpoint id,
 * null value = deleted). Retries read the current view, so URL or secret changes apply to
 * tasks already queued.
 */
export interface EndpointView {
  id: string;
  tenantId: string;
  url: string;
  /** `standard`, `standard-ed25519`, `x-signature` or `github` (see docs/signatures.md). */
  signatureScheme: string;
  /** Signing secrets, newest first; the dispatcher uses those whose `notAfter` has not passed at send time. */
  secrets: EndpointViewSecret[];
  /** Extra request headers (validated at write; the signature headers win over them). */
  headers: Record<string, string>;
  /** Disabled, deleted or waiting for verification: the dispatcher sends nothing. */
  disabled: boolean;
  /** Waiting for the ownership challenge to be echoed (then `disabled` is true as well). */
  pendingVerification?: boolean;
  /** Deleted endpoints stay in the topic (newest version wins) so a late view cannot revive them. */
  deleted: boolean;
  version: number;
  delivery: DeliveryOptions;
}

export function encodeEndpointView(id: string, view: EndpointView | null): Message {
  return { key: id, value: view === null ? null : JSON.stringify(view) };
}

/** The view as published before per-endpoint schemes: plain secret strings, no scheme, no headers. */
type StoredEndpointView = Omit<EndpointView, 'secrets' | 'signatureScheme' | 'headers'> & {
  secrets: (string | EndpointViewSecret)[];
  signatureScheme?: string;
  headers?: Record<string, string>;
};

/**
 * Decodes a view. The compacted topic may still hold views written before per-endpoint signing
 * (`secrets: string[]`, no scheme): they read as `standard` with secrets that never expire.
 */
export function decodeEndpointView(value: Buffer | null): EndpointView | null {
  if (value === null) return null;
  const stored = JSON.parse(value.toString('utf8')) as StoredEndpointView;
  return {
    ...stored,
    signatureScheme: stored.signatureScheme ?? 'standard',
    secrets: stored.secrets.map((secret) => (typeof secret === 'string' ? { value: secret } : secret)),
    headers: stored.headers ?? {},
  };
}
