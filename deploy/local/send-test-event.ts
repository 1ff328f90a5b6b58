/**
 * `npm run send-test-event`: proves the running stack works end to end. Starts a receiver on a
 * free local port, registers it as an endpoint, publishes one event over gRPC, waits for the
 * webhook, verifies its signature with the official `standardwebhooks` library, prints it, and
 * deletes the endpoint again.
 */
import { readFileSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { ManagementClient, PublisherClient } from '@webhooks/client';
import { TestReceiver, waitFor } from '@webhooks/testing';
import { STACK_FILE } from './stack-file';

async function main(): Promise<void> {
  let stack: { ingestion: string; management: string; adminApiKey: string };
  try {
    stack = JSON.parse(readFileSync(STACK_FILE, 'utf8')) as typeof stack;
  } catch {
    throw new Error(`no running stack found (${STACK_FILE}); start it with: npm start`);
  }
  const receiver = await new TestReceiver().start();
  const management = new ManagementClient({ address: stack.management, apiKey: stack.adminApiKey });
  const publisher = new PublisherClient({ address: stack.ingestion, apiKey: stack.adminApiKey });
  const tenantId = 'demo';
  try {
    const { endpoint, secret } = await management.createEndpoint({
      tenantId,
      url: receiver.url('/webhooks'),
      eventTypes: ['invoice.*'],
      description: 'send-test-event',
    });
    console.log(`endpoint ${endpoint?.id} -> ${endpoint?.url} (subscribed to invoice.*)`);
    const payload = { type: 'invoice.paid', invoice: 'in_123', amount: 4200, currency: 'eur' };
    const { eventId } = await publisher.publish({ tenantId, eventType: 'invoice.paid', payload });
    console.log(`published ${eventId}`);
    const delivery = await waitFor('the webhook to arrive', () => receiver.received('/webhooks')[0], 30_000);
    new Webhook(secret!).verify(delivery.body.toString('utf8'), delivery.headers as Record<string, string>);
    console.log('received webhook, signature verified with standardwebhooks:');
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature'])
      console.log(`  ${name}: ${String(delivery.headers[name])}`);
    console.log(`  body: ${delivery.body.toString('utf8')}`);
    await management.deleteEndpoint(tenantId, endpoint!.id!);
  } finally {
    publisher.close();
    management.close();
    await receiver.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`send-test-event failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
