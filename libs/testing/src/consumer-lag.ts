import type { Admin } from 'kafkajs';
import { waitFor } from './wait-for';

/**
 * Waits until `groupId` has committed every partition of `topic` up to its end (a partition that
 * never held a record counts as caught up with no commit). The error lists each partition's end
 * and committed offset, so a stuck partition is visible at once.
 */
export async function waitForCommittedToEnd(
  admin: Admin,
  groupId: string,
  topic: string,
  timeoutMs = 40_000,
): Promise<void> {
  let report = '';
  try {
    await waitFor(
      `${groupId} to commit ${topic} to its end`,
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const at = (partition: number) => committed.partitions.find((p) => p.partition === partition)?.offset;
        report = ends.map((end) => `p${end.partition} end ${end.high} committed ${at(end.partition)}`).join(', ');
        return ends.every(
          (end) => at(end.partition) === end.high || (end.high === end.low && at(end.partition) === '-1'),
        );
      },
      timeoutMs,
      500,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${report}`);
  }
}
