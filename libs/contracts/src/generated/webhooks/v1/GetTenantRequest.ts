// Original file: proto/webhooks/v1/management.proto


export interface GetTenantRequest {
  'tenantId'?: (string);
}

export interface GetTenantRequest__Output {
  'tenantId': (string);
}
