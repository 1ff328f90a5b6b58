import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoRoot } from '@webhooks/contracts';
import { Prng } from './prng';
import { WireWriter } from './wire';

/** The parts of a proto-loader field descriptor the generator reads. */
interface FieldDescriptor {
  name: string;
  number: number;
  label: 'LABEL_OPTIONAL' | 'LABEL_REPEATED' | 'LABEL_REQUIRED';
  type: string;
  typeName: string;
}
interface MessageDescriptor {
  name: string;
  field: FieldDescriptor[];
}
type MessageEntry = { format: string; type: MessageDescriptor };
type MethodEntry = protoLoader.MethodDefinition<object, object> & { requestType: MessageEntry };

/** One RPC of a service found in the descriptors. */
export interface FuzzTarget {
  service: string;
  method: string;
  path: string;
  requestType: string;
  /** Which server to call: the address for this service. */
  address: string;
  decode(buffer: Buffer): Record<string, unknown>;
}

export interface FuzzOptions {
  /** proto files relative to proto/, e.g. `webhooks/v1/ingestion.proto`. */
  protoFiles: string[];
  /** `host:port` per fully-qualified service name (`webhooks.v1.Ingestion`); unlisted services are skipped. */
  addresses: Record<string, string>;
  seed: number;
  /** Stops after this many requests… */
  maxRequests: number;
  /** …or after this long, whichever comes first. */
  maxDurationMs: number;
  /** Requests in flight at once (default 16). */
  concurrency?: number;
  /** Per-call deadline (default 10 s). */
  deadlineMs?: number;
  /**
   * Metadata for every call. Plug authentication in here (e.g. `apiKeyMetadata(key)`); with
   * `undefined` calls carry none. Some calls get hostile metadata on top (see `hostileMetadata`).
   */
  metadata?: () => grpc.Metadata;
}

/** One fuzz request and its outcome. */
export interface FuzzResult {
  path: string;
  /** valid | mixed | random-frame | truncated: how the request was built. */
  shape: string;
  code: grpc.status;
  details: string;
  requestBytes: number;
  /** Decoded OK response (undefined on error). */
  response?: Record<string, unknown>;
  /** The first bytes of the request, hex, for a reproducer. */
  requestHead: string;
}

/** `authorization: Bearer <key>` metadata; the fuzzer's default provider when an API key is given. */
export function apiKeyMetadata(apiKey: string | undefined): () => grpc.Metadata {
  return () => {
    const md = new grpc.Metadata();
    if (apiKey) md.set('authorization', `Bearer ${apiKey}`);
    return md;
  };
}

/** Every RPC of every service in `protoFiles`, from proto-loader's descriptors (no hand list). */
export function fuzzTargets(options: Pick<FuzzOptions, 'protoFiles' | 'addresses'>): {
  targets: FuzzTarget[];
  messages: Map<string, MessageDescriptor>;
} {
  const definition = protoLoader.loadSync(options.protoFiles, { ...PROTO_LOADER_OPTIONS, includeDirs: [protoRoot()] });
  const messages = new Map<string, MessageDescriptor>();
  const targets: FuzzTarget[] = [];
  for (const [name, entry] of Object.entries(definition)) {
    if ('format' in entry && (entry as MessageEntry).format.startsWith('Protocol Buffer')) {
      messages.set(name, (entry as MessageEntry).type);
      continue;
    }
    const address = options.addresses[name];
    if (!address) continue;
    for (const [method, def] of Object.entries(entry as protoLoader.ServiceDefinition)) {
      const m = def as MethodEntry;
      if (m.requestStream || m.responseStream) continue; // unary only; streaming RPCs would need their own driver
      targets.push({
        service: name,
        method,
        path: m.path,
        requestType: `${name.slice(0, name.lastIndexOf('.'))}.${m.requestType.type.name}`,
        address,
        decode: (buffer) => m.responseDeserialize(buffer) as Record<string, unknown>,
      });
    }
  }
  return { targets, messages };
}

