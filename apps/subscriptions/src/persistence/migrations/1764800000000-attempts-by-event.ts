import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery-log reads. Attempts by event: ListAttempts filtered by event_id (the usual "what
 * became of my event") reads this index instead of every attempt of the tenant since the event.
 *
 * Each endpoint and each event belongs to one tenant. Without saying so, the planner multiplies
 * the selectivities of `endpoint_id = $1` and `tenant_id = $2`, expects a handful of rows, and
 * bitmap-scans and sorts ALL the endpoint's attempts instead of reading the newest page backward
 * from attempts_endpoint_time_idx (measured: 1,191 buffers against 55 for 2,000 attempts of one
 * endpoint). Dependency statistics tell it the tenant adds nothing once the endpoint is known.
 */
export class AttemptsByEvent1764800000000 implements MigrationInterface {
  name = 'AttemptsByEvent1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "attempts_event_time_idx" ON "attempts" ("event_id", "attempted_at") `);
    await queryRunner.query(
      `CREATE STATISTICS "attempts_endpoint_tenant_stats" (dependencies) ON "endpoint_id", "tenant_id" FROM "attempts"`,
    );
    await queryRunner.query(
      `CREATE STATISTICS "attempts_event_tenant_stats" (dependencies) ON "event_id", "tenant_id" FROM "attempts"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP STATISTICS "public"."attempts_event_tenant_stats"`);
    await queryRunner.query(`DROP STATISTICS "public"."attempts_endpoint_tenant_stats"`);
    await queryRunner.query(`DROP INDEX "public"."attempts_event_time_idx"`);
  }
}
