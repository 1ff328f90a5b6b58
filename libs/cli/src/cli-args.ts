import { parseArgs } from 'node:util';
import type { Command, CommandInput, GlobalOptions, OptionSpecs, OptionValues } from './command';
import { UsageError } from './exit-codes';

/** Flags every command takes; each has an environment fallback so scripts can set them once. */
export const GLOBAL_OPTIONS: OptionSpecs = {
  management: { type: 'string' },
  ingestion: { type: 'string' },
  'api-key': { type: 'string' },
  tenant: { type: 'string' },
  'tls-ca': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const GLOBAL_HELP: Record<string, string> = {
  management: 'host:port of the management API (gRPC) [env WEBHOOKS_MANAGEMENT_URL, default localhost:50062]',
  ingestion: 'host:port of ingestion (gRPC) [env WEBHOOKS_INGESTION_URL, default localhost:50061]',
  'api-key': 'API key, sent as `authorization: Bearer <key>` [env WEBHOOKS_API_KEY]',
  tenant: 'tenant the command acts on [env WEBHOOKS_TENANT]',
  'tls-ca': 'dial over TLS, trusting this PEM CA for the servers [env WEBHOOKS_TLS_CA]',
  'tls-cert': 'client certificate (PEM) for mutual TLS; implies TLS [env WEBHOOKS_TLS_CERT]',
  'tls-key': 'key of --tls-cert (PEM) [env WEBHOOKS_TLS_KEY]',
  json: 'machine output: one JSON document on stdout (attempts tail: one per line)',
  help: 'help for the command',
};

export type ParsedCommandLine =
  | { kind: 'run'; command: Command; input: CommandInput; global: GlobalOptions }
  | { kind: 'help'; text: string };

/**
 * Splits a command line into the command (its one or two words, e.g. `endpoints create`),
 * its positional arguments and flags, and the global flags. Command words come before the
 * command's own flags; global flags may go anywhere. Anything unknown is a UsageError.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  commands: readonly Command[],
): ParsedCommandLine {
  const { words, indexes } = commandWords(argv);
  const command =
    commands.find((c) => c.path.length === 2 && c.path[0] === words[0] && c.path[1] === words[1]) ??
    commands.find((c) => c.path.length === 1 && c.path[0] === words[0]);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  if (!command) {
    const group = commands.filter((c) => c.path[0] === words[0]);
    if (words.length === 0 && wantsHelp) return { kind: 'help', text: overview(commands) };
    if (group.length && (wantsHelp || words.length === 1)) {
      if (wantsHelp) return { kind: 'help', text: overview(group) };
      throw new UsageError(`${words[0]}: which one? ${group.map((c) => c.path[1]).join(', ')}`);
    }
    throw new UsageError(words.length ? `unknown command: ${words.join(' ')}` : 'no command given');
  }
  const rest = argv.filter((_token, index) => !indexes.slice(0, command.path.length).includes(index));
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    const result = parseArgs({
      args: [...rest],
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    parsed = { values: result.values, positionals: result.positionals };
  } catch (error) {
    throw new UsageError(`${command.path.join(' ')}: ${(error as Error).message}`);
  }
  if (parsed.values.help) return { kind: 'help', text: commandHelp(command) };
  const required = command.args.filter((a) => a.startsWith('<')).length;
  if (parsed.positionals.length < required || parsed.positionals.length > command.args.length)
    throw new UsageError(`usage: webhooks ${command.path.join(' ')} ${command.args.join(' ')}`.trimEnd());
  return {
    kind: 'run',
    command,
    input: { args: parsed.positionals, options: parsed.values },
    global: globalOptions(parsed.values, env),
  };
}

/** Indexes of the leading command words in argv, skipping global flags and their values. */
function commandWords(argv: readonly string[]): { words: string[]; indexes: number[] } {
  const words: string[] = [];
  const indexes: number[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const token = argv[i];
    if (token.startsWith('-')) {
      const name = token.replace(/^-+/, '');
      const spec = GLOBAL_OPTIONS[name];
      if (!spec) break; // a command flag: the words are behind us
      if (spec.type === 'string' && !token.includes('=')) i++;
      continue;
    }
    words.push(token);
    indexes.push(i);
  }
  return { words, indexes };
}

function globalOptions(values: OptionValues, env: Readonly<Record<string, string | undefined>>): GlobalOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const tls = {
    caFile: text('tls-ca') ?? (env.WEBHOOKS_TLS_CA || undefined),
    certFile: text('tls-cert') ?? (env.WEBHOOKS_TLS_CERT || undefined),
    keyFile: text('tls-key') ?? (env.WEBHOOKS_TLS_KEY || undefined),
  };
  if (!tls.certFile !== !tls.keyFile) throw new UsageError('--tls-cert and --tls-key go together');
  return {
    management: text('management') ?? env.WEBHOOKS_MANAGEMENT_URL ?? 'localhost:50062',
    ingestion: text('ingestion') ?? env.WEBHOOKS_INGESTION_URL ?? 'localhost:50061',
    apiKey: text('api-key') ?? (env.WEBHOOKS_API_KEY || undefined),
    tenant: text('tenant') ?? (env.WEBHOOKS_TENANT || undefined),
    ...(tls.caFile || tls.certFile ? { tls } : {}),
    json: values.json === true,
  };
}

