// Original file: proto/webhooks/v1/management.proto

import type { EventType as _webhooks_v1_EventType, EventType__Output as _webhooks_v1_EventType__Output } from '../../webhooks/v1/EventType';

export interface ListEventTypesResponse {
  'eventTypes'?: (_webhooks_v1_EventType)[];
  'nextCursor'?: (string);
}

export interface ListEventTypesResponse__Output {
  'eventTypes': (_webhooks_v1_EventType__Output)[];
  'nextCursor': (string);
}
