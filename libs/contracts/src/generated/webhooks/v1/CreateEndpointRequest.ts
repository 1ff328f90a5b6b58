// Original file: proto/webhooks/v1/management.proto


export interface CreateEndpointRequest {
  'tenantId'?: (string);
  'url'?: (string);
  'eventTypes'?: (string)[];
  'description'?: (string);
  'secret'?: (string);
}

export interface CreateEndpointRequest__Output {
  'tenantId': (string);
  'url': (string);
  'eventTypes': (string)[];
  'description': (string);
  'secret': (string);
}
