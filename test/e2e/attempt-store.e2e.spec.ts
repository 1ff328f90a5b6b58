import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { AttemptRecord } from '@webhooks/contracts';
// Like migrations.e2e.spec.ts, this one imports app code: the delivery log's insert statement,
// checked against a real PostgreSQL without running the services.
// eslint-disable-next-line @nx/enforce-module-boundaries -- the attempt log's own repository
import { AttemptRepository } from '../../apps/subscriptions/src/attempt-log/attempt.repository';
// eslint-disable-next-line @nx/enforce-module-boundaries -- and the schema it writes to
import { dataSourceOptions } from '../../apps/subscriptions/src/persistence/data-source';
import { e2eStack } from '../setup/env';

const base: AttemptRecord = {
  messageId: 'msg_store_1',
  eventId: 'evt_store_1',
  tenantId: 'ten_store',
  eventType: 'order.paid',
  endpointId: 'ep_store',
  attempt: 1,
  outcome: 'delivered',
  statusCode: 200,
  error: null,
  durationMs: 2.6,
  attemptedAt: 1_790_000_000_123,
  publishedAt: 1_790_000_000_001,
  requestHeaders: { 'webhook-id': 'msg_store_1', 'content-type': 'application/json', 'x-quote': 'a "b" \\ c' },
  responseBody: 'ok',
};

/**
 * `AttemptRepository.storeAll` writes a batch in one statement: every field arrives intact
 * (timestamps to the millisecond, headers as jsonb, quotes, backslashes, braces, the word NULL), NUL characters —
 * which PostgreSQL refuses — are replaced instead of failing the batch, and storing the same
 * records again (alone, or with new ones) adds only the new ones.
 */
describe('attempt log insert', () => {
  let admin: DataSource;
  let ds: DataSource;
  const database = `attempts_${Date.now().toString(36)}`;

  beforeAll(async () => {
    admin = new DataSource({ type: 'postgres', url: e2eStack().databaseUrl });
    await admin.initialize();
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(e2eStack().databaseUrl);
    url.pathname = `/${database}`;
    ds = new DataSource(dataSourceOptions(url.toString(), 2));
    await ds.initialize();
    await ds.runMigrations();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await admin?.query(`DROP DATABASE IF EXISTS "${database}"`);
    if (admin?.isInitialized) await admin.destroy();
  });

  it('stores every field, survives NUL characters, and ignores records it already has', async () => {
    const repository = new AttemptRepository(ds);
    const records: AttemptRecord[] = [
      base,
      {
        ...base,
        messageId: 'msg_store_2',
        outcome: 'retrying',
        statusCode: null,
        error: 'socket\u0000hang up',
        durationMs: 0,
        requestHeaders: { 'webhook-id': 'msg_store_2', 'x-nul': 'a\u0000b' },
        responseBody: undefined,
      },
      { ...base, messageId: 'msg_store_3', responseBody: 'body\u0000with nul', requestHeaders: undefined },
      // Array-literal syntax in the text itself: quotes, backslashes, braces, commas, the word NULL.
      { ...base, messageId: 'msg_store_4', error: 'NULL', responseBody: '{"a": "b\\c"}, {d}\n' },
    ];
    await repository.storeAll(records);
    await repository.storeAll(records);

    const rows: Record<string, unknown>[] = await ds.query(
      `SELECT message_id, attempt, outcome, event_id, tenant_id, event_type, endpoint_id, status_code, error,
              duration_ms, attempted_at, published_at, request_headers, response_body
       FROM attempts ORDER BY message_id`,
    );
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      message_id: 'msg_store_1',
      attempt: 1,
      outcome: 'delivered',
      event_id: 'evt_store_1',
      tenant_id: 'ten_store',
      event_type: 'order.paid',
      endpoint_id: 'ep_store',
      status_code: 200,
      error: null,
      duration_ms: 3,
      attempted_at: new Date(1_790_000_000_123),
      published_at: new Date(1_790_000_000_001),
      request_headers: base.requestHeaders,
      response_body: 'ok',
    });
    expect(rows[1]).toMatchObject({
      outcome: 'retrying',
      status_code: null,
      error: 'socket\uFFFDhang up',
      duration_ms: 0,
      request_headers: { 'webhook-id': 'msg_store_2', 'x-nul': 'a\uFFFDb' },
      response_body: null,
    });
    expect(rows[2]).toMatchObject({ request_headers: null, response_body: 'body\uFFFDwith nul' });
    expect(rows[3]).toMatchObject({ error: 'NULL', response_body: '{"a": "b\\c"}, {d}\n' });
    // A batch that holds a stored record and a new one (re-consumed after a crash, with more
    // behind it): the key violation sends it through ON CONFLICT, and the new record is kept.
    await repository.storeAll([records[0], { ...base, messageId: 'msg_store_5' }]);
    const ids: { message_id: string }[] = await ds.query(`SELECT message_id FROM attempts ORDER BY message_id`);
    expect(ids.map((row) => row.message_id)).toEqual([
      'msg_store_1',
      'msg_store_2',
      'msg_store_3',
      'msg_store_4',
      'msg_store_5',
    ]);
  });
});
