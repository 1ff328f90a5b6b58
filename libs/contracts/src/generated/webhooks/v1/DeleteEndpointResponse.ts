// Original file: proto/webhooks/v1/management.proto


export interface DeleteEndpointResponse {
}

export interface DeleteEndpointResponse__Output {
}
