import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The payload store (messages) for resend and recover; endpoint health (failing_since,
 * disabled_reason); the attempt time joins the attempts key so replayed attempts get rows.
 */
export class ReplayAndEndpointHealth1764600000000 implements MigrationInterface {
  name = 'ReplayAndEndpointHealth1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "messages" ("event_id" text NOT NULL, "tenant_id" text NOT NULL, "event_type" text NOT NULL, "payload" bytea NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_46b8af64422890b3ca2511cb31d" PRIMARY KEY ("event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "messages_tenant_time_idx" ON "messages" ("tenant_id", "published_at")`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "disabled_reason" text`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "failing_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "PK_f7460073f47d9196f6de185aa2f"`);
    await queryRunner.query(
      `ALTER TABLE "attempts" ADD CONSTRAINT "PK_a733494de37066c2ee697f360ca" PRIMARY KEY ("message_id", "attempt", "outcome", "attempted_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "attempts" DROP CONSTRAINT "PK_a733494de37066c2ee697f360ca"`);
    // Replays may have logged the same (message, attempt, outcome) twice: keep the earliest.
    await queryRunner.query(
      `DELETE FROM "attempts" a USING "attempts" b WHERE a.message_id = b.message_id AND a.attempt = b.attempt AND a.outcome = b.outcome AND a.attempted_at > b.attempted_at`,
    );
    await queryRunner.query(
      `ALTER TABLE "attempts" ADD CONSTRAINT "PK_f7460073f47d9196f6de185aa2f" PRIMARY KEY ("message_id", "attempt", "outcome")`,
    );
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "failing_since"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "disabled_reason"`);
    await queryRunner.query(`DROP INDEX "public"."messages_tenant_time_idx"`);
    await queryRunner.query(`DROP TABLE "messages"`);
  }
}
