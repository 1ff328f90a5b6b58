import 'reflect-metadata';
import { DataSource } from 'typeorm';
// One of the two e2e tests that import app code (attempt-store.e2e.spec.ts is the other): what
// it checks is the subscriptions app's own schema description (entities + committed migrations),
// not a running service. Moving that description into a lib would split the entities from their
// module, so the import stays, narrowly allowed.
// eslint-disable-next-line @nx/enforce-module-boundaries -- reads the app's data-source description only
import { dataSourceOptions } from '../../apps/subscriptions/src/persistence/data-source';
import { e2eStack } from '../setup/env';

/**
 * The committed migrations describe exactly the entities: after running them on a fresh schema
 * TypeORM finds nothing left to change, and they roll back cleanly. Fails when an entity
 * changed without a migration.
 */
describe('database migrations', () => {
  it('leave no pending schema change and can be reverted', async () => {
    // A database of its own, so the check never touches the one the services use.
    const database = `migcheck_${Date.now().toString(36)}`;
    const admin = new DataSource({ type: 'postgres', url: e2eStack().databaseUrl });
    await admin.initialize();
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(e2eStack().databaseUrl);
    url.pathname = `/${database}`;
    const ds = new DataSource(dataSourceOptions(url.toString()));
    try {
      await ds.initialize();
      const applied = await ds.runMigrations();
      expect(applied.length).toBeGreaterThan(0);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration();
      const tables = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
      );
      expect(tables).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await admin.query(`DROP DATABASE "${database}"`);
      await admin.destroy();
    }
  });
});
