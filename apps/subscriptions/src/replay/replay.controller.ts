import type { Metadata } from '@grpc/grpc-js';
import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { scopedToCaller } from '@webhooks/auth';
import type {
  RecoverFailedRequest__Output,
  RedriveDeadLettersRequest__Output,
  ReplayResponse,
  ResendMessageRequest__Output,
} from '@webhooks/contracts';
import { RecoverFailedCommand, RedriveDeadLettersCommand, ResendMessageCommand } from './replay.commands';
import { RecoverFailedUseCase, RedriveDeadLettersUseCase, ResendMessageUseCase } from './usecases/replay-usecases';

/** The replay methods of gRPC `webhooks.v1.EndpointManagement`. */
@Controller()
export class ReplayController {
  constructor(
    private readonly resendMessage: ResendMessageUseCase,
    private readonly redriveDeadLetters: RedriveDeadLettersUseCase,
    private readonly recoverFailed: RecoverFailedUseCase,
  ) {}

  @GrpcMethod('EndpointManagement', 'ResendMessage')
  resend(request: ResendMessageRequest__Output, metadata: Metadata): Promise<ReplayResponse> {
    request = scopedToCaller(request, metadata);
    return this.resendMessage.execute(ResendMessageCommand.from(request));
  }

  @GrpcMethod('EndpointManagement', 'RedriveDeadLetters')
  redrive(request: RedriveDeadLettersRequest__Output, metadata: Metadata): Promise<ReplayResponse> {
    request = scopedToCaller(request, metadata);
    return this.redriveDeadLetters.execute(RedriveDeadLettersCommand.from(request));
  }

  @GrpcMethod('EndpointManagement', 'RecoverFailed')
  recover(request: RecoverFailedRequest__Output, metadata: Metadata): Promise<ReplayResponse> {
    request = scopedToCaller(request, metadata);
    return this.recoverFailed.execute(RecoverFailedCommand.from(request));
  }
}
