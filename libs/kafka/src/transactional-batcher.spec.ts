import type { Offsets, ProducerBatch } from 'kafkajs';
import { FakeProducerBase, fakeKafka as fakeKafkaOf } from './fake-producers.testing';
import { TransactionalBatcher } from './transactional-batcher';

/** kafkajs transactional producers as plain objects: the grouping and recovery logic is what is tested. */
class FakeTransaction {
  readonly batches: ProducerBatch[] = [];
  offsets?: Offsets & { consumerGroupId: string };
  state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(private readonly producer: FakeProducer) {}

  async sendBatch(batch: ProducerBatch): Promise<[]> {
    await this.producer.pass();
    this.batches.push(batch);
    const failure = this.producer.failNext;
    this.producer.failNext = undefined;
    if (failure) throw failure;
    return [];
  }

  sendOffsets(offsets: Offsets & { consumerGroupId: string }): Promise<void> {
    this.offsets = offsets;
    return Promise.resolve();
  }

  commit(): Promise<void> {
    this.state = 'committed';
    return Promise.resolve();
  }

  abort(): Promise<void> {
    this.state = 'aborted';
    return Promise.resolve();
  }
}

class FakeProducer extends FakeProducerBase {
  readonly transactions: FakeTransaction[] = [];

  transaction(): Promise<FakeTransaction> {
    const transaction = new FakeTransaction(this);
    this.transactions.push(transaction);
    return Promise.resolve(transaction);
  }
}

const fakeKafka = () => fakeKafkaOf(() => new FakeProducer());

const write = (partition: number, offset: string, ...values: string[]) => ({
  topicMessages: [{ topic: 'tasks', messages: values.map((value) => ({ value })) }],
  offsets: [{ topic: 'events', partition, offset }],
});

const values = (t: FakeTransaction) =>
  t.batches.flatMap((b) => b.topicMessages!.flatMap((tm) => tm.messages.map((m) => String(m.value))));

describe('TransactionalBatcher', () => {
  it('commits callers that arrive during a transaction together, with all their offsets, in the next one', async () => {
    const { kafka, producers } = fakeKafka();
    const output = new TransactionalBatcher(kafka, { transactionalId: 'fanout-1', consumerGroupId: 'fanout' });
    await output.connect();
    producers[0].blocked = true;
    const first = output.commit(write(0, '11', 'a'));
    const queued = [output.commit(write(1, '5', 'b')), output.commit(write(2, '8', 'c', 'd'))];
    producers[0].unblock();
    await Promise.all([first, ...queued]);

    const [one, two] = producers[0].transactions;
    expect(producers[0].transactions).toHaveLength(2);
    expect(values(one)).toEqual(['a']);
    expect(values(two)).toEqual(['b', 'c', 'd']);
    expect(two.offsets).toEqual({
      consumerGroupId: 'fanout',
      topics: [
        {
          topic: 'events',
          partitions: [
            { partition: 1, offset: '5' },
            { partition: 2, offset: '8' },
          ],
        },
      ],
    });
    expect([one.state, two.state]).toEqual(['committed', 'committed']);
  });

  it('keeps the highest offset when two callers name the same partition', async () => {
    const { kafka, producers } = fakeKafka();
    const output = new TransactionalBatcher(kafka, { transactionalId: 'fanout-1', consumerGroupId: 'fanout' });
    producers[0].blocked = true;
    const first = output.commit(write(0, '3', 'x'));
    const later = [output.commit(write(0, '9', 'y')), output.commit(write(0, '7', 'z'))];
    producers[0].unblock();
    await Promise.all([first, ...later]);
    expect(producers[0].transactions[1].offsets?.topics).toEqual([
      { topic: 'events', partitions: [{ partition: 0, offset: '9' }] },
    ]);
  });

  it('after a failed transaction, aborts it, rejects every caller in it and re-initialises the producer first', async () => {
    const { kafka, producers } = fakeKafka();
    const replaced: number[] = [];
    const output = new TransactionalBatcher(kafka, {
      transactionalId: 'fanout-1',
      consumerGroupId: 'fanout',
      onReplaced: () => replaced.push(1),
    });
    await output.connect();
    producers[0].blocked = true;
    producers[0].failNext = new Error('NOT_COORDINATOR');
    const failed = [output.commit(write(0, '1', 'a')), output.commit(write(1, '1', 'b'))];
    producers[0].unblock();
    // The first transaction (a) fails; b was queued behind it and goes in the next one.
    await expect(failed[0]).rejects.toThrow('NOT_COORDINATOR');
    await failed[1];

    expect(producers[0].transactions[0].state).toBe('aborted');
    // b went through a new producer (InitProducerId again: epoch bumped, sequences from zero).
    expect(producers).toHaveLength(2);
    expect(producers[0].disconnects).toBe(1);
    expect(producers[1].connects).toBe(1);
    expect(values(producers[1].transactions[0])).toEqual(['b']);
    expect(replaced).toHaveLength(1);
  });
});
