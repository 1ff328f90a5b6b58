import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { scopedToCaller } from '@webhooks/auth';
import type {
  GetMessageRequest__Output,
  ListAttemptsRequest__Output,
  ListAttemptsResponse,
  ListMessagesRequest__Output,
  ListMessagesResponse,
  LoggedMessage,
} from '@webhooks/contracts';
import { GetMessageCommand, ListAttemptsCommand, ListMessagesCommand } from './delivery-log.commands';
import { GetMessageUseCase, ListAttemptsUseCase, ListMessagesUseCase } from './usecases/delivery-log-usecases';

/** gRPC `webhooks.v1.DeliveryLog`: what was published and what became of each delivery. */
@Controller()
export class DeliveryLogController {
  constructor(
    private readonly listMessages: ListMessagesUseCase,
    private readonly getMessage: GetMessageUseCase,
    private readonly listAttempts: ListAttemptsUseCase,
  ) {}

  @GrpcMethod('DeliveryLog', 'ListMessages')
  messages(request: ListMessagesRequest__Output, metadata: Metadata): Promise<ListMessagesResponse> {
    request = scopedToCaller(request, metadata);
    return this.listMessages.execute(ListMessagesCommand.from(request));
  }

  @GrpcMethod('DeliveryLog', 'GetMessage')
  message(request: GetMessageRequest__Output, metadata: Metadata): Promise<LoggedMessage> {
    request = scopedToCaller(request, metadata);
    return this.getMessage.execute(GetMessageCommand.from(request));
  }

  @GrpcMethod('DeliveryLog', 'ListAttempts')
  attempts(request: ListAttemptsRequest__Output, metadata: Metadata): Promise<ListAttemptsResponse> {
    request = scopedToCaller(request, metadata);
    return this.listAttempts.execute(ListAttemptsCommand.from(request));
  }
}
