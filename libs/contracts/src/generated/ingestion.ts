import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { IngestionClient as _webhooks_v1_IngestionClient, IngestionDefinition as _webhooks_v1_IngestionDefinition } from './webhooks/v1/Ingestion';
import type { PublishBatchRequest as _webhooks_v1_PublishBatchRequest, PublishBatchRequest__Output as _webhooks_v1_PublishBatchRequest__Output } from './webhooks/v1/PublishBatchRequest';
import type { PublishBatchResponse as _webhooks_v1_PublishBatchResponse, PublishBatchResponse__Output as _webhooks_v1_PublishBatchResponse__Output } from './webhooks/v1/PublishBatchResponse';
import type { PublishRequest as _webhooks_v1_PublishRequest, PublishRequest__Output as _webhooks_v1_PublishRequest__Output } from './webhooks/v1/PublishRequest';
import type { PublishResponse as _webhooks_v1_PublishResponse, PublishResponse__Output as _webhooks_v1_PublishResponse__Output } from './webhooks/v1/PublishResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  webhooks: {
    v1: {
      Ingestion: SubtypeConstructor<typeof grpc.Client, _webhooks_v1_IngestionClient> & { service: _webhooks_v1_IngestionDefinition }
      PublishBatchRequest: MessageTypeDefinition<_webhooks_v1_PublishBatchRequest, _webhooks_v1_PublishBatchRequest__Output>
      PublishBatchResponse: MessageTypeDefinition<_webhooks_v1_PublishBatchResponse, _webhooks_v1_PublishBatchResponse__Output>
      PublishRequest: MessageTypeDefinition<_webhooks_v1_PublishRequest, _webhooks_v1_PublishRequest__Output>
      PublishResponse: MessageTypeDefinition<_webhooks_v1_PublishResponse, _webhooks_v1_PublishResponse__Output>
    }
  }
}

