/** Connection details of the e2e stack started by global-setup.ts. */
export function e2eStack(): { kafkaBrokers: string; databaseUrl: string } {
  const kafkaBrokers = process.env.E2E_KAFKA_BROKERS;
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!kafkaBrokers || !databaseUrl) throw new Error('e2e stack not started (run through jest --selectProjects e2e)');
  return { kafkaBrokers, databaseUrl };
}
