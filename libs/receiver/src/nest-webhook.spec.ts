import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  Controller,
  HttpCode,
  Module,
  Post,
  Req,
  type INestApplication,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { generateSigningSecret, signDelivery } from '@webhooks/signing';
import { expressWebhookMiddleware, type WebhookRequest } from './express-webhook.middleware';

// The NestJS usage documented in docs/signatures.md, run for real: `rawBody: true` keeps the signed
// bytes on `req.rawBody` while Nest still parses JSON, and the middleware guards one route.
const { secret, publicKey } = generateSigningSecret('standard-ed25519');
const received: unknown[] = [];

@Controller('webhooks')
class WebhooksController {
  @Post()
  @HttpCode(204)
  receive(@Req() req: WebhookRequest): void {
    received.push(req.webhook?.payload);
  }
}

@Module({ controllers: [WebhooksController] })
class WebhooksModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(expressWebhookMiddleware({ scheme: 'standard-ed25519', publicKey: publicKey ?? '' }))
      .forRoutes(WebhooksController);
  }
}

describe('expressWebhookMiddleware in a NestJS app created with rawBody: true', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(WebhooksModule, { rawBody: true, logger: false });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}/webhooks`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('verifies against the raw bytes, not the parsed JSON', async () => {
    // Spacing and key order a re-serialisation would not reproduce.
    const body = '{ "type": "user.created",  "b": 1, "a": 2 }';
    const headers = signDelivery({
      scheme: 'standard-ed25519',
      webhookId: 'msg_n',
      body: Buffer.from(body),
      secrets: [secret],
    });
    const response = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(response.status).toBe(204);
    expect(received).toEqual([{ type: 'user.created', b: 1, a: 2 }]);
  });

  it('answers 401 to a tampered delivery without reaching the controller', async () => {
    const body = '{"type":"user.created"}';
    const headers = signDelivery({
      scheme: 'standard-ed25519',
      webhookId: 'msg_x',
      body: Buffer.from(body),
      secrets: [secret],
    });
    const response = await fetch(url, {
      method: 'POST',
      body: body.replace('created', 'deleted'),
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(response.status).toBe(401);
    expect(received).toHaveLength(1);
  });
});
