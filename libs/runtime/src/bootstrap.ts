import 'reflect-metadata';
import type { Server } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { setFlagsFromString } from 'node:v8';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { ConfigError } from '@webhooks/config';
import { MalformedRequestInterceptor, tolerantDeserializers } from './malformed-request';
import { MAX_METADATA_BYTES, MetadataLimitInterceptor } from './metadata-limit.interceptor';
import { PROTO_LOADER_OPTIONS, protoRoot } from '@webhooks/contracts';
import { Logger, NestJsonLogger, Readiness } from '@webhooks/observability';
import { GrpcHealth } from './grpc-health';
import { WellFormedRpcErrorsFilter, type UnexpectedErrorClassifier } from './well-formed-errors.filter';
import { grpcServerCredentials, grpcTlsMode, type GrpcTls } from './grpc-tls';

export interface GrpcServerOptions {
  /** `host:port` to bind. */
  url: string;
  /** proto package name and files relative to proto/. */
  package: string;
  protoFiles: string[];
  maxReceiveMessageBytes: number;
  /** TLS material from loadGrpcTls; undefined = plaintext. Read once: new certificates need a restart. */
  tls?: GrpcTls;
  /**
   * Called once the gRPC server listens, with the port it actually bound (the kernel's pick when
   * the configured port is 0), before the HTTP server starts: an in-process client (the HTTP
   * gateway) dials this, never the configured value.
   */
  onBound?: (port: number) => void;
  /** What an unanticipated handler error means for this service (e.g. its database is down). */
  classifyUnexpectedError?: UnexpectedErrorClassifier;
}

export interface ServiceProcess {
  name: string;
  logger: Logger;
  /** Builds the root module; runs after config validation so the module receives typed config. */
  module: () => unknown;
  http: { host: string; port: number };
  grpc?: GrpcServerOptions;
  shutdownTimeoutMs: number;
  /** HEAP_GROWTH_PERCENT (see limitHeapGrowth); 0 leaves V8's own heuristic. */
  heapGrowthPercent: number;
}

/**
 * Caps how far V8 lets the old generation grow past what was live after its last full
 * collection: to (1 + percent/100) times that. V8's own factor adapts up to 4× for a process
 * that allocates fast, which is every service under load: at max rate a dispatcher with ~65 MB
 * of live objects reached 330 MB resident, subscriptions 380 MB (docs/performance.md, session 6).
 * The flag cannot be passed in NODE_OPTIONS (Node refuses it), so it is set here, before the
 * service allocates anything much; V8 reads it at every collection.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * Starts one service process the same way for every app: Nest with JSON logs, optional gRPC
 * server, HTTP for health and metrics, and a SIGTERM/SIGINT handler that marks the service
 * not-ready, closes Nest (consumers stop, in-flight work finishes, offsets commit, clients
 * disconnect) and exits, or exits non-zero when that takes longer than the shutdown timeout.
 */
export async function runService(service: ServiceProcess): Promise<INestApplication> {
  const { logger } = service;
  limitHeapGrowth(service.heapGrowthPercent);
  const app = await NestFactory.create(service.module() as never, {
    logger: new NestJsonLogger(logger),
    bufferLogs: false,
    // No Nest route reads a parsed body; an HTTP API that takes bodies (the management gateway)
    // reads its own, so it decides the size limit and how a malformed body is answered.
    bodyParser: false,
  });
  const grpcHealth = new GrpcHealth();
  let grpcServer: Server | undefined;
  if (service.grpc) {
    app.useGlobalInterceptors(new MetadataLimitInterceptor(MAX_METADATA_BYTES), new MalformedRequestInterceptor());
    app.useGlobalFilters(new WellFormedRpcErrorsFilter(service.grpc.classifyUnexpectedError));
    app.connectMicroservice<MicroserviceOptions>(
      {
        transport: Transport.GRPC,
        options: {
          url: service.grpc.url,
          package: service.grpc.package,
          protoPath: service.grpc.protoFiles,
          loader: { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot()] },
          maxReceiveMessageLength: service.grpc.maxReceiveMessageBytes,
          credentials: grpcServerCredentials(service.grpc.tls),
          // grpc.health.v1.Health next to the service's own, on the same server.
          onLoadPackageDefinition: (definition, server) => {
            grpcServer = server as Server;
            // Undecodable requests are the client's error (INVALID_ARGUMENT), not INTERNAL.
            tolerantDeserializers(definition as PackageDefinition);
            grpcHealth.addToServer(definition as PackageDefinition, grpcServer);
          },
        },
      },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
    service.grpc.onBound?.(boundGrpcPort(service.grpc.url, grpcServer));
  }
  await app.listen(service.http.port, service.http.host);
  if (service.grpc) grpcHealth.follow(app.get(Readiness));
  logger.info('service started', {
    http: service.http,
    grpc: service.grpc?.url,
    ...(service.grpc ? { grpcTls: grpcTlsMode(service.grpc.tls) } : {}),
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    app.get(Readiness).markShuttingDown();
    grpcHealth.stop();
    const timer = setTimeout(() => {
      logger.error('shutdown timed out; exiting with work possibly in flight', {
        timeoutMs: service.shutdownTimeoutMs,
      });
      process.exit(1);
    }, service.shutdownTimeoutMs);
    timer.unref();
    app
      .close()
      .then(() => {
        logger.info('shutdown complete');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return app;
}

/**
 * The port the gRPC server listens on: the configured one, or for port 0 the one the kernel
 * picked. Nest discards the port `bindAsync` reports and grpc-js has no public accessor, so for
 * port 0 this reads the server's listening sockets (a private field, checked at run time).
 */
export function boundGrpcPort(url: string, server: Server | undefined): number {
  const configured = Number(url.slice(url.lastIndexOf(':') + 1));
  if (configured !== 0) return configured;
  const listeners = (server as unknown as { http2Servers?: Map<{ address(): unknown }, unknown> } | undefined)
    ?.http2Servers;
  for (const listener of listeners?.keys() ?? []) {
    const address = listener.address();
    if (address && typeof address === 'object' && 'port' in address && typeof address.port === 'number')
      return address.port;
  }
  throw new Error(`cannot tell which port the gRPC server bound for ${url}`);
}

/**
 * Entry-point wrapper: a bad configuration stops the process with the variable names and
 * exit code 78 (EX_CONFIG); any other start-up failure exits 1. Nothing is half-started.
 */
export function main(name: string, start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${name}: ${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`${name}: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
