import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from './wait-for';

export type ServiceName = 'ingestion' | 'subscriptions' | 'dispatcher';

/** Repository root (where package.json and dist/ live). */
export const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Environment the runtime under a service reads at start (not the service's config): the same as
 * the production image's `ENV` (deploy/docker/Dockerfile; service-process.spec.ts checks they
 * match), so local, test and bench processes run as deployed. An explicit value in the parent's
 * or the service's environment wins.
 *
 * - `MALLOC_ARENA_MAX=2`: glibc gives every thread that allocates its own malloc arena, up to
 *   8 per core, and each keeps freed memory it does not return; Node's V8 and libuv threads made
 *   ~20 MB of a service's resident memory at max rate (docs/performance.md, session 9).
 */
export const SERVICE_RUNTIME_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/**
 * Node.js flags each service runs with: the Helm chart's `<service>.nodeArgs` defaults
 * (service-process.spec.ts checks they match). The dispatcher's larger young generation halves
 * its scavenges at max rate (docs/performance.md, session 9).
 */
export const SERVICE_NODE_ARGS: Readonly<Record<ServiceName, readonly string[]>> = {
  ingestion: [],
  subscriptions: [],
  dispatcher: ['--max-semi-space-size=32'],
};

/**
 * One platform service running as its own Node process from the built `dist/`, exactly as in
 * production. Its JSON log goes to `<logDir>/<name>.log`. `start()` resolves when /readyz says 200.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    readonly name: ServiceName,
    readonly env: Record<string, string>,
    readonly httpPort: number,
    private readonly logDir: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Started and not exited. */
  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(timeoutMs = 90_000): Promise<void> {
    const main = join(REPO_ROOT, 'dist/apps', this.name, 'src/main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
    mkdirSync(this.logDir, { recursive: true });
    const log = createWriteStream(join(this.logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [...SERVICE_NODE_ARGS[this.name], '--enable-source-maps', main], {
      env: {
        ...SERVICE_RUNTIME_ENV,
        ...process.env,
        ...this.env,
        HTTP_PORT: String(this.httpPort),
        HTTP_HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.exited = new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    await waitFor(
      `${this.name} to become ready (log: ${join(this.logDir, `${this.name}.log`)})`,
      async () => {
        if (exitCode !== undefined) throw new Error(`${this.name} exited with ${exitCode} during start-up`);
        const response = await fetch(`http://127.0.0.1:${this.httpPort}/readyz`);
        return response.status === 200;
      },
      timeoutMs,
      250,
    ).catch((error: unknown) => {
      if (exitCode !== undefined)
        throw new Error(`${this.name} exited with ${exitCode} during start-up; see ${this.logDir}/${this.name}.log`);
      throw error;
    });
  }

  /** Sends `signal` and resolves with the exit code once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null)
      return this.child?.exitCode ?? null;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited!;
    } finally {
      clearTimeout(timer);
    }
  }
}
