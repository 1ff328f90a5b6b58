import { ManagementClient, PublisherClient, tlsCredentials, type ClientOptions } from '@webhooks/client';
import { ATTEMPT_COMMANDS } from './attempt.commands';
import { overview, parseCommandLine } from './cli-args';
import { Renderer, type OutputStream } from './cli-output';
import type { Command, CommandContext, GlobalOptions } from './command';
import { ENDPOINT_COMMANDS } from './endpoint.commands';
import { EVENT_TYPE_COMMANDS } from './event-type.commands';
import { EXIT, UsageError, type ExitCode } from './exit-codes';
import { REPLAY_COMMANDS } from './replay.commands';
import { SEND_TEST_COMMANDS } from './send-test.command';
import { TENANT_COMMANDS } from './tenant.commands';

export const COMMANDS: readonly Command[] = [
  ...ENDPOINT_COMMANDS,
  ...SEND_TEST_COMMANDS,
  ...ATTEMPT_COMMANDS,
  ...REPLAY_COMMANDS,
  ...TENANT_COMMANDS,
  ...EVENT_TYPE_COMMANDS,
];

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
}

/** Runs one command line and returns the exit code (see exit-codes.ts); never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const json = argv.includes('--json');
  const out = new Renderer(io.stdout, io.stderr, json);
  if (argv.length === 0) {
    io.stderr.write(`${overview(COMMANDS)}\n`);
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseCommandLine(argv, io.env, COMMANDS);
  } catch (error) {
    const exit = out.failure(error);
    if (error instanceof UsageError) io.stderr.write('run `webhooks --help` for the commands\n');
    return exit;
  }
  if (parsed.kind === 'help') {
    io.stdout.write(`${parsed.text}\n`);
    return EXIT.ok;
  }
  const context = commandContext(parsed.global, out, io.signal);
  try {
    await parsed.command.run(context, parsed.input);
    return EXIT.ok;
  } catch (error) {
    return out.failure(error);
  } finally {
    context.close();
  }
}

function commandContext(global: GlobalOptions, out: Renderer, signal: AbortSignal): CommandContext & { close(): void } {
  const metadata: Record<string, string> = global.apiKey ? { authorization: `Bearer ${global.apiKey}` } : {};
  let management: ManagementClient | undefined;
  let publisher: PublisherClient | undefined;
  // Read on first use, inside the command: a missing file is reported like any other failure.
  const connection = (address: string): ClientOptions => {
    if (!global.tls) return { address, metadata };
    try {
      return { address, metadata, credentials: tlsCredentials(global.tls) };
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  return {
    global,
    out,
    signal,
    management: () => (management ??= new ManagementClient(connection(global.management))),
    publisher: () => (publisher ??= new PublisherClient({ ...connection(global.ingestion), maxRetries: 2 })),
    tenant: () => {
      if (!global.tenant) throw new UsageError('this command needs a tenant: --tenant <id> or WEBHOOKS_TENANT');
      return global.tenant;
    },
    close: () => {
      management?.close();
      publisher?.close();
    },
  };
}