const UNICODE = ['é', 'ß', '中文', '🎉', '\u202e', '\u200b', '\u0000', '\ufeff', 'Ω≈ç√', '\ud83d\ude00', 'ﷺ', '𝕏'];
const INVALID_UTF8 = [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0x28]].map((b) =>
  Buffer.from(b),
);
const INT_BOUNDARIES = [
  0n,
  1n,
  -1n,
  2n ** 31n - 1n,
  -(2n ** 31n),
  2n ** 32n - 1n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  100n,
  101n,
];
const DOUBLE_BOUNDARIES = [0, -0, 1, -1, NaN, Infinity, -Infinity, 1e308, 5e-324, 0.5, 2];

/**
 * Grammar-aware request generator: walks a message descriptor field by field and, per field,
 * writes a plausible value, a boundary value, a value of the wrong wire type, a huge value,
 * unicode, invalid UTF-8, or nothing; adds unknown fields; sometimes sends random bytes or a
 * truncated frame instead. "Plausible" follows the field's name (url, tenant_id, event_type,
 * payload, since, ids seen in earlier responses) so a share of requests passes validation and
 * reaches the deeper code paths.
 */
export class RequestGenerator {
  /** Ids (fields named `id` or `…Id`) harvested from OK responses, reused in later requests. */
  readonly knownIds = new Set<string>();

  constructor(
    private readonly rng: Prng,
    private readonly messages: Map<string, MessageDescriptor>,
  ) {}

  request(typeName: string): { shape: string; bytes: Buffer } {
    const shape = this.rng.weighted({ valid: 30, mixed: 60, 'random-frame': 5, truncated: 5 });
    if (shape === 'random-frame') return { shape, bytes: this.rng.bytes(this.rng.int(0, 64)) };
    const bytes = this.message(typeName, shape === 'valid' ? 'valid' : 'mixed', 0);
    if (shape === 'truncated' && bytes.length > 1)
      return { shape, bytes: bytes.subarray(0, this.rng.int(1, bytes.length - 1)) };
    return { shape, bytes };
  }

