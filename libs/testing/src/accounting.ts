import type { Consumer, Kafka } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { decodeDeliveryTask, headerString, type DeliveryTask } from '@webhooks/contracts';
import { webhookId } from '@webhooks/signing';
import type { TestReceiver } from './test-receiver';
import { waitFor } from './wait-for';

/** Reads a DLQ topic from its beginning into memory (dead-lettered tasks and poison records apart). */
export class DeadLetters {
  readonly tasks: DeliveryTask[] = [];
  readonly poison: { reason: string; value: string }[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly groupId: string,
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: this.groupId });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        const reason = headerString(message.headers, 'poison-reason');
        if (reason) this.poison.push({ reason, value: message.value?.toString() ?? '' });
        else this.tasks.push(decodeDeliveryTask(message));
      },
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export interface EndpointUnderTest {
  /** Receiver path the endpoint's URL points at. */
  path: string;
  endpointId: string;
  secret: string;
}

export interface Accounting {
  /** Distinct webhook-ids delivered with a 2xx. */
  delivered: number;
  /** Distinct webhook-ids in the DLQ and never delivered. */
  deadLettered: number;
  /** 2xx requests beyond the first per webhook-id (at-least-once repeats). */
  duplicates: number;
  /**
   * Distinct webhook-ids received for events that never got an OK: allowed after a refusal
   * (UNAVAILABLE may mean "written, answer lost"; a client retries with its idempotency key),
   * never otherwise.
   */
  unacknowledged: number;
}

/**
 * The fault tests' closing check: waits until every (event, endpoint) pair is delivered with a
 * 2xx or dead-lettered, then verifies every request the endpoint received with the official
 * Standard Webhooks verifier (a bad signature throws). Returns the counts, including requests for
 * events that never got an OK; the error of a timeout names how many are missing.
 */
export async function accountDeliveries(options: {
  receiver: TestReceiver;
  endpoint: EndpointUnderTest;
  eventIds: readonly string[];
  deadLetters?: DeadLetters;
  timeoutMs?: number;
}): Promise<Accounting> {
  const { receiver, endpoint, eventIds } = options;
  const expected = new Set(eventIds.map((id) => webhookId(id, endpoint.endpointId)));
  const delivered = () => new Set(receiver.accepted(endpoint.path).map((r) => String(r.headers['webhook-id'])));
  const dead = () =>
    new Set(
      (options.deadLetters?.tasks ?? []).filter((t) => t.endpointId === endpoint.endpointId).map((t) => t.messageId),
    );
  const missing = () => {
    const [d, x] = [delivered(), dead()];
    return [...expected].filter((id) => !d.has(id) && !x.has(id));
  };
  let left: string[] = [...expected];
  try {
    await waitFor(
      `${expected.size} events delivered or dead-lettered at ${endpoint.path}`,
      () => (left = missing()).length === 0,
      options.timeoutMs ?? 120_000,
      250,
    );
  } catch (error) {
    // The webhook-ids (msg_<event id>…) to look for in the services' logs and topics.
    const shown = left.slice(0, 10).join(', ') + (left.length > 10 ? ', …' : '');
    throw new Error(`${(error as Error).message}: ${left.length} missing (${shown})`);
  }
  const verifier = new Webhook(endpoint.secret);
  const unacknowledged = new Set<string>();
  for (const request of receiver.received(endpoint.path)) {
    const id = String(request.headers['webhook-id']);
    if (!expected.has(id)) unacknowledged.add(id);
    verifier.verify(request.body.toString(), request.headers as Record<string, string>);
  }
  const deliveredIds = new Set([...delivered()].filter((id) => expected.has(id)));
  const deadOnly = [...dead()].filter((id) => expected.has(id) && !deliveredIds.has(id));
  return {
    delivered: deliveredIds.size,
    deadLettered: deadOnly.length,
    duplicates:
      receiver.accepted(endpoint.path).filter((r) => expected.has(String(r.headers['webhook-id']))).length -
      deliveredIds.size,
    unacknowledged: unacknowledged.size,
  };
}
