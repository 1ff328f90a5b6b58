import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Options } from '@grpc/proto-loader';

/**
 * Directory holding `webhooks/v1/*.proto`. Found by walking up from this file so it works
 * from sources (tests), from `dist/` and from a container image that copies `proto/`.
 */
export function protoRoot(): string {
  if (process.env.PROTO_ROOT) return process.env.PROTO_ROOT;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'proto', 'webhooks', 'v1'))) return join(dir, 'proto');
  }
  throw new Error('proto/ directory not found; set PROTO_ROOT');
}

export const PROTO_FILES = {
  ingestion: 'webhooks/v1/ingestion.proto',
  management: 'webhooks/v1/management.proto',
} as const;

/**
 * proto-loader options shared by servers and clients. They match the flags the contracts were
 * generated with (proto/generate.mjs), so the generated `__Output` types describe what arrives.
 */
export const PROTO_LOADER_OPTIONS: Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};
