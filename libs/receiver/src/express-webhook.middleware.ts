import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookVerificationError, type VerificationFailureReason } from './webhook-verification.exception';
import { WebhookVerifier, type VerifiedWebhook, type WebhookVerifierOptions } from './webhook-verifier';

/** The request as Express (or Nest on Express) hands it over; typed structurally so express types are not needed. */
export type WebhookRequest = IncomingMessage & {
  /** Set by `express.raw({ type: 'application/json' })`. */
  body?: unknown;
  /** Set by NestJS when the app is created with `{ rawBody: true }`. */
  rawBody?: Buffer;
  /** Set by the middleware once the delivery verified. */
  webhook?: VerifiedWebhook;
};

export type WebhookMiddleware = (req: WebhookRequest, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * Express middleware that admits only verified, first-seen deliveries; the route's handler then
 * reads `req.webhook` (`payload`, `webhookId`, `timestamp`).
 *
 * It needs the exact bytes that were signed:
 * - Express: `app.post('/webhooks', express.raw({ type: 'application/json' }), expressWebhookMiddleware(opts), handler)`;
 * - NestJS: `NestFactory.create(AppModule, { rawBody: true })`, then apply it as a Nest middleware
 *   (`consumer.apply(expressWebhookMiddleware(opts)).forRoutes('webhooks')`); it reads `req.rawBody`.
 * Without a raw body it fails the request through `next(error)` (a 500): a mounting mistake, not a bad delivery.
 *
 * Answers, without calling the handler:
 * - 400 `missing_header`, `malformed_header`, `invalid_payload`;
 * - 401 `bad_signature`, `timestamp_too_old`, `timestamp_in_future`;
 * - 200 `{"duplicate":true}` for a `webhook-id` already accepted. Not 409: the sender retries every
 *   non-2xx answer, so refusing a duplicate would only make it resend what was already processed.
 *
 * When the handler answers non-2xx (it failed), the id is released so the sender's retry is processed.
 */
export function expressWebhookMiddleware(options: WebhookVerifierOptions | WebhookVerifier): WebhookMiddleware {
  const verifier = options instanceof WebhookVerifier ? options : new WebhookVerifier(options);
  return (req, res, next) => {
    const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : req.body;
    if (!Buffer.isBuffer(raw) && typeof raw !== 'string') {
      next(
        new TypeError(
          'expressWebhookMiddleware needs the raw body: mount express.raw({ type: "application/json" }) before it ' +
            '(or create the Nest app with { rawBody: true })',
        ),
      );
      return;
    }
    verifier.verify(req.headers, raw).then(
      (webhook) => {
        req.webhook = webhook;
        res.once('finish', () => {
          if (res.statusCode >= 200 && res.statusCode < 300) return;
          // Best effort: if the store is unreachable the retry is answered as a duplicate until the TTL ends.
          verifier.release(webhook.webhookId).catch(() => undefined);
        });
        next();
      },
      (error: unknown) => {
        if (!(error instanceof WebhookVerificationError)) {
          next(error);
          return;
        }
        if (error.reason === 'duplicate') {
          answer(res, 200, { duplicate: true });
          return;
        }
        answer(res, statusFor(error.reason), { error: error.reason });
      },
    );
  };
}

/** The HTTP status for a refused delivery (`duplicate` is answered 200 by the middleware itself). */
export function statusFor(reason: VerificationFailureReason): number {
  switch (reason) {
    case 'missing_header':
    case 'malformed_header':
    case 'invalid_payload':
      return 400;
    case 'bad_signature':
    case 'timestamp_too_old':
    case 'timestamp_in_future':
      return 401;
    case 'duplicate':
      return 200;
  }
}

function answer(res: ServerResponse, status: number, body: object): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
