import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CustomHttpPattern as _google_api_CustomHttpPattern, CustomHttpPattern__Output as _google_api_CustomHttpPattern__Output } from './google/api/CustomHttpPattern';
import type { Http as _google_api_Http, Http__Output as _google_api_Http__Output } from './google/api/Http';
import type { HttpRule as _google_api_HttpRule, HttpRule__Output as _google_api_HttpRule__Output } from './google/api/HttpRule';
import type { DescriptorProto as _google_protobuf_DescriptorProto, DescriptorProto__Output as _google_protobuf_DescriptorProto__Output } from './google/protobuf/DescriptorProto';
import type { EnumDescriptorProto as _google_protobuf_EnumDescriptorProto, EnumDescriptorProto__Output as _google_protobuf_EnumDescriptorProto__Output } from './google/protobuf/EnumDescriptorProto';
import type { EnumOptions as _google_protobuf_EnumOptions, EnumOptions__Output as _google_protobuf_EnumOptions__Output } from './google/protobuf/EnumOptions';
import type { EnumValueDescriptorProto as _google_protobuf_EnumValueDescriptorProto, EnumValueDescriptorProto__Output as _google_protobuf_EnumValueDescriptorProto__Output } from './google/protobuf/EnumValueDescriptorProto';
import type { EnumValueOptions as _google_protobuf_EnumValueOptions, EnumValueOptions__Output as _google_protobuf_EnumValueOptions__Output } from './google/protobuf/EnumValueOptions';
import type { ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions, ExtensionRangeOptions__Output as _google_protobuf_ExtensionRangeOptions__Output } from './google/protobuf/ExtensionRangeOptions';
import type { FeatureSet as _google_protobuf_FeatureSet, FeatureSet__Output as _google_protobuf_FeatureSet__Output } from './google/protobuf/FeatureSet';
import type { FeatureSetDefaults as _google_protobuf_FeatureSetDefaults, FeatureSetDefaults__Output as _google_protobuf_FeatureSetDefaults__Output } from './google/protobuf/FeatureSetDefaults';
import type { FieldDescriptorProto as _google_protobuf_FieldDescriptorProto, FieldDescriptorProto__Output as _google_protobuf_FieldDescriptorProto__Output } from './google/protobuf/FieldDescriptorProto';
import type { FieldOptions as _google_protobuf_FieldOptions, FieldOptions__Output as _google_protobuf_FieldOptions__Output } from './google/protobuf/FieldOptions';
import type { FileDescriptorProto as _google_protobuf_FileDescriptorProto, FileDescriptorProto__Output as _google_protobuf_FileDescriptorProto__Output } from './google/protobuf/FileDescriptorProto';
import type { FileDescriptorSet as _google_protobuf_FileDescriptorSet, FileDescriptorSet__Output as _google_protobuf_FileDescriptorSet__Output } from './google/protobuf/FileDescriptorSet';
import type { FileOptions as _google_protobuf_FileOptions, FileOptions__Output as _google_protobuf_FileOptions__Output } from './google/protobuf/FileOptions';
import type { GeneratedCodeInfo as _google_protobuf_GeneratedCodeInfo, GeneratedCodeInfo__Output as _google_protobuf_GeneratedCodeInfo__Output } from './google/protobuf/GeneratedCodeInfo';
import type { MessageOptions as _google_protobuf_MessageOptions, MessageOptions__Output as _google_protobuf_MessageOptions__Output } from './google/protobuf/MessageOptions';
import type { MethodDescriptorProto as _google_protobuf_MethodDescriptorProto, MethodDescriptorProto__Output as _google_protobuf_MethodDescriptorProto__Output } from './google/protobuf/MethodDescriptorProto';
import type { MethodOptions as _google_protobuf_MethodOptions, MethodOptions__Output as _google_protobuf_MethodOptions__Output } from './google/protobuf/MethodOptions';
import type { OneofDescriptorProto as _google_protobuf_OneofDescriptorProto, OneofDescriptorProto__Output as _google_protobuf_OneofDescriptorProto__Output } from './google/protobuf/OneofDescriptorProto';
import type { OneofOptions as _google_protobuf_OneofOptions, OneofOptions__Output as _google_protobuf_OneofOptions__Output } from './google/protobuf/OneofOptions';
import type { ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto, ServiceDescriptorProto__Output as _google_protobuf_ServiceDescriptorProto__Output } from './google/protobuf/ServiceDescriptorProto';
import type { ServiceOptions as _google_protobuf_ServiceOptions, ServiceOptions__Output as _google_protobuf_ServiceOptions__Output } from './google/protobuf/ServiceOptions';
import type { SourceCodeInfo as _google_protobuf_SourceCodeInfo, SourceCodeInfo__Output as _google_protobuf_SourceCodeInfo__Output } from './google/protobuf/SourceCodeInfo';
import type { UninterpretedOption as _google_protobuf_UninterpretedOption, UninterpretedOption__Output as _google_protobuf_UninterpretedOption__Output } from './google/protobuf/UninterpretedOption';
import type { ApiKey as _webhooks_v1_ApiKey, ApiKey__Output as _webhooks_v1_ApiKey__Output } from './webhooks/v1/ApiKey';
import type { Attempt as _webhooks_v1_Attempt, Attempt__Output as _webhooks_v1_Attempt__Output } from './webhooks/v1/Attempt';
import type { CreateApiKeyRequest as _webhooks_v1_CreateApiKeyRequest, CreateApiKeyRequest__Output as _webhooks_v1_CreateApiKeyRequest__Output } from './webhooks/v1/CreateApiKeyRequest';
import type { CreateApiKeyResponse as _webhooks_v1_CreateApiKeyResponse, CreateApiKeyResponse__Output as _webhooks_v1_CreateApiKeyResponse__Output } from './webhooks/v1/CreateApiKeyResponse';
import type { CreateEndpointRequest as _webhooks_v1_CreateEndpointRequest, CreateEndpointRequest__Output as _webhooks_v1_CreateEndpointRequest__Output } from './webhooks/v1/CreateEndpointRequest';
import type { CreateEndpointResponse as _webhooks_v1_CreateEndpointResponse, CreateEndpointResponse__Output as _webhooks_v1_CreateEndpointResponse__Output } from './webhooks/v1/CreateEndpointResponse';
import type { CreateEventTypeRequest as _webhooks_v1_CreateEventTypeRequest, CreateEventTypeRequest__Output as _webhooks_v1_CreateEventTypeRequest__Output } from './webhooks/v1/CreateEventTypeRequest';
import type { CreateTenantRequest as _webhooks_v1_CreateTenantRequest, CreateTenantRequest__Output as _webhooks_v1_CreateTenantRequest__Output } from './webhooks/v1/CreateTenantRequest';
import type { DeleteEndpointRequest as _webhooks_v1_DeleteEndpointRequest, DeleteEndpointRequest__Output as _webhooks_v1_DeleteEndpointRequest__Output } from './webhooks/v1/DeleteEndpointRequest';
import type { DeleteEndpointResponse as _webhooks_v1_DeleteEndpointResponse, DeleteEndpointResponse__Output as _webhooks_v1_DeleteEndpointResponse__Output } from './webhooks/v1/DeleteEndpointResponse';
import type { DeleteEventTypeRequest as _webhooks_v1_DeleteEventTypeRequest, DeleteEventTypeRequest__Output as _webhooks_v1_DeleteEventTypeRequest__Output } from './webhooks/v1/DeleteEventTypeRequest';
import type { DeleteEventTypeResponse as _webhooks_v1_DeleteEventTypeResponse, DeleteEventTypeResponse__Output as _webhooks_v1_DeleteEventTypeResponse__Output } from './webhooks/v1/DeleteEventTypeResponse';
import type { DeliveryLogClient as _webhooks_v1_DeliveryLogClient, DeliveryLogDefinition as _webhooks_v1_DeliveryLogDefinition } from './webhooks/v1/DeliveryLog';
import type { Endpoint as _webhooks_v1_Endpoint, Endpoint__Output as _webhooks_v1_Endpoint__Output } from './webhooks/v1/Endpoint';
import type { EndpointManagementClient as _webhooks_v1_EndpointManagementClient, EndpointManagementDefinition as _webhooks_v1_EndpointManagementDefinition } from './webhooks/v1/EndpointManagement';
import type { EndpointSecret as _webhooks_v1_EndpointSecret, EndpointSecret__Output as _webhooks_v1_EndpointSecret__Output } from './webhooks/v1/EndpointSecret';
import type { EventType as _webhooks_v1_EventType, EventType__Output as _webhooks_v1_EventType__Output } from './webhooks/v1/EventType';
import type { EventTypesClient as _webhooks_v1_EventTypesClient, EventTypesDefinition as _webhooks_v1_EventTypesDefinition } from './webhooks/v1/EventTypes';
import type { GetEndpointRequest as _webhooks_v1_GetEndpointRequest, GetEndpointRequest__Output as _webhooks_v1_GetEndpointRequest__Output } from './webhooks/v1/GetEndpointRequest';
import type { GetEndpointSecretRequest as _webhooks_v1_GetEndpointSecretRequest, GetEndpointSecretRequest__Output as _webhooks_v1_GetEndpointSecretRequest__Output } from './webhooks/v1/GetEndpointSecretRequest';
import type { GetEventTypeRequest as _webhooks_v1_GetEventTypeRequest, GetEventTypeRequest__Output as _webhooks_v1_GetEventTypeRequest__Output } from './webhooks/v1/GetEventTypeRequest';
import type { GetMessageRequest as _webhooks_v1_GetMessageRequest, GetMessageRequest__Output as _webhooks_v1_GetMessageRequest__Output } from './webhooks/v1/GetMessageRequest';
import type { GetTenantRequest as _webhooks_v1_GetTenantRequest, GetTenantRequest__Output as _webhooks_v1_GetTenantRequest__Output } from './webhooks/v1/GetTenantRequest';
import type { HeaderMap as _webhooks_v1_HeaderMap, HeaderMap__Output as _webhooks_v1_HeaderMap__Output } from './webhooks/v1/HeaderMap';
import type { ListApiKeysRequest as _webhooks_v1_ListApiKeysRequest, ListApiKeysRequest__Output as _webhooks_v1_ListApiKeysRequest__Output } from './webhooks/v1/ListApiKeysRequest';
import type { ListApiKeysResponse as _webhooks_v1_ListApiKeysResponse, ListApiKeysResponse__Output as _webhooks_v1_ListApiKeysResponse__Output } from './webhooks/v1/ListApiKeysResponse';
import type { ListAttemptsRequest as _webhooks_v1_ListAttemptsRequest, ListAttemptsRequest__Output as _webhooks_v1_ListAttemptsRequest__Output } from './webhooks/v1/ListAttemptsRequest';
import type { ListAttemptsResponse as _webhooks_v1_ListAttemptsResponse, ListAttemptsResponse__Output as _webhooks_v1_ListAttemptsResponse__Output } from './webhooks/v1/ListAttemptsResponse';
import type { ListEndpointsRequest as _webhooks_v1_ListEndpointsRequest, ListEndpointsRequest__Output as _webhooks_v1_ListEndpointsRequest__Output } from './webhooks/v1/ListEndpointsRequest';
import type { ListEndpointsResponse as _webhooks_v1_ListEndpointsResponse, ListEndpointsResponse__Output as _webhooks_v1_ListEndpointsResponse__Output } from './webhooks/v1/ListEndpointsResponse';
import type { ListEventTypesRequest as _webhooks_v1_ListEventTypesRequest, ListEventTypesRequest__Output as _webhooks_v1_ListEventTypesRequest__Output } from './webhooks/v1/ListEventTypesRequest';
import type { ListEventTypesResponse as _webhooks_v1_ListEventTypesResponse, ListEventTypesResponse__Output as _webhooks_v1_ListEventTypesResponse__Output } from './webhooks/v1/ListEventTypesResponse';
import type { ListMessagesRequest as _webhooks_v1_ListMessagesRequest, ListMessagesRequest__Output as _webhooks_v1_ListMessagesRequest__Output } from './webhooks/v1/ListMessagesRequest';
import type { ListMessagesResponse as _webhooks_v1_ListMessagesResponse, ListMessagesResponse__Output as _webhooks_v1_ListMessagesResponse__Output } from './webhooks/v1/ListMessagesResponse';
import type { ListTenantsRequest as _webhooks_v1_ListTenantsRequest, ListTenantsRequest__Output as _webhooks_v1_ListTenantsRequest__Output } from './webhooks/v1/ListTenantsRequest';
import type { ListTenantsResponse as _webhooks_v1_ListTenantsResponse, ListTenantsResponse__Output as _webhooks_v1_ListTenantsResponse__Output } from './webhooks/v1/ListTenantsResponse';
import type { Message as _webhooks_v1_Message, Message__Output as _webhooks_v1_Message__Output } from './webhooks/v1/Message';
import type { RateLimit as _webhooks_v1_RateLimit, RateLimit__Output as _webhooks_v1_RateLimit__Output } from './webhooks/v1/RateLimit';
import type { RecoverFailedRequest as _webhooks_v1_RecoverFailedRequest, RecoverFailedRequest__Output as _webhooks_v1_RecoverFailedRequest__Output } from './webhooks/v1/RecoverFailedRequest';
import type { RedriveDeadLettersRequest as _webhooks_v1_RedriveDeadLettersRequest, RedriveDeadLettersRequest__Output as _webhooks_v1_RedriveDeadLettersRequest__Output } from './webhooks/v1/RedriveDeadLettersRequest';
import type { ReplayResponse as _webhooks_v1_ReplayResponse, ReplayResponse__Output as _webhooks_v1_ReplayResponse__Output } from './webhooks/v1/ReplayResponse';
import type { ResendMessageRequest as _webhooks_v1_ResendMessageRequest, ResendMessageRequest__Output as _webhooks_v1_ResendMessageRequest__Output } from './webhooks/v1/ResendMessageRequest';
import type { RetryPolicy as _webhooks_v1_RetryPolicy, RetryPolicy__Output as _webhooks_v1_RetryPolicy__Output } from './webhooks/v1/RetryPolicy';
import type { RevokeApiKeyRequest as _webhooks_v1_RevokeApiKeyRequest, RevokeApiKeyRequest__Output as _webhooks_v1_RevokeApiKeyRequest__Output } from './webhooks/v1/RevokeApiKeyRequest';
import type { RotateEndpointSecretRequest as _webhooks_v1_RotateEndpointSecretRequest, RotateEndpointSecretRequest__Output as _webhooks_v1_RotateEndpointSecretRequest__Output } from './webhooks/v1/RotateEndpointSecretRequest';
import type { StringList as _webhooks_v1_StringList, StringList__Output as _webhooks_v1_StringList__Output } from './webhooks/v1/StringList';
import type { Tenant as _webhooks_v1_Tenant, Tenant__Output as _webhooks_v1_Tenant__Output } from './webhooks/v1/Tenant';
import type { TenantManagementClient as _webhooks_v1_TenantManagementClient, TenantManagementDefinition as _webhooks_v1_TenantManagementDefinition } from './webhooks/v1/TenantManagement';
import type { TenantSettings as _webhooks_v1_TenantSettings, TenantSettings__Output as _webhooks_v1_TenantSettings__Output } from './webhooks/v1/TenantSettings';
import type { UpdateEndpointRequest as _webhooks_v1_UpdateEndpointRequest, UpdateEndpointRequest__Output as _webhooks_v1_UpdateEndpointRequest__Output } from './webhooks/v1/UpdateEndpointRequest';
import type { UpdateEventTypeRequest as _webhooks_v1_UpdateEventTypeRequest, UpdateEventTypeRequest__Output as _webhooks_v1_UpdateEventTypeRequest__Output } from './webhooks/v1/UpdateEventTypeRequest';
import type { UpdateTenantRequest as _webhooks_v1_UpdateTenantRequest, UpdateTenantRequest__Output as _webhooks_v1_UpdateTenantRequest__Output } from './webhooks/v1/UpdateTenantRequest';
import type { VerifyEndpointRequest as _webhooks_v1_VerifyEndpointRequest, VerifyEndpointRequest__Output as _webhooks_v1_VerifyEndpointRequest__Output } from './webhooks/v1/VerifyEndpointRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    api: {
      CustomHttpPattern: MessageTypeDefinition<_google_api_CustomHttpPattern, _google_api_CustomHttpPattern__Output>
      Http: MessageTypeDefinition<_google_api_Http, _google_api_Http__Output>
      HttpRule: MessageTypeDefinition<_google_api_HttpRule, _google_api_HttpRule__Output>
    }
    protobuf: {
      DescriptorProto: MessageTypeDefinition<_google_protobuf_DescriptorProto, _google_protobuf_DescriptorProto__Output>
      Edition: EnumTypeDefinition
      EnumDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumDescriptorProto, _google_protobuf_EnumDescriptorProto__Output>
      EnumOptions: MessageTypeDefinition<_google_protobuf_EnumOptions, _google_protobuf_EnumOptions__Output>
      EnumValueDescriptorProto: MessageTypeDefinition<_google_protobuf_EnumValueDescriptorProto, _google_protobuf_EnumValueDescriptorProto__Output>
      EnumValueOptions: MessageTypeDefinition<_google_protobuf_EnumValueOptions, _google_protobuf_EnumValueOptions__Output>
      ExtensionRangeOptions: MessageTypeDefinition<_google_protobuf_ExtensionRangeOptions, _google_protobuf_ExtensionRangeOptions__Output>
      FeatureSet: MessageTypeDefinition<_google_protobuf_FeatureSet, _google_protobuf_FeatureSet__Output>
      FeatureSetDefaults: MessageTypeDefinition<_google_protobuf_FeatureSetDefaults, _google_protobuf_FeatureSetDefaults__Output>
      FieldDescriptorProto: MessageTypeDefinition<_google_protobuf_FieldDescriptorProto, _google_protobuf_FieldDescriptorProto__Output>
      FieldOptions: MessageTypeDefinition<_google_protobuf_FieldOptions, _google_protobuf_FieldOptions__Output>
      FileDescriptorProto: MessageTypeDefinition<_google_protobuf_FileDescriptorProto, _google_protobuf_FileDescriptorProto__Output>
      FileDescriptorSet: MessageTypeDefinition<_google_protobuf_FileDescriptorSet, _google_protobuf_FileDescriptorSet__Output>
      FileOptions: MessageTypeDefinition<_google_protobuf_FileOptions, _google_protobuf_FileOptions__Output>
      GeneratedCodeInfo: MessageTypeDefinition<_google_protobuf_GeneratedCodeInfo, _google_protobuf_GeneratedCodeInfo__Output>
      MessageOptions: MessageTypeDefinition<_google_protobuf_MessageOptions, _google_protobuf_MessageOptions__Output>
      MethodDescriptorProto: MessageTypeDefinition<_google_protobuf_MethodDescriptorProto, _google_protobuf_MethodDescriptorProto__Output>
      MethodOptions: MessageTypeDefinition<_google_protobuf_MethodOptions, _google_protobuf_MethodOptions__Output>
      OneofDescriptorProto: MessageTypeDefinition<_google_protobuf_OneofDescriptorProto, _google_protobuf_OneofDescriptorProto__Output>
      OneofOptions: MessageTypeDefinition<_google_protobuf_OneofOptions, _google_protobuf_OneofOptions__Output>
      ServiceDescriptorProto: MessageTypeDefinition<_google_protobuf_ServiceDescriptorProto, _google_protobuf_ServiceDescriptorProto__Output>
      ServiceOptions: MessageTypeDefinition<_google_protobuf_ServiceOptions, _google_protobuf_ServiceOptions__Output>
      SourceCodeInfo: MessageTypeDefinition<_google_protobuf_SourceCodeInfo, _google_protobuf_SourceCodeInfo__Output>
      SymbolVisibility: EnumTypeDefinition
      UninterpretedOption: MessageTypeDefinition<_google_protobuf_UninterpretedOption, _google_protobuf_UninterpretedOption__Output>
    }
  }
  webhooks: {
    v1: {
      ApiKey: MessageTypeDefinition<_webhooks_v1_ApiKey, _webhooks_v1_ApiKey__Output>
      Attempt: MessageTypeDefinition<_webhooks_v1_Attempt, _webhooks_v1_Attempt__Output>
      CreateApiKeyRequest: MessageTypeDefinition<_webhooks_v1_CreateApiKeyRequest, _webhooks_v1_CreateApiKeyRequest__Output>
      CreateApiKeyResponse: MessageTypeDefinition<_webhooks_v1_CreateApiKeyResponse, _webhooks_v1_CreateApiKeyResponse__Output>
      CreateEndpointRequest: MessageTypeDefinition<_webhooks_v1_CreateEndpointRequest, _webhooks_v1_CreateEndpointRequest__Output>
      CreateEndpointResponse: MessageTypeDefinition<_webhooks_v1_CreateEndpointResponse, _webhooks_v1_CreateEndpointResponse__Output>
      CreateEventTypeRequest: MessageTypeDefinition<_webhooks_v1_CreateEventTypeRequest, _webhooks_v1_CreateEventTypeRequest__Output>
      CreateTenantRequest: MessageTypeDefinition<_webhooks_v1_CreateTenantRequest, _webhooks_v1_CreateTenantRequest__Output>
      DeleteEndpointRequest: MessageTypeDefinition<_webhooks_v1_DeleteEndpointRequest, _webhooks_v1_DeleteEndpointRequest__Output>
      DeleteEndpointResponse: MessageTypeDefinition<_webhooks_v1_DeleteEndpointResponse, _webhooks_v1_DeleteEndpointResponse__Output>
      DeleteEventTypeRequest: MessageTypeDefinition<_webhooks_v1_DeleteEventTypeRequest, _webhooks_v1_DeleteEventTypeRequest__Output>
      DeleteEventTypeResponse: MessageTypeDefinition<_webhooks_v1_DeleteEventTypeResponse, _webhooks_v1_DeleteEventTypeResponse__Output>
      DeliveryLog: SubtypeConstructor<typeof grpc.Client, _webhooks_v1_DeliveryLogClient> & { service: _webhooks_v1_DeliveryLogDefinition }
      Endpoint: MessageTypeDefinition<_webhooks_v1_Endpoint, _webhooks_v1_Endpoint__Output>
      EndpointManagement: SubtypeConstructor<typeof grpc.Client, _webhooks_v1_EndpointManagementClient> & { service: _webhooks_v1_EndpointManagementDefinition }
      EndpointSecret: MessageTypeDefinition<_webhooks_v1_EndpointSecret, _webhooks_v1_EndpointSecret__Output>
      EventType: MessageTypeDefinition<_webhooks_v1_EventType, _webhooks_v1_EventType__Output>
      EventTypes: SubtypeConstructor<typeof grpc.Client, _webhooks_v1_EventTypesClient> & { service: _webhooks_v1_EventTypesDefinition }
      GetEndpointRequest: MessageTypeDefinition<_webhooks_v1_GetEndpointRequest, _webhooks_v1_GetEndpointRequest__Output>
      GetEndpointSecretRequest: MessageTypeDefinition<_webhooks_v1_GetEndpointSecretRequest, _webhooks_v1_GetEndpointSecretRequest__Output>
      GetEventTypeRequest: MessageTypeDefinition<_webhooks_v1_GetEventTypeRequest, _webhooks_v1_GetEventTypeRequest__Output>
      GetMessageRequest: MessageTypeDefinition<_webhooks_v1_GetMessageRequest, _webhooks_v1_GetMessageRequest__Output>
      GetTenantRequest: MessageTypeDefinition<_webhooks_v1_GetTenantRequest, _webhooks_v1_GetTenantRequest__Output>
      HeaderMap: MessageTypeDefinition<_webhooks_v1_HeaderMap, _webhooks_v1_HeaderMap__Output>
      ListApiKeysRequest: MessageTypeDefinition<_webhooks_v1_ListApiKeysRequest, _webhooks_v1_ListApiKeysRequest__Output>
      ListApiKeysResponse: MessageTypeDefinition<_webhooks_v1_ListApiKeysResponse, _webhooks_v1_ListApiKeysResponse__Output>
      ListAttemptsRequest: MessageTypeDefinition<_webhooks_v1_ListAttemptsRequest, _webhooks_v1_ListAttemptsRequest__Output>
      ListAttemptsResponse: MessageTypeDefinition<_webhooks_v1_ListAttemptsResponse, _webhooks_v1_ListAttemptsResponse__Output>
      ListEndpointsRequest: MessageTypeDefinition<_webhooks_v1_ListEndpointsRequest, _webhooks_v1_ListEndpointsRequest__Output>
      ListEndpointsResponse: MessageTypeDefinition<_webhooks_v1_ListEndpointsResponse, _webhooks_v1_ListEndpointsResponse__Output>
      ListEventTypesRequest: MessageTypeDefinition<_webhooks_v1_ListEventTypesRequest, _webhooks_v1_ListEventTypesRequest__Output>
      ListEventTypesResponse: MessageTypeDefinition<_webhooks_v1_ListEventTypesResponse, _webhooks_v1_ListEventTypesResponse__Output>
      ListMessagesRequest: MessageTypeDefinition<_webhooks_v1_ListMessagesRequest, _webhooks_v1_ListMessagesRequest__Output>
      ListMessagesResponse: MessageTypeDefinition<_webhooks_v1_ListMessagesResponse, _webhooks_v1_ListMessagesResponse__Output>
      ListTenantsRequest: MessageTypeDefinition<_webhooks_v1_ListTenantsRequest, _webhooks_v1_ListTenantsRequest__Output>
      ListTenantsResponse: MessageTypeDefinition<_webhooks_v1_ListTenantsResponse, _webhooks_v1_ListTenantsResponse__Output>
      Message: MessageTypeDefinition<_webhooks_v1_Message, _webhooks_v1_Message__Output>
      RateLimit: MessageTypeDefinition<_webhooks_v1_RateLimit, _webhooks_v1_RateLimit__Output>
      RecoverFailedRequest: MessageTypeDefinition<_webhooks_v1_RecoverFailedRequest, _webhooks_v1_RecoverFailedRequest__Output>
      RedriveDeadLettersRequest: MessageTypeDefinition<_webhooks_v1_RedriveDeadLettersRequest, _webhooks_v1_RedriveDeadLettersRequest__Output>
      ReplayResponse: MessageTypeDefinition<_webhooks_v1_ReplayResponse, _webhooks_v1_ReplayResponse__Output>
      ResendMessageRequest: MessageTypeDefinition<_webhooks_v1_ResendMessageRequest, _webhooks_v1_ResendMessageRequest__Output>
      RetryPolicy: MessageTypeDefinition<_webhooks_v1_RetryPolicy, _webhooks_v1_RetryPolicy__Output>
      RevokeApiKeyRequest: MessageTypeDefinition<_webhooks_v1_RevokeApiKeyRequest, _webhooks_v1_RevokeApiKeyRequest__Output>
      RotateEndpointSecretRequest: MessageTypeDefinition<_webhooks_v1_RotateEndpointSecretRequest, _webhooks_v1_RotateEndpointSecretRequest__Output>
      StringList: MessageTypeDefinition<_webhooks_v1_StringList, _webhooks_v1_StringList__Output>
      Tenant: MessageTypeDefinition<_webhooks_v1_Tenant, _webhooks_v1_Tenant__Output>
      TenantManagement: SubtypeConstructor<typeof grpc.Client, _webhooks_v1_TenantManagementClient> & { service: _webhooks_v1_TenantManagementDefinition }
      TenantSettings: MessageTypeDefinition<_webhooks_v1_TenantSettings, _webhooks_v1_TenantSettings__Output>
      UpdateEndpointRequest: MessageTypeDefinition<_webhooks_v1_UpdateEndpointRequest, _webhooks_v1_UpdateEndpointRequest__Output>
      UpdateEventTypeRequest: MessageTypeDefinition<_webhooks_v1_UpdateEventTypeRequest, _webhooks_v1_UpdateEventTypeRequest__Output>
      UpdateTenantRequest: MessageTypeDefinition<_webhooks_v1_UpdateTenantRequest, _webhooks_v1_UpdateTenantRequest__Output>
      VerifyEndpointRequest: MessageTypeDefinition<_webhooks_v1_VerifyEndpointRequest, _webhooks_v1_VerifyEndpointRequest__Output>
    }
  }
}