  harvest(value: unknown, key = ''): void {
    if (typeof value === 'string' && (key === 'id' || key.endsWith('Id')) && value) this.knownIds.add(value);
    else if (Array.isArray(value)) value.forEach((v) => this.harvest(v, key));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) this.harvest(v, k);
  }

  private resolve(typeName: string, scope: string): MessageDescriptor | undefined {
    const pkg = scope.slice(0, scope.lastIndexOf('.'));
    return this.messages.get(`${pkg}.${typeName}`) ?? this.messages.get(typeName.replace(/^\./, ''));
  }

  private message(fullName: string, mode: 'valid' | 'mixed', depth: number): Buffer {
    const descriptor = this.messages.get(fullName);
    const writer = new WireWriter();
    if (!descriptor) return writer.finish();
    for (const field of descriptor.field) {
      if (mode === 'mixed' && this.rng.chance(0.2)) continue; // missing field
      const repeated = field.label === 'LABEL_REPEATED';
      const count = !repeated ? 1 : this.rng.chance(0.02) ? this.rng.int(200, 1200) : this.rng.int(0, 3);
      for (let i = 0; i < count; i++) this.field(writer, field, fullName, mode, depth);
    }
    if (mode === 'mixed' && this.rng.chance(0.05)) {
      const unknown = this.rng.int(100, 5000);
      if (this.rng.chance(0.5)) writer.writeVarint(unknown, BigInt(this.rng.int(0, 1e9)));
      else writer.writeBytes(unknown, this.rng.bytes(this.rng.int(0, 32)));
    }
    return writer.finish();
  }

  private field(
    writer: WireWriter,
    field: FieldDescriptor,
    scope: string,
    mode: 'valid' | 'mixed',
    depth: number,
  ): void {
    const kind =
      mode === 'valid'
        ? 'plausible'
        : this.rng.weighted({ plausible: 50, boundary: 20, wrongType: 8, unicode: 10, invalidUtf8: 8, huge: 0.5 });
    const n = field.number;
    if (kind === 'wrongType') {
      // The wire type of another kind of field: a varint where a string is, bytes where a number is.
      if (field.type === 'TYPE_STRING' || field.type === 'TYPE_BYTES' || field.type === 'TYPE_MESSAGE')
        writer.writeVarint(n, BigInt(this.rng.int(0, 1e6)));
      else writer.writeBytes(n, this.rng.bytes(this.rng.int(0, 16)));
      return;
    }
    switch (field.type) {
      case 'TYPE_STRING':
        writer.writeBytes(n, this.text(field.name, kind));
        return;
      case 'TYPE_BYTES':
        writer.writeBytes(n, this.payload(kind));
        return;
      case 'TYPE_MESSAGE': {
        const nested = this.resolve(field.typeName, scope);
        const nestedName = nested ? this.fullName(field.typeName, scope) : '';
        if (!nested || depth > 4) writer.writeBytes(n, Buffer.alloc(0));
        else if (kind === 'invalidUtf8') writer.writeBytes(n, this.rng.bytes(this.rng.int(1, 24)));
        else writer.writeBytes(n, this.message(nestedName, mode, depth + 1));
        return;
      }
      case 'TYPE_DOUBLE':
        writer.writeDouble(n, kind === 'plausible' ? this.rng.next() : this.rng.pick(DOUBLE_BOUNDARIES));
        return;
      case 'TYPE_FLOAT':
        writer.writeFloat(n, kind === 'plausible' ? this.rng.next() : this.rng.pick(DOUBLE_BOUNDARIES));
        return;
      case 'TYPE_BOOL':
        writer.writeVarint(n, kind === 'plausible' ? BigInt(this.rng.int(0, 1)) : this.rng.pick(INT_BOUNDARIES));
        return;
      default:
        // Every integer and enum type is a varint on the wire.
        writer.writeVarint(n, kind === 'plausible' ? BigInt(this.rng.int(0, 1000)) : this.rng.pick(INT_BOUNDARIES));
    }
  }

  private fullName(typeName: string, scope: string): string {
    const candidate = `${scope.slice(0, scope.lastIndexOf('.'))}.${typeName}`;
    return this.messages.has(candidate) ? candidate : typeName.replace(/^\./, '');
  }

  /** A string for a field, by its name when plausible. */
  private text(name: string, kind: string): Buffer {
    switch (kind) {
      case 'boundary':
        return Buffer.from(
          this.rng.pick(['', ' ', 'a', 'x'.repeat(255), 'x'.repeat(256), 'y'.repeat(4097), '.', '..']),
        );
      case 'unicode':
        return Buffer.from(Array.from({ length: this.rng.int(1, 8) }, () => this.rng.pick(UNICODE)).join(''));
      case 'invalidUtf8':
        return Buffer.concat([Buffer.from('ok'), this.rng.pick(INVALID_UTF8), Buffer.from('x')]);
      case 'huge':
        return Buffer.alloc(this.rng.int(64 * 1024, 2 * 1024 * 1024), 0x61);
      default:
        return Buffer.from(this.plausible(name));
    }
  }

  private plausible(name: string): string {
    const lower = name.toLowerCase();
    const ids = [...this.knownIds];
    if (lower.includes('url'))
      return this.rng.pick(['http://127.0.0.1:9/hook', 'https://example.com/w', 'ftp://x', 'not a url']);
    if (lower.includes('tenant')) return `fuzz-${this.rng.int(0, 5)}`;
    if (lower.includes('eventtype') || lower === 'values')
      return this.rng.pick(['order.created', 'a.b', '*', 'x.*', 'bad type']);
    if (lower === 'since' || lower === 'until')
      return this.rng.pick([new Date().toISOString(), '2020-01-01T00:00:00Z', 'yesterday']);
    if (lower === 'secret') return this.rng.pick(['', `whsec_${this.rng.bytes(24).toString('base64')}`, 'whsec_short']);
    if (lower === 'kind') return this.rng.pick(['exponential', 'fixed', 'fibonacci', 'linear']);
    if ((lower === 'id' || lower.endsWith('id')) && ids.length && this.rng.chance(0.6)) return this.rng.pick(ids);
    if (lower.endsWith('id')) return this.rng.pick(['ep_missing', 'evt_missing', `k-${this.rng.int(0, 1e6)}`]);
    return this.rng.pick(['x', 'hello', 'a.b.c', `v${this.rng.int(0, 99)}`]);
  }

  private payload(kind: string): Buffer {
    switch (kind) {
      case 'boundary':
        return Buffer.from(this.rng.pick(['', 'null', '0', '""', '[]', '{"a":', '{}'.repeat(2)]));
      case 'unicode':
        return Buffer.from(JSON.stringify({ text: this.rng.pick(UNICODE) }));
      case 'invalidUtf8':
        return Buffer.concat([Buffer.from('"'), this.rng.pick(INVALID_UTF8), Buffer.from('"')]);
      case 'huge':
        return Buffer.from(JSON.stringify({ big: 'z'.repeat(this.rng.int(200 * 1024, 1024 * 1024)) }));
      default:
        return Buffer.from(JSON.stringify({ n: this.rng.int(0, 1e6), nested: { ok: true } }));
    }
  }
}

