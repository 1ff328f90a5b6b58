import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The attempts key leads with the attempt time: (attempted_at, message_id, attempt, outcome)
 * instead of (message_id, attempt, outcome, attempted_at) — the same columns, so the same rows
 * are unique and a re-consumed attempt record is still refused.
 *
 * Message ids are hashes (of event and endpoint), so a key led by one took every new row at a
 * random leaf page; led by the time, new rows go to the right edge, as the time index's did.
 * That time index (`attempts_time_idx`, read only by retention's purge) is then redundant — the
 * key's leading column serves `attempted_at < cutoff` — and goes. One index less to maintain and
 * one random one made sequential. PostgreSQL's CPU per stored row, 400,000 rows already in the
 * table: 20.7–24.0 → 14.3–14.4 µs (empty table: 15.6–16.4 → 11.2–11.8;
 * `npx tsx test/bench/micro/attempt-insert.ts 100000 165 400000`, docs/performance.md session 8).
 * The key also matches the delivery log's order (attempted_at, message_id, attempt, outcome).
 *
 * Rebuilding a primary key holds the table exclusively while the index builds: on a large
 * attempts table, run this in a quiet period (docs/operations.md). The attempt log's writes wait
 * meanwhile (its records stay in Kafka until they are stored); nothing else writes attempts.
 */
export class AttemptsKeyedByTime1764900000000 implements MigrationInterface {
  name = 'AttemptsKeyedByTime1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "PK_a733494de37066c2ee697f360ca"`);
    await queryRunner.query(
      `ALTER TABLE "attempts" ADD CONSTRAINT "PK_a733494de37066c2ee697f360ca" PRIMARY KEY ("attempted_at", "message_id", "attempt", "outcome")`,
    );
    await queryRunner.query(`DROP INDEX "public"."attempts_time_idx"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "attempts_time_idx" ON "attempts" ("attempted_at") `);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "PK_a733494de37066c2ee697f360ca"`);
    await queryRunner.query(
      `ALTER TABLE "attempts" ADD CONSTRAINT "PK_a733494de37066c2ee697f360ca" PRIMARY KEY ("message_id", "attempt", "outcome", "attempted_at")`,
    );
  }
}
