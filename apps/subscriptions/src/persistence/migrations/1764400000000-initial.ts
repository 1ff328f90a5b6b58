import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, endpoints, the endpoint outbox and the attempt log. */
export class Initial1764400000000 implements MigrationInterface {
  name = 'Initial1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tenants" ("id" text NOT NULL, "name" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53be67a04681c66b87ee27c9321" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "endpoints" ("id" text NOT NULL, "tenant_id" text NOT NULL, "url" text NOT NULL, "event_types" text array NOT NULL DEFAULT '{}', "description" text NOT NULL DEFAULT '', "secret" text NOT NULL, "disabled" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_70835610dfa54ad5d990e02f70a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "endpoints_tenant_live_idx" ON "endpoints" ("tenant_id", "id") WHERE deleted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "endpoint_outbox" ("id" BIGSERIAL NOT NULL, "endpoint_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ead545dcd82148a2cc9d72806e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "attempts" ("message_id" text NOT NULL, "attempt" integer NOT NULL, "outcome" text NOT NULL, "event_id" text NOT NULL, "tenant_id" text NOT NULL, "event_type" text NOT NULL, "endpoint_id" text NOT NULL, "status_code" integer, "error" text, "duration_ms" integer NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f7460073f47d9196f6de185aa2f" PRIMARY KEY ("message_id", "attempt", "outcome"))`,
    );
    await queryRunner.query(`CREATE INDEX "attempts_tenant_time_idx" ON "attempts" ("tenant_id", "attempted_at")`);
    await queryRunner.query(`CREATE INDEX "attempts_endpoint_time_idx" ON "attempts" ("endpoint_id", "attempted_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."attempts_endpoint_time_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attempts_tenant_time_idx"`);
    await queryRunner.query(`DROP TABLE "attempts"`);
    await queryRunner.query(`DROP TABLE "endpoint_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."endpoints_tenant_live_idx"`);
    await queryRunner.query(`DROP TABLE "endpoints"`);
    await queryRunner.query(`DROP TABLE "tenants"`);
  }
}
