import { z } from 'zod';

/** One environment variable: how to parse it, what it means, and whether it may be logged. */
export interface ConfigVariable<T> {
  description: string;
  /** Sensitive values are never printed, not even in validation errors. */
  sensitive?: boolean;
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
}

export type ConfigSchema = Record<string, ConfigVariable<unknown>>;
export type ConfigOf<S extends ConfigSchema> = {
  readonly [K in keyof S]: S[K] extends ConfigVariable<infer T> ? T : never;
};

export function variable<T>(
  description: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  sensitive = false,
): ConfigVariable<T> {
  return { description, schema, sensitive };
}

/** Thrown at boot when the environment does not satisfy an app's schema; names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates `env` against `schema` and returns typed values. Empty strings count as unset
 * so `FOO=` falls back to the default instead of failing in surprising ways.
 */
export function loadConfig<S extends ConfigSchema>(schema: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) {
    const raw = env[name] === '' ? undefined : env[name];
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) {
      values[name] = parsed.data;
    } else {
      const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
      const shown = spec.sensitive || raw === undefined ? '' : ` (got "${raw}")`;
      problems.push(`${name}: ${reason}${shown} — ${spec.description}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return values as ConfigOf<S>;
}

/** A Markdown table of the schema, for docs and `--help`. */
export function describeConfig(schema: ConfigSchema): string {
  const rows = Object.entries(schema).map(([name, spec]) => {
    const def = spec.schema.safeParse(undefined);
    const shown = def.success ? (spec.sensitive ? '(set)' : `\`${JSON.stringify(def.data)}\``) : 'required';
    return `| \`${name}\` | ${shown} | ${spec.sensitive ? 'yes' : 'no'} | ${spec.description} |`;
  });
  return ['| variable | default | sensitive | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
