import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-endpoint retry policy, rate limit and ordering. */
export class EndpointDeliveryOptions1764500000000 implements MigrationInterface {
  name = 'EndpointDeliveryOptions1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "retry_policy" jsonb`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "rate_limit_per_second" integer`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "rate_limit_burst" integer`);
    await queryRunner.query(`ALTER TABLE "endpoints" ADD "ordered" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "ordered"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "rate_limit_burst"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "rate_limit_per_second"`);
    await queryRunner.query(`ALTER TABLE "endpoints" DROP COLUMN "retry_policy"`);
  }
}
