import type { Kafka, Producer, ProducerBatch } from 'kafkajs';
import { BatchingProducer } from './batching-producer';

/** kafkajs producers as plain objects: the batching and replacement logic is what is tested. */
class FakeProducer {
  readonly batches: ProducerBatch[] = [];
  connects = 0;
  disconnects = 0;
  failNext?: Error;
  private release?: () => void;
  /** While set, sendBatch waits until `unblock()`: lets callers queue up behind a flush. */
  blocked = false;

  connect(): Promise<void> {
    this.connects += 1;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.disconnects += 1;
    return Promise.resolve();
  }

  async sendBatch(batch: ProducerBatch): Promise<[]> {
    if (this.blocked) await new Promise<void>((resolve) => (this.release = resolve));
    this.batches.push(batch);
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    return [];
  }

  unblock(): void {
    this.blocked = false;
    this.release?.();
  }
}

function fakeKafka(): { kafka: Kafka; producers: FakeProducer[] } {
  const producers: FakeProducer[] = [];
  const kafka = {
    producer: () => {
      const producer = new FakeProducer();
      producers.push(producer);
      return producer as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

const values = (batch: ProducerBatch) => batch.topicMessages!.flatMap((t) => t.messages.map((m) => String(m.value)));

describe('BatchingProducer', () => {
  it('sends callers that arrive during a flush together in the next request', async () => {
    const { kafka, producers } = fakeKafka();
    const output = new BatchingProducer(kafka);
    await output.connect();
    producers[0].blocked = true;
    const first = output.send('t', [{ value: 'a' }]);
    const queued = [output.send('t', [{ value: 'b' }]), output.send('t', [{ value: 'c' }])];
    producers[0].unblock();
    await Promise.all([first, ...queued]);
    expect(producers[0].batches.map(values)).toEqual([['a'], ['b', 'c']]);
  });

  it('after a failed send, rejects its callers and replaces the producer before sending anything else', async () => {
    const { kafka, producers } = fakeKafka();
    const replaced: unknown[] = [];
    const output = new BatchingProducer(kafka, { onReplaced: (error) => replaced.push(error) });
    await output.connect();
    producers[0].failNext = new Error('NOT_LEADER_OR_FOLLOWER');

    await expect(output.send('t', [{ value: 'lost-answer' }])).rejects.toThrow('NOT_LEADER_OR_FOLLOWER');
    // A new kafkajs producer (new producer id, sequence numbers from zero) replaced the old one.
    expect(producers).toHaveLength(2);
    expect(producers[0].disconnects).toBe(1);
    expect(replaced).toHaveLength(1);

    await output.send('t', [{ value: 'next' }]);
    // The old producer never sends different records with the sequence numbers it rolled back.
    expect(producers[0].batches.map(values)).toEqual([['lost-answer']]);
    expect(producers[1].connects).toBe(1);
    expect(producers[1].batches.map(values)).toEqual([['next']]);
  });

  it('keeps the producer after a send that succeeded', async () => {
    const { kafka, producers } = fakeKafka();
    const output = new BatchingProducer(kafka);
    await output.send('t', [{ value: 'a' }]);
    await output.send('t', [{ value: 'b' }]);
    expect(producers).toHaveLength(1);
    expect(producers[0].connects).toBe(1);
  });
});
