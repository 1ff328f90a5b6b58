/**
 * Keyset cursors of the delivery-log listings. A page ends at a row's sort key and the next page
 * starts strictly after it, so pages neither skip nor repeat rows while new ones arrive (they
 * sort before the first page), and every page costs an index range scan instead of an OFFSET
 * that rereads all earlier pages.
 *
 * Timestamps are kept as Postgres renders them with microseconds (`KEY_TIME`), not as JS dates:
 * a millisecond-rounded key would compare wrongly against a row stored with microseconds and
 * silently skip its neighbours. The cursor is opaque to callers: base64url of a small JSON array
 * tagged with its listing, so an attempts cursor is refused by the messages listing.
 */

/** A sort key time: UTC with exactly six fractional digits (what `KEY_TIME_SQL` renders). */
const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MAX_ID = 256;

/** Renders a timestamptz column as a key time (see `KEY_TIME`). */
export const keyTimeSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Where a messages page ended: newest first by (published_at, event_id). */
export interface MessageKey {
  publishedAt: string;
  eventId: string;
}

/** Where an attempts page ended: newest first by (attempted_at, message_id, attempt, outcome). */
export interface AttemptKey {
  attemptedAt: string;
  messageId: string;
  attempt: number;
  /** Part of the attempts' primary key: makes the order total even if two outcomes shared a time. */
  outcome: string;
}

function encode(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

function decode(cursor: string, tag: string): unknown[] | undefined {
  if (cursor.length > 2_048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parts) && parts[0] === tag ? parts.slice(1) : undefined;
  } catch {
    return undefined;
  }
}

const isKeyTime = (value: unknown): value is string => typeof value === 'string' && KEY_TIME.test(value);
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;

export function encodeMessageCursor(key: MessageKey): string {
  return encode(['m', key.publishedAt, key.eventId]);
}

/** The key a messages cursor carries, or undefined when it is not one. */
export function decodeMessageCursor(cursor: string): MessageKey | undefined {
  const parts = decode(cursor, 'm');
  if (!parts || parts.length !== 2) return undefined;
  const [publishedAt, eventId] = parts;
  return isKeyTime(publishedAt) && isId(eventId) ? { publishedAt, eventId } : undefined;
}

export function encodeAttemptCursor(key: AttemptKey): string {
  return encode(['a', key.attemptedAt, key.messageId, key.attempt, key.outcome]);
}

/** The key an attempts cursor carries, or undefined when it is not one. */
export function decodeAttemptCursor(cursor: string): AttemptKey | undefined {
  const parts = decode(cursor, 'a');
  if (!parts || parts.length !== 4) return undefined;
  const [attemptedAt, messageId, attempt, outcome] = parts;
  if (!isKeyTime(attemptedAt) || !isId(messageId) || !isId(outcome)) return undefined;
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 0 || attempt > 2 ** 31 - 1)
    return undefined;
  return { attemptedAt, messageId, attempt, outcome };
}
