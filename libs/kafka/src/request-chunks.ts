import type { Message, TopicMessages } from 'kafkajs';

/**
 * Bytes per produce request we aim for. Kafka refuses a partition's record batch above
 * `message.max.bytes` (1 MiB by default) and kafkajs sends one batch per partition per request,
 * so a request is kept well below that even if every record lands on the same partition.
 */
export const MAX_REQUEST_BYTES = 512 * 1024;

/** Upper estimate of one record's size in a record batch (value, key, headers, framing). */
export function recordBytes(message: Message): number {
  return recordSize(message, utf8Bytes);
}

/**
 * A quicker estimate of the same, for sizing a flush rather than a request: strings count by
 * length (exact for ASCII, low for other text). Measuring a string's UTF-8 length flattens it
 * first, and `JSON.stringify` returns a concatenation: on the dispatcher's outcome path that was a
 * copy of every attempt record before it was even combined (~0.9 KB a delivery).
 */
export function approximateRecordBytes(message: Message): number {
  return recordSize(message, lengthOf);
}

function recordSize(message: Message, bytes: (value: Buffer | string | null | undefined) => number): number {
  let size = 64 + bytes(message.value) + bytes(message.key);
  // Per record on every produce path: no arrays allocated for the usual headerless record.
  const headers = message.headers;
  if (headers) {
    for (const name in headers) {
      const value = headers[name];
      size += 16 + name.length;
      if (Array.isArray(value)) for (const item of value) size += bytes(item);
      else size += bytes(value);
    }
  }
  return size;
}

function utf8Bytes(value: Buffer | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}

function lengthOf(value: Buffer | string | null | undefined): number {
  return value === null || value === undefined ? 0 : value.length;
}

/**
 * Splits records into produce requests of at most `maxBytes` each, keeping their order per
 * topic (so per partition). A record larger than `maxBytes` travels alone.
 */
export function chunkByBytes(topicMessages: TopicMessages[], maxBytes = MAX_REQUEST_BYTES): TopicMessages[][] {
  const chunks: TopicMessages[][] = [];
  let current: Map<string, Message[]> = new Map();
  let size = 0;
  const close = () => {
    if (current.size) chunks.push([...current].map(([topic, messages]) => ({ topic, messages })));
    current = new Map();
    size = 0;
  };
  for (const { topic, messages } of topicMessages) {
    for (const message of messages) {
      const bytes = recordBytes(message);
      if (size > 0 && size + bytes > maxBytes) close();
      const list = current.get(topic) ?? [];
      list.push(message);
      current.set(topic, list);
      size += bytes;
    }
  }
  close();
  return chunks;
}
