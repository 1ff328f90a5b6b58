// Original file: proto/webhooks/v1/ingestion.proto

import type { PublishRequest as _webhooks_v1_PublishRequest, PublishRequest__Output as _webhooks_v1_PublishRequest__Output } from '../../webhooks/v1/PublishRequest';

export interface PublishBatchRequest {
  'events'?: (_webhooks_v1_PublishRequest)[];
}

export interface PublishBatchRequest__Output {
  'events': (_webhooks_v1_PublishRequest__Output)[];
}
