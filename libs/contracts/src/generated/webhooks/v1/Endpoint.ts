// Original file: proto/webhooks/v1/management.proto

import type { Long } from '@grpc/proto-loader';

export interface Endpoint {
  'id'?: (string);
  'tenantId'?: (string);
  'url'?: (string);
  'eventTypes'?: (string)[];
  'description'?: (string);
  'disabled'?: (boolean);
  'version'?: (number | string | Long);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

export interface Endpoint__Output {
  'id': (string);
  'tenantId': (string);
  'url': (string);
  'eventTypes': (string)[];
  'description': (string);
  'disabled': (boolean);
  'version': (string);
  'createdAt': (string);
  'updatedAt': (string);
}
