import { Controller, DynamicModule, Get, Global, Header, Module, Res } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Readiness } from './health';
import { Logger } from './logger';

/** The slice of Express's response this controller uses (keeps @types/express out). */
interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

@Controller()
class HealthController {
  constructor(
    private readonly readiness: Readiness,
    private readonly registry: Registry,
  ) {}

  /** Liveness: the process and its event loop answer. */
  @Get('healthz')
  healthz(): { status: string } {
    return { status: 'ok' };
  }

  /** Readiness: every dependency check passes (Kafka, Postgres, …). 503 otherwise. */
  @Get('readyz')
  async readyz(@Res() res: JsonResponse): Promise<void> {
    const result = await this.readiness.evaluate();
    res.status(result.ready ? 200 : 503).json(result);
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/**
 * Serves /healthz, /readyz and /metrics and provides the service's Logger, prom-client
 * Registry and Readiness to every module.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: { logger: Logger; registry: Registry }): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        { provide: Logger, useValue: options.logger },
        { provide: Registry, useValue: options.registry },
        Readiness,
      ],
      exports: [Logger, Registry, Readiness],
    };
  }
}
