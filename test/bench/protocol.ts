/** Messages between the bench (parent) and its child processes, over Node's IPC channel. */

/** Parent → receiver. */
export type ToReceiver =
  | { type: 'secrets'; secrets: string[] }
  /** Starts counting into a new phase; arrivals of the previous phase are flushed first. */
  | { type: 'phase'; name: string; stream: boolean }
  | { type: 'stop' };

/** Receiver → parent. */
export type FromReceiver =
  | { type: 'ready'; ports: number[] }
  /** Arrivals since the last batch (only in a streaming phase): webhook-ids and arrival times (epoch ms). */
  | { type: 'arrivals'; ids: string[]; at: number[] }
  | { type: 'phase-stats'; name: string; received: number; verifyFailures: number; firstAt: number; lastAt: number };

/** Parent → raw-HTTP ceiling process (its only input). */
export interface HttpCeilingJob {
  type: 'job';
  ports: number[];
  secrets: string[];
  deliveries: number;
  payloadBytes: number;
  /** Keep-alive connections per origin (as the dispatcher's MAX_CONNECTIONS_PER_ORIGIN). */
  connectionsPerOrigin: number;
  /** Requests in flight per origin (as the dispatcher's effective per-endpoint concurrency). */
  concurrencyPerOrigin: number;
}

/** Raw-HTTP ceiling process → parent. */
export interface HttpCeilingResult {
  type: 'result';
  sent: number;
  failed: number;
  elapsedMs: number;
}

/** A JSON payload of exactly `bytes` bytes (at least the 32-byte skeleton). */
export function benchPayload(bytes: number, seq: number): Buffer {
  const head = `{"type":"bench.delivery","seq":${seq},"pad":"`;
  const tail = '"}';
  const pad = Math.max(0, bytes - head.length - tail.length);
  return Buffer.from(head + 'x'.repeat(pad) + tail);
}
