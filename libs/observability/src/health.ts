/** A named readiness probe; `/readyz` is ready only when every registered check passes. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean> | boolean;
}

/** Collects the readiness checks of a service's components. */
export class Readiness {
  private readonly checks: ReadinessCheck[] = [];
  private shuttingDown = false;

  register(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  /** After SIGTERM the service reports not-ready so load balancers drain it first. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async evaluate(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const results: Record<string, boolean> = {};
    await Promise.all(
      this.checks.map(async (readinessCheck) => {
        try {
          results[readinessCheck.name] = await readinessCheck.check();
        } catch {
          results[readinessCheck.name] = false;
        }
      }),
    );
    const ready = !this.shuttingDown && Object.values(results).every(Boolean);
    return { ready, checks: results };
  }
}
