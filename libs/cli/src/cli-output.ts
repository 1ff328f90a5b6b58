import type { ServiceError } from '@grpc/grpc-js';
import { GrpcStatus } from '@webhooks/client';
import { EXIT, UsageError, type ExitCode } from './exit-codes';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | undefined;
}

/**
 * Everything the CLI prints goes through here. Results go to stdout: with --json exactly one
 * JSON document (the API's response), otherwise text for people. Notes, progress and errors go
 * to stderr, so stdout stays parseable.
 */
export class Renderer {
  constructor(
    readonly stdout: OutputStream,
    readonly stderr: OutputStream,
    readonly json: boolean,
  ) {}

  /** A command's result: `data` as JSON, or `text()` for people. */
  result(data: unknown, text: () => string): void {
    this.stdout.write(this.json ? `${JSON.stringify(data, null, 2)}\n` : ensureNewline(text()));
  }

  /** One JSON object per line (streaming commands), or text. */
  streamed(data: unknown, text: () => string): void {
    this.stdout.write(this.json ? `${JSON.stringify(data)}\n` : ensureNewline(text()));
  }

  /** A human-only note on stderr; silent with --json. */
  note(text: string): void {
    if (!this.json) this.stderr.write(ensureNewline(text));
  }

  /** Prints the failure on stderr and returns the exit code it means. */
  failure(error: unknown): ExitCode {
    const { exit, code, message } = describeFailure(error);
    this.stderr.write(
      this.json ? `${JSON.stringify({ error: { code, message } })}\n` : `error: ${code ? `${code}: ` : ''}${message}\n`,
    );
    return exit;
  }
}

/**
 * What a failure means for the exit code: a UsageError is 2; a gRPC status is 1, except
 * UNAVAILABLE (nothing answered: wrong address, service down) which is 3; anything else is 1.
 */
export function describeFailure(error: unknown): { exit: ExitCode; code?: string; message: string } {
  if (error instanceof UsageError) return { exit: EXIT.usage, message: error.message };
  const grpcError = error as Partial<ServiceError>;
  if (typeof grpcError.code === 'number') {
    const code = (GrpcStatus as unknown as Record<number, string>)[grpcError.code] ?? 'UNKNOWN';
    return {
      exit: grpcError.code === GrpcStatus.UNAVAILABLE ? EXIT.unreachable : EXIT.apiError,
      code,
      message: grpcError.details || grpcError.message || '',
    };
  }
  return { exit: EXIT.apiError, message: error instanceof Error ? error.message : String(error) };
}

/** Rows as aligned columns with a header; `(none)` when empty. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  if (!rows.length) return '(none)';
  const cells = rows.map((row) => columns.map((column) => display(column.value(row))));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => (i === values.length - 1 ? value : value.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

/** An object as `key: value` lines; nested objects and lists as compact JSON; empty values left out. */
export function formatRecord(record: object): string {
  const entries = Object.entries(record).filter(
    ([, value]) =>
      value !== undefined &&
      value !== null &&
      value !== '' &&
      !(Array.isArray(value) && value.length === 0) &&
      !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0),
  );
  const width = Math.max(0, ...entries.map(([key]) => key.length));
  return entries.map(([key, value]) => `${`${key}:`.padEnd(width + 1)} ${display(value)}`).join('\n');
}

function display(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
