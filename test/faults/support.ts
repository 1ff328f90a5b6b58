import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ManagementClient } from '@webhooks/client';
import type { EndpointUnderTest, TestReceiver } from '@webhooks/testing';

/** A fresh temp dir for one test file's own broker or database. */
export function scratchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `webhooks-faults-${name}-`));
}

/** Milliseconds as seconds with one decimal, for the measured numbers each test prints. */
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Creates one endpoint per path, all subscribed to `eventTypes`, and returns what accounting needs. */
export async function createEndpoints(
  management: ManagementClient,
  receiver: TestReceiver,
  tenantId: string,
  paths: string[],
  eventTypes: string[],
): Promise<EndpointUnderTest[]> {
  return Promise.all(
    paths.map(async (path) => {
      const { endpoint, secret } = await management.createEndpoint({ tenantId, url: receiver.url(path), eventTypes });
      return { path, endpointId: endpoint!.id!, secret: secret! };
    }),
  );
}

/** (event id, endpoint id) pairs that ended (delivered or dead-lettered) in the attempts table, as `event/endpoint`. */
export async function attemptPairs(databaseUrl: string, tenantId: string): Promise<Set<string>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ event_id: string; endpoint_id: string }>(
      "SELECT DISTINCT event_id, endpoint_id FROM attempts WHERE tenant_id = $1 AND outcome IN ('delivered', 'dead_lettered')",
      [tenantId],
    );
    return new Set(rows.map((r) => `${r.event_id}/${r.endpoint_id}`));
  } finally {
    await db.end();
  }
}
