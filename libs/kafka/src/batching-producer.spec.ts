import type { ProducerBatch } from 'kafkajs';
import { BatchingProducer } from './batching-producer';
import { FakeProducerBase, fakeKafka as fakeKafkaOf } from './fake-producers.testing';

/** kafkajs producers as plain objects: the batching and replacement logic is what is tested. */
class FakeProducer extends FakeProducerBase {
  readonly batches: ProducerBatch[] = [];

  async sendBatch(batch: ProducerBatch): Promise<[]> {
    await this.pass();
    this.batches.push(batch);
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    return [];
  }
}

const fakeKafka = () => fakeKafkaOf(() => new FakeProducer());

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

  it("merges one flush's records of a topic with that topic's combiner, resolving every caller", async () => {
    const { kafka, producers } = fakeKafka();
    const joinAll = (messages: { value: unknown }[]) => [{ value: messages.map((m) => String(m.value)).join('+') }];
    const output = new BatchingProducer(kafka, { combine: new Map([['log', joinAll]]) });
    await output.connect();
    producers[0].blocked = true;
    const first = output.send('log', [{ value: 'a' }]);
    const queued = [
      output.sendMany([
        { topic: 'log', messages: [{ value: 'b' }] },
        { topic: 't', messages: [{ value: 'x' }] },
      ]),
      output.send('log', [{ value: 'c' }]),
      output.send('t', [{ value: 'y' }]),
    ];
    producers[0].unblock();
    await Promise.all([first, ...queued]);
    expect(producers[0].batches.map(values)).toEqual([['a'], ['b+c', 'x', 'y']]);
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
