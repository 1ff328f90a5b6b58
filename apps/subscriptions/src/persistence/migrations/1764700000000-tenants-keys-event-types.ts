import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants get settings, API keys and event types; endpoints get secret rotation, signature
 * schemes, filters, transformations, custom headers and ownership verification; attempts keep
 * request headers and the response body; messages remember their source offset (idempotent
 * publish); one outbox for every kind of change; indexes for the retention purge.
 */
export class TenantsKeysEventTypes1764700000000 implements MigrationInterface {
  name = 'TenantsKeysEventTypes1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event_types" ("tenant_id" text NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "schema" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_742d712245480eec9ea52303c2f" PRIMARY KEY ("tenant_id", "name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "kind" text NOT NULL DEFAULT 'endpoint', "ref" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    // Pending endpoint changes move over in order, so none is lost by the upgrade.
    await queryRunner.query(
      `INSERT INTO "outbox" ("kind", "ref", "created_at") SELECT 'endpoint', "endpoint_id", "created_at" FROM "endpoint_outbox" ORDER BY "id"`,
    );
    await queryRunner.query(`DROP TABLE "endpoint_outbox"`);
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" text NOT NULL, "tenant_id" text, "name" text NOT NULL DEFAULT '', "admin" boolean NOT NULL DEFAULT false, "hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "api_keys_tenant_idx" ON "api_keys" ("tenant_id") `);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "request_headers" jsonb`);
    await queryRunner.query(`ALTER TABLE "attempts" ADD "response_body" text`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "previous_secret" text`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "signature_scheme" text NOT NULL DEFAULT 'standard'`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "filter" jsonb`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "transformation" text`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "headers" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "pending_verification" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "verification_error" text`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "source_partition" integer`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "source_offset" bigint`);
    await queryRunner.query(`ALTER TABLE "tenants" ADD "ingest_quota_per_second" integer`);
    await queryRunner.query(`ALTER TABLE "tenants" ADD "ingest_quota_burst" integer`);
    await queryRunner.query(`ALTER TABLE "tenants" ADD "verify_endpoints" boolean`);
    await queryRunner.query(`ALTER TABLE "tenants" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX "attempts_time_idx" ON "attempts" ("attempted_at") `);
    await queryRunner.query(`CREATE INDEX "messages_published_idx" ON "messages" ("published_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."messages_published_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attempts_time_idx"`);
    await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "verify_endpoints"`);
    await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "ingest_quota_burst"`);
    await queryRunner.query(`ALTER TABLE "tenants" DROP COLUMN "ingest_quota_per_second"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "source_offset"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "source_partition"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "verification_error"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "pending_verification"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "headers"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "transformation"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "filter"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "signature_scheme"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "previous_secret_expires_at"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "previous_secret"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP COLUMN "response_body"`);
    await queryRunner.query(`ALTER TABLE "attempts" DROP COLUMN "request_headers"`);
    await queryRunner.query(`DROP INDEX "public"."api_keys_tenant_idx"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(OLD_OUTBOX);
    await queryRunner.query(
      `INSERT INTO "endpoint_outbox" ("endpoint_id", "created_at") SELECT "ref", "created_at" FROM "outbox" WHERE "kind" = 'endpoint' ORDER BY "id"`,
    );
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "event_types"`);
  }
}

/** The outbox as 1764400000000-initial created it (restored by `down`). */
const OLD_OUTBOX = `CREATE TABLE "endpoint_outbox" ("id" BIGSERIAL NOT NULL, "endpoint_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ead545dcd82148a2cc9d72806e5" PRIMARY KEY ("id"))`;
