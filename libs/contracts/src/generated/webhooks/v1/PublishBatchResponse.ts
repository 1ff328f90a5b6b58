// Original file: proto/webhooks/v1/ingestion.proto

import type { PublishResponse as _webhooks_v1_PublishResponse, PublishResponse__Output as _webhooks_v1_PublishResponse__Output } from '../../webhooks/v1/PublishResponse';

export interface PublishBatchResponse {
  'results'?: (_webhooks_v1_PublishResponse)[];
}

export interface PublishBatchResponse__Output {
  'results': (_webhooks_v1_PublishResponse__Output)[];
}
