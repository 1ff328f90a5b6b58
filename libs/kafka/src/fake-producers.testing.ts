import type { Kafka, Producer } from 'kafkajs';

/**
 * Test support for the producer wrappers' unit tests (not exported from the library): what every
 * fake kafkajs producer has — connection counters, a failure to inject, and a gate a fake send
 * can wait at so callers queue up behind a request in flight — and a `Kafka` whose `producer()`
 * hands out fakes and keeps them for inspection.
 */
export class FakeProducerBase {
  connects = 0;
  disconnects = 0;
  /** Thrown by the next send, once. */
  failNext?: Error;
  /** While set, `pass()` waits until `unblock()`. */
  blocked = false;
  private release?: () => void;

  connect(): Promise<void> {
    this.connects += 1;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.disconnects += 1;
    return Promise.resolve();
  }

  async pass(): Promise<void> {
    if (this.blocked) await new Promise<void>((resolve) => (this.release = resolve));
  }

  unblock(): void {
    this.blocked = false;
    this.release?.();
  }
}

export function fakeKafka<P>(create: () => P): { kafka: Kafka; producers: P[] } {
  const producers: P[] = [];
  const kafka = {
    producer: () => {
      const producer = create();
      producers.push(producer);
      return producer as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}