/** Metadata a hostile client might send: odd keys and values, duplicate keys, binary headers. */
function hostileMetadata(rng: Prng, base: grpc.Metadata): grpc.Metadata {
  const md = base.clone();
  switch (rng.int(0, 3)) {
    case 0:
      md.add('x-fuzz', rng.pick(['', ' ', '~!@#$%^&*()', 'a'.repeat(2000)]));
      break;
    case 1:
      md.add('x-fuzz-bin', rng.bytes(rng.int(0, 64)));
      break;
    case 2:
      md.set('authorization', rng.pick(['Bearer ', 'Bearer x', 'Basic abc', 'bearer']));
      break;
    default:
      md.add('grpc-timeout-not', '1S');
  }
  return md;
}

/**
 * Runs a bounded fuzz campaign: `maxRequests` requests or `maxDurationMs`, whichever first,
 * `concurrency` at a time, each to a uniformly chosen RPC of the loaded services, built by
 * RequestGenerator from the seeded PRNG. Returns every outcome.
 */
export async function runFuzz(options: FuzzOptions): Promise<{ results: FuzzResult[]; elapsedMs: number }> {
  const rng = new Prng(options.seed);
  const { targets, messages } = fuzzTargets(options);
  if (targets.length === 0) throw new Error('no RPCs found for the given addresses');
  const generator = new RequestGenerator(rng, messages);
  const clients = new Map<string, grpc.Client>();
  const client = (address: string) => {
    let c = clients.get(address);
    if (!c) {
      // Large messages must reach the server (which decides), not stop at the client.
      c = new grpc.Client(address, grpc.credentials.createInsecure(), {
        'grpc.max_send_message_length': -1,
        'grpc.max_receive_message_length': -1,
      });
      clients.set(address, c);
    }
    return c;
  };
  const metadata = options.metadata ?? (() => new grpc.Metadata());
  const results: FuzzResult[] = [];
  const started = Date.now();
  let sent = 0;
  const lane = async () => {
    while (sent < options.maxRequests && Date.now() - started < options.maxDurationMs) {
      sent++;
      const target = rng.pick(targets);
      const { shape, bytes } = generator.request(target.requestType);
      const md = rng.chance(0.05) ? hostileMetadata(rng, metadata()) : metadata();
      const result = await new Promise<FuzzResult>((resolve) => {
        client(target.address).makeUnaryRequest<Buffer, Buffer>(
          target.path,
          (b) => b,
          (b) => b,
          bytes,
          md,
          { deadline: Date.now() + (options.deadlineMs ?? 10_000) },
          (error, response) => {
            const base = {
              path: target.path,
              shape,
              requestBytes: bytes.length,
              requestHead: bytes.subarray(0, 48).toString('hex'),
            };
            if (error) return resolve({ ...base, code: error.code, details: error.details });
            let decoded: Record<string, unknown> | undefined;
            try {
              decoded = target.decode(response!);
              generator.harvest(decoded);
            } catch {
              decoded = undefined;
            }
            resolve({ ...base, code: grpc.status.OK, details: '', response: decoded });
          },
        );
      });
      results.push(result);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? 16 }, lane));
  } finally {
    for (const c of clients.values()) c.close();
  }
  return { results, elapsedMs: Date.now() - started };
}
