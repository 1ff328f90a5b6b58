// Original file: proto/webhooks/v1/ingestion.proto


export interface PublishResponse {
  'eventId'?: (string);
}

export interface PublishResponse__Output {
  'eventId': (string);
}
