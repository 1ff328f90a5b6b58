import {
  Inject,
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleDestroy,
} from '@nestjs/common';
import { GrpcLoopback } from './grpc-loopback';
import { HttpGateway } from './http-gateway';
import { HttpGatewayMiddleware } from './http-gateway.middleware';
import { deriveRoutes, type HttpRoute } from './http-route';
import { loadManagementRoot, managementServices } from './management-proto';
import { buildOpenApiDocument } from './openapi-document';
import { OPENAPI_DOCUMENT, OpenApiController } from './openapi.controller';

const ROUTES = Symbol('HTTP_ROUTES');

/**
 * The management API over HTTP/JSON: `/v1/...` transcoded to the service's own gRPC server
 * (routes from the `google.api.http` annotations of management.proto) and `/openapi.json`.
 */
@Module({})
export class HttpApiModule implements NestModule, OnModuleDestroy {
  constructor(@Inject(GrpcLoopback) private readonly loopback: GrpcLoopback) {}

  static forRoot(loopback: GrpcLoopback): DynamicModule {
    const root = loadManagementRoot();
    const routes = deriveRoutes(root);
    return {
      module: HttpApiModule,
      controllers: [OpenApiController],
      providers: [
        { provide: GrpcLoopback, useValue: loopback },
        { provide: ROUTES, useValue: routes },
        { provide: OPENAPI_DOCUMENT, useValue: buildOpenApiDocument(routes, managementServices(root)) },
        {
          provide: HttpGateway,
          useFactory: (httpRoutes: HttpRoute[], channel: GrpcLoopback) => new HttpGateway(httpRoutes, channel),
          inject: [ROUTES, GrpcLoopback],
        },
        HttpGatewayMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpGatewayMiddleware).forRoutes({ path: 'v1/*path', method: RequestMethod.ALL });
  }

  onModuleDestroy(): void {
    this.loopback.close();
  }
}
