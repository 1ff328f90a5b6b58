/**
 * The patched kafkajs request queue (patches/README.md): a connection with nothing pending and no
 * throttle keeps no timer, while a request that has to wait (in-flight limit, broker throttle) is
 * still sent as soon as it may be.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs internals are untyped CommonJS */
import { readFileSync } from 'node:fs';

interface Entry {
  correlationId: number;
  apiName: string;
  apiKey: number;
  apiVersion: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}
interface RequestQueue {
  push(request: { entry: Entry; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  maybeThrottle(ms: number | null): void;
  destroy(): void;
}
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => RequestQueue;

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function queue(maxInFlightRequests: number | null = null): RequestQueue {
  return new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: silent,
  });
}

/** Pushes a request; `sent` lists the correlation ids in the order the queue sent them. */
function push(target: RequestQueue, correlationId: number, sent: number[]): Promise<unknown> {
  return new Promise((resolve, reject) =>
    target.push({
      entry: { correlationId, apiName: 'Fetch', apiKey: 1, apiVersion: 11, resolve, reject },
      expectResponse: true,
      sendRequest: () => sent.push(correlationId),
    }),
  );
}

const answer = (target: RequestQueue, correlationId: number) =>
  target.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });

describe('patched kafkajs request queue', () => {
  beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => jest.useRealTimers());

  it('is installed (npm ci runs scripts/patch-dependencies.mjs)', () => {
    const source = readFileSync(require.resolve('kafkajs/src/network/requestQueue'), 'utf8');
    expect(source).toContain('PATCHED by webhook-platform');
  });

  it('keeps no timer once nothing is pending (upstream re-armed a 1 ms one forever)', async () => {
    const target = queue();
    const sent: number[] = [];
    const response = push(target, 1, sent);
    answer(target, 1);
    await response;
    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
    target.destroy();
  });

  it('sends a request held by the in-flight limit when the one before it is answered', async () => {
    const target = queue(1);
    const sent: number[] = [];
    const first = push(target, 1, sent);
    const second = push(target, 2, sent);
    expect(sent).toEqual([1]);
    answer(target, 1);
    await first;
    expect(sent).toEqual([1, 2]);
    answer(target, 2);
    await second;
    // The check armed while request 2 waited fires once, finds nothing, and is not re-armed.
    jest.advanceTimersByTime(10);
    expect(jest.getTimerCount()).toBe(0);
    target.destroy();
  });

  it('sends a request held by a broker throttle when the throttle ends', async () => {
    const target = queue();
    const sent: number[] = [];
    target.maybeThrottle(50);
    const response = push(target, 1, sent);
    jest.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(20);
    expect(sent).toEqual([1]);
    answer(target, 1);
    await response;
    expect(jest.getTimerCount()).toBe(0);
    target.destroy();
  });
});
