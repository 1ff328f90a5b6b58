// Original file: proto/webhooks/v1/management.proto


export interface DeleteEventTypeResponse {
}

export interface DeleteEventTypeResponse__Output {
}
