import type { ParseArgsConfig } from 'node:util';
import type { ManagementClient, PublisherClient, TlsFiles } from '@webhooks/client';
import type { Renderer } from './cli-output';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Flag values after parsing: strings, booleans, or arrays for `multiple` flags. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** The global flags (and their environment fallbacks), resolved. */
export interface GlobalOptions {
  management: string;
  ingestion: string;
  apiKey?: string;
  tenant?: string;
  /** Set when any --tls-* flag (or WEBHOOKS_TLS_*) is: both services are dialled over TLS. */
  tls?: TlsFiles;
  json: boolean;
}

/** What a command runs with: clients built on first use, the renderer, and Ctrl-C. */
export interface CommandContext {
  global: GlobalOptions;
  management(): ManagementClient;
  publisher(): PublisherClient;
  out: Renderer;
  /** Aborted on SIGINT; long-running commands (attempts tail) stop cleanly. */
  signal: AbortSignal;
  /** The tenant from --tenant / WEBHOOKS_TENANT, or a UsageError. */
  tenant(): string;
}

export interface CommandInput {
  /** Positional arguments after the command words. */
  args: string[];
  options: OptionValues;
}

export interface Command {
  /** The command words, e.g. `['endpoints', 'create']`. */
  path: string[];
  /** Positional arguments, for usage text: `<url>`, `[name]`. */
  args: string[];
  summary: string;
  options: OptionSpecs;
  /** Help line per option. */
  help?: Record<string, string>;
  run(context: CommandContext, input: CommandInput): Promise<void>;
}
