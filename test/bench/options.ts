import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Events published. */
  events: number;
  /** Endpoints subscribed to every event (one tenant). */
  fanout: number;
  /** Bytes of each event's JSON payload. */
  payloadBytes: number;
  /** Target deliveries per second (publishing is paced to rate / fanout events/s); 0 = as fast as possible. */
  rate: number;
  /** Cap, in seconds, on the measured phase (publishing + waiting for every delivery). */
  duration: number;
  /** Where the JSON report goes; the PNG chart is written next to it. */
  json: string;
  /** Dispatcher processes (one consumer group; scaling out on the same box). */
  dispatchers: number;
  /** Seconds of no traffic after the measured phase, over which every process's idle CPU is measured. */
  idle: number;
  /** Seconds of discarded traffic before the measured phase (JIT warm-up of Kafka and the services). */
  warmup: number;
}

export const USAGE = `usage: tsx test/bench/bench.ts [--events N] [--fanout F] [--payload-bytes B] [--rate R] [--duration S] [--json FILE] [--dispatchers N]
  --events N         events to publish (default 5000)
  --fanout F         endpoints subscribed to each event (default 10)
  --payload-bytes B  JSON payload size (default 1024)
  --rate R           target deliveries/s, paced (default: as fast as possible)
  --duration S       cap on the measured phase in seconds (default 120)
  --json FILE        JSON report; the PNG chart goes next to it (default dist/bench/bench.json)
  --dispatchers N    dispatcher processes sharing the deliveries group (default 1)
  --idle S           seconds without traffic, after the measured phase, to measure idle CPU (default 10; 0 skips)
  --warmup S         seconds of traffic (at --rate, or 2,500/s when max) before measuring (default 60; 0 skips)
Service settings: BENCH_SVC_<VAR>=value is passed to the three services as <VAR> (e.g.
BENCH_SVC_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof', BENCH_SVC_LOG_LEVEL=info).
BENCH_MAX_MESSAGE_BYTES=N raises max.message.bytes of every platform topic (workaround, see
docs/performance.md). KAFKA_BROKERS / DATABASE_URL use an existing broker / database instead of starting local ones.`;

function positive(name: string, text: string | undefined, fallback: number, allowZero = false): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0))
    throw new Error(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got "${text}"\n${USAGE}`);
  return value;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      events: { type: 'string' },
      fanout: { type: 'string' },
      'payload-bytes': { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      json: { type: 'string' },
      dispatchers: { type: 'string' },
      idle: { type: 'string' },
      warmup: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const options: BenchOptions = {
    events: Math.round(positive('events', values.events, 5000)),
    fanout: Math.round(positive('fanout', values.fanout, 10)),
    payloadBytes: Math.round(positive('payload-bytes', values['payload-bytes'], 1024)),
    rate: positive('rate', values.rate, 0, true),
    duration: positive('duration', values.duration, 120),
    json: values.json ?? 'dist/bench/bench.json',
    dispatchers: Math.round(positive('dispatchers', values.dispatchers, 1)),
    idle: positive('idle', values.idle, 10, true),
    warmup: positive('warmup', values.warmup, 60, true),
  };
  // Bounded: every endpoint is a listening port of the receiver.
  if (options.fanout > 100) throw new Error('--fanout is at most 100');
  if (options.dispatchers > 8) throw new Error('--dispatchers is at most 8');
  return options;
}
