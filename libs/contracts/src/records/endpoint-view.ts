import type { Message } from 'kafkajs';
import type { DeliveryOptions } from './delivery-options';

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
  /** Signing secrets, newest first. */
  secrets: string[];
  disabled: boolean;
  /** Deleted endpoints stay in the topic (newest version wins) so a late view cannot revive them. */
  deleted: boolean;
  version: number;
  delivery: DeliveryOptions;
}

export function encodeEndpointView(id: string, view: EndpointView | null): Message {
  return { key: id, value: view === null ? null : JSON.stringify(view) };
}

export function decodeEndpointView(value: Buffer | null): EndpointView | null {
  return value === null ? null : (JSON.parse(value.toString('utf8')) as EndpointView);
}
