// Original file: proto/webhooks/v1/management.proto


export interface ReplayResponse {
  'requeued'?: (number);
}

export interface ReplayResponse__Output {
  'requeued': (number);
}
