// Original file: proto/webhooks/v1/management.proto

import type { Attempt as _webhooks_v1_Attempt, Attempt__Output as _webhooks_v1_Attempt__Output } from '../../webhooks/v1/Attempt';

export interface ListAttemptsResponse {
  'attempts'?: (_webhooks_v1_Attempt)[];
  'nextCursor'?: (string);
}

export interface ListAttemptsResponse__Output {
  'attempts': (_webhooks_v1_Attempt__Output)[];
  'nextCursor': (string);
}
