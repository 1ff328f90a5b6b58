import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponse, HttpGateway, type GatewayResponse } from './http-gateway';
import { GatewayError } from './grpc-http-status';

/** Largest request body the HTTP API reads; beyond it, 413. Matches the gRPC server's 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Express-level transport of the HTTP API under /v1: reads the body (bounded), hands the request
 * to the gateway and writes its answer. No routing or mapping here.
 */
@Injectable()
export class HttpGatewayMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  constructor(@Inject(HttpGateway) private readonly gateway: HttpGateway) {}

  use(request: IncomingMessage, response: ServerResponse): void {
    const aborted = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) aborted.abort();
    });
    readBody(request, MAX_BODY_BYTES)
      .then((body) =>
        this.gateway.handle(
          {
            method: request.method ?? 'GET',
            // originalUrl: Nest/express may have rewritten url for mounted middleware.
            url: (request as IncomingMessage & { originalUrl?: string }).originalUrl ?? request.url ?? '/',
            contentType: request.headers['content-type'],
            body,
          },
          request.headers.authorization,
          aborted.signal,
        ),
      )
      .catch((error: unknown) => errorResponse(error))
      .then((answer) => send(response, answer))
      .catch(() => response.destroy());
  }
}

function send(response: ServerResponse, answer: GatewayResponse): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The whole body, or GatewayError 413 as soon as it is known to exceed `limit`. */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new GatewayError(413, status.INVALID_ARGUMENT, `request body exceeds ${limit} bytes`);
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume(); // drain, so the 413 reaches the client instead of a reset connection
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
