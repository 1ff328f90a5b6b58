import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
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
  resend(request: ResendMessageRequest__Output): Promise<ReplayResponse> {
    return this.resendMessage.execute(ResendMessageCommand.from(request));
  }

  @GrpcMethod('EndpointManagement', 'RedriveDeadLetters')
  redrive(request: RedriveDeadLettersRequest__Output): Promise<ReplayResponse> {
    return this.redriveDeadLetters.execute(RedriveDeadLettersCommand.from(request));
  }

  @GrpcMethod('EndpointManagement', 'RecoverFailed')
  recover(request: RecoverFailedRequest__Output): Promise<ReplayResponse> {
    return this.recoverFailed.execute(RecoverFailedCommand.from(request));
  }
}
