export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__E2E_STACK__;
  await Promise.all([stack?.kafka?.stop(), stack?.postgres?.stop()]);
}
