import type { Server } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import type { Readiness } from '@webhooks/observability';

/**
 * `grpc.health.v1.Health` for a service's gRPC server: SERVING exactly when /readyz would
 * answer 200, for the whole server (service name "") and for each named gRPC service. The
 * readiness checks are evaluated every `intervalMs` (they cache their own probes), so a Check
 * call never touches Kafka or PostgreSQL itself.
 */
export class GrpcHealth {
  private readonly health = new HealthImplementation({ '': 'NOT_SERVING' });
  private services: string[] = [];
  private status: ServingStatus = 'NOT_SERVING';
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly intervalMs = 2_000) {}

  /**
   * Registers the Health service on the grpc-js server, with one entry per service of the
   * loaded package definition (e.g. `webhooks.v1.Ingestion`). Meant for Nest's
   * `onLoadPackageDefinition` hook, which hands over both.
   */
  addToServer(packageDefinition: PackageDefinition, server: Server): void {
    // Messages and enums carry a `format`; what is left are services.
    this.services = Object.entries(packageDefinition)
      .filter(([, definition]) => !('format' in definition))
      .map(([name]) => name);
    this.set(this.status);
    this.health.addToServer(server);
  }

  /** Follows the service's readiness until `stop`. */
  follow(readiness: Readiness): void {
    const update = async () => this.set((await readiness.evaluate()).ready ? 'SERVING' : 'NOT_SERVING');
    void update();
    this.timer = setInterval(() => void update(), this.intervalMs);
    this.timer.unref();
  }

  /** Shutting down: NOT_SERVING at once, and no more updates. */
  stop(): void {
    clearInterval(this.timer);
    this.set('NOT_SERVING');
  }

  private set(status: ServingStatus): void {
    this.status = status;
    for (const service of ['', ...this.services]) this.health.setStatus(service, status);
  }
}
