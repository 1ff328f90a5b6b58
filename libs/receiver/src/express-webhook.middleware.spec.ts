import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { generateSigningSecret, signDelivery } from '@webhooks/signing';
import { expressWebhookMiddleware, type WebhookRequest } from './express-webhook.middleware';

// express ships with @nestjs/platform-express but without type declarations here: describe the
// few calls this test makes instead of adding @types/express.
type Handler = (req: WebhookRequest, res: ServerResponse & { json(body: unknown): void }, next: () => void) => void;
interface ExpressApp {
  post(path: string, ...handlers: Handler[]): void;
  listen(port: number, done: () => void): Server;
}
type Express = (() => ExpressApp) & { raw(options: { type: string }): Handler };
const express = createRequire(__filename)('express') as Express;

describe('expressWebhookMiddleware in a real Express app', () => {
  const { secret } = generateSigningSecret('standard');
  const received: unknown[] = [];
  let failNext = false;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.post(
      '/webhooks',
      express.raw({ type: 'application/json' }),
      expressWebhookMiddleware({ scheme: 'standard', secret }),
      (req, res) => {
        if (failNext) {
          failNext = false;
          res.statusCode = 500;
          res.end();
          return;
        }
        received.push(req.webhook?.payload);
        res.json({ ok: true });
      },
    );
    // Mounted without express.raw: a configuration mistake, answered 500 through next(error).
    app.post('/misconfigured', expressWebhookMiddleware({ scheme: 'standard', secret }), (_req, res) => res.json({}));
    await new Promise<void>((resolve) => {
      server = app.listen(0, resolve);
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function post(path: string, body: string, headers: Record<string, string>): Promise<Response> {
    return fetch(url + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  }

  function signed(id: string, body: string, secrets = [secret]): Record<string, string> {
    return signDelivery({ scheme: 'standard', webhookId: id, body: Buffer.from(body), secrets });
  }

  it('hands a signed delivery to the handler, parsed', async () => {
    const body = '{"type":"invoice.paid","n":1}';
    const response = await post('/webhooks', body, signed('msg_ok', body));
    expect(response.status).toBe(200);
    expect(received).toContainEqual({ type: 'invoice.paid', n: 1 });
  });

  it('answers 400 to an unsigned delivery and 401 to a forged or tampered one, never calling the handler', async () => {
    const before = received.length;
    const body = '{"n":2}';
    const unsigned = await post('/webhooks', body, {});
    expect([unsigned.status, await unsigned.json()]).toEqual([400, { error: 'missing_header' }]);
    const forged = await post(
      '/webhooks',
      body,
      signed('msg_forged', body, [generateSigningSecret('standard').secret]),
    );
    expect([forged.status, await forged.json()]).toEqual([401, { error: 'bad_signature' }]);
    const tampered = await post('/webhooks', '{"n":3}', signed('msg_tampered', body));
    expect(tampered.status).toBe(401);
    expect(received).toHaveLength(before);
  });

  it('answers 200 without calling the handler to a duplicate webhook-id', async () => {
    const body = '{"n":4}';
    expect((await post('/webhooks', body, signed('msg_dup', body))).status).toBe(200);
    const again = await post('/webhooks', body, signed('msg_dup', body));
    expect([again.status, await again.json()]).toEqual([200, { duplicate: true }]);
    expect(received.filter((p) => JSON.stringify(p) === body)).toHaveLength(1);
  });

  it('lets the retry of a delivery the handler failed through', async () => {
    const body = '{"n":5}';
    failNext = true;
    expect((await post('/webhooks', body, signed('msg_retry', body))).status).toBe(500);
    const retry = await post('/webhooks', body, signed('msg_retry', body));
    expect(retry.status).toBe(200);
    expect(received).toContainEqual({ n: 5 });
  });

  it('fails loudly when the raw body is not available', async () => {
    const body = '{"n":6}';
    expect((await post('/misconfigured', body, signed('msg_raw', body))).status).toBe(500);
  });
});