export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => `${c.path.join(' ')} ${c.args.join(' ')}`.length));
  return [
    'usage: webhooks <command> [flags]',
    '',
    'commands:',
    ...commands.map((c) => `  ${`${c.path.join(' ')} ${c.args.join(' ')}`.padEnd(width)}  ${c.summary}`),
    '',
    'global flags:',
    ...flagLines(GLOBAL_OPTIONS, GLOBAL_HELP),
    '',
    'exit codes: 0 ok, 1 API error, 2 usage error, 3 service unreachable',
    "`webhooks <command> --help` describes a command's flags.",
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const own = flagLines(command.options, command.help ?? {});
  return [
    `usage: webhooks ${command.path.join(' ')} ${command.args.join(' ')} [flags]`.replace(/ +\[/, ' ['),
    '',
    command.summary,
    ...(own.length ? ['', 'flags:', ...own] : []),
    '',
    'global flags:',
    ...flagLines(GLOBAL_OPTIONS, GLOBAL_HELP),
  ].join('\n');
}

function flagLines(options: OptionSpecs, help: Record<string, string>): string[] {
  return Object.entries(options).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ' <value>' : ''}${spec.multiple ? ' (repeatable)' : ''}`;
    return `  ${flag.padEnd(34)} ${help[name] ?? ''}`.trimEnd();
  });
}

// Flag value readers for commands: each refuses a bad value with a UsageError naming the flag.

export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(options: OptionValues, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function intOption(options: OptionValues, name: string, min = 0): number | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name}: must be an integer >= ${min}`);
  return Number(text);
}

/** `--header name=value`, repeatable. */
export function headersOption(options: OptionValues, name: string): Record<string, string> | undefined {
  const pairs = listOption(options, name);
  if (!pairs.length) return undefined;
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--${name}: expected name=value, got "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

/**
 * A point in time: RFC 3339 (`2025-01-31T10:00:00Z`) or an age (`90s`, `15m`, `2h`, `7d`) meaning
 * that long before `now`. Returned as RFC 3339, what the API takes.
 */
export function timeOption(options: OptionValues, name: string, now = Date.now()): string | undefined {
  const text = stringOption(options, name);
  if (text === undefined) return undefined;
  const age = /^(\d+)(s|m|h|d)$/.exec(text);
  if (age) {
    const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[age[2] as 's' | 'm' | 'h' | 'd'];
    return new Date(now - Number(age[1]) * unit).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString();
  throw new UsageError(`--${name}: expected RFC 3339 (2025-01-31T10:00:00Z) or an age (15m, 2h, 7d), got "${text}"`);
}
