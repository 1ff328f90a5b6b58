// Original file: proto/webhooks/v1/management.proto

import type { Message as _webhooks_v1_Message, Message__Output as _webhooks_v1_Message__Output } from '../../webhooks/v1/Message';

export interface ListMessagesResponse {
  'messages'?: (_webhooks_v1_Message)[];
  'nextCursor'?: (string);
}

export interface ListMessagesResponse__Output {
  'messages': (_webhooks_v1_Message__Output)[];
  'nextCursor': (string);
}
