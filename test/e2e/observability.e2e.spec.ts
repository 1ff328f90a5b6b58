import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { parse as loadYaml } from 'yaml';
import { ManagementClient, PublisherClient } from '@webhooks/client';
import { freePort } from '@webhooks/local-stack';
import { REPO_ROOT, TestPlatform, TestReceiver, waitFor } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

const PROMETHEUS = '/usr/bin/prometheus';
const DASHBOARD = join(REPO_ROOT, 'deploy/grafana/dashboard.json');
const ALERTS = join(REPO_ROOT, 'deploy/prometheus/alerts.yaml');
// Grafana's $__rate_interval, for a Prometheus that scrapes every second: generous enough that
// the whole run (a minute or two) is inside one window, so rates and quantiles have samples.
const RATE_INTERVAL = '2m';

interface DashboardPanel {
  title?: string;
  targets?: { expr?: string; legendFormat?: string }[];
  panels?: DashboardPanel[];
}

/** Every PromQL expression of the dashboard, with Grafana's variables substituted. */
export function dashboardQueries(): { panel: string; expr: string; legend: string }[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: DashboardPanel[] };
  const queries: { panel: string; expr: string; legend: string }[] = [];
  const walk = (panels: DashboardPanel[]) => {
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        if (target.expr) {
          queries.push({
            panel: panel.title ?? '',
            expr: target.expr.replaceAll('$__rate_interval', RATE_INTERVAL),
            legend: target.legendFormat ?? '',
          });
        }
      }
      walk(panel.panels ?? []);
    }
  };
  walk(dashboard.panels);
  return queries;
}

/** Every alert rule of deploy/prometheus/alerts.yaml. */
function alertRules(): { alert: string; expr: string }[] {
  const file = loadYaml(readFileSync(ALERTS, 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] };
  return file.groups.flatMap((group) => group.rules.map((rule) => ({ alert: rule.alert, expr: rule.expr.trim() })));
}

/**
 * The operands of an alert expression's top-level comparisons and set operators:
 * `A > 1000 and B > 0` gives [A, B]; `(sum(up) or vector(0)) == 0` gives
 * [(sum(up) or vector(0))]. Operators inside parentheses, braces (label matchers such as
 * `topic!~"…"`), brackets and strings are not split on; numeric constants are dropped.
 */
export function topLevelOperands(expr: string): string[] {
  const operands: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (depth === 0) {
      const rest = expr.slice(i);
      const operator =
        /^(==|!=|>=|<=|>|<)/.exec(rest)?.[0] ??
        (/\w/.test(expr[i - 1] ?? ' ') ? undefined : /^(and|or|unless)\b/.exec(rest)?.[0]);
      if (operator) {
        operands.push(expr.slice(start, i));
        i += operator.length - 1;
        start = i + 1;
      }
    }
  }
  operands.push(expr.slice(start));
  return operands.map((o) => o.trim()).filter((o) => o && !/^-?[\d.]+(e[+-]?\d+)?$/i.test(o));
}

interface PromSample {
  metric: Record<string, string>;
  value?: [number, string];
  values?: [number, string][];
}

/** A real Prometheus (Debian's package) scraping the three services and loading the alert rules. */
class TestPrometheus {
  private process: ChildProcess | undefined;
  private dir = '';
  url = '';

  async start(targets: Record<string, number>): Promise<void> {
    if (!existsSync(PROMETHEUS)) {
      if (process.getuid?.() === 0) {
        spawnSync('apt-get', ['install', '-y', '-q', 'prometheus'], { stdio: 'inherit' });
      }
      if (!existsSync(PROMETHEUS)) {
        throw new Error(
          `${PROMETHEUS} is missing: install Debian's prometheus package (apt-get install -y prometheus)`,
        );
      }
    }
    this.dir = mkdtempSync(join(tmpdir(), 'webhooks-prometheus-'));
    const scrapeConfigs = Object.entries(targets)
      .map(([job, port]) => `  - job_name: ${job}\n    static_configs:\n      - targets: ['127.0.0.1:${port}']\n`)
      .join('');
    const config = join(this.dir, 'prometheus.yml');
    writeFileSync(
      config,
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - ${JSON.stringify(ALERTS)}\nscrape_configs:\n${scrapeConfigs}`,
    );
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.process = spawn(
      PROMETHEUS,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(this.dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    this.process.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    await waitFor(
      'Prometheus ready',
      async () => {
        if (this.process?.exitCode !== null) throw new Error(`prometheus exited: ${stderr}`);
        return (await fetch(`${this.url}/-/ready`).catch(() => undefined))?.ok ?? false;
      },
      30_000,
    );
  }

  async query(expr: string): Promise<PromSample[]> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as { status: string; error?: string; data: { result: PromSample[] } };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
    return body.data.result;
  }

  async queryRange(expr: string, start: number, end: number, stepSeconds: number): Promise<PromSample[]> {
    const params = new URLSearchParams({
      query: expr,
      start: String(start),
      end: String(end),
      step: String(stepSeconds),
    });
    const response = await fetch(`${this.url}/api/v1/query_range?${params.toString()}`);
    const body = (await response.json()) as { status: string; error?: string; data: { result: PromSample[] } };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
    return body.data.result;
  }

  async rules(): Promise<{ name: string; health: string; lastError?: string }[]> {
    const response = await fetch(`${this.url}/api/v1/rules`);
    const body = (await response.json()) as {
      data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] };
    };
    return body.data.groups.flatMap((group) => group.rules);
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** At least one sample with a number (not NaN): the expression "returns data". */
function hasData(samples: PromSample[]): boolean {
  return samples.some((s) => s.value !== undefined && s.value[1] !== 'NaN');
}

/** grpc.health.v1.Health/Check against a service's gRPC address. */
async function grpcHealth(address: string, service = ''): Promise<string> {
  const definition = protoLoader.loadSync(healthProtoPath, { keepCase: true, enums: String });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
  };
  const client = new loaded.grpc.health.v1.Health(
    address,
    grpc.credentials.createInsecure(),
  ) as unknown as grpc.Client & {
    check(request: { service: string }, callback: (error: Error | null, response: { status: string }) => void): void;
  };
  try {
    return await new Promise<string>((resolve, reject) =>
      client.check({ service }, (error, response) => (error ? reject(error) : resolve(response.status))),
    );
  } finally {
    client.close();
  }
}

/**
 * Every PromQL expression of deploy/grafana/dashboard.json and deploy/prometheus/alerts.yaml,
 * evaluated by a real Prometheus scraping the three services under a small load: 50 events, then
 * two a second, to an endpoint answering 200 (rate-limited, so throttling shows) and to one
 * answering 500 (two attempts, so retries and dead letters show), plus a few invalid publishes.
 *
 * Dashboard expressions must each return data. An alert expression whose condition is false
 * returns nothing by design, so for alerts the test splits the expression at its top-level
 * comparison and set operators (`>`, `==`, `and`, …; never inside parentheses, label matchers
 * or strings) and requires every non-constant operand to return data, i.e. that the metrics
 * and the arithmetic the condition compares exist; the full expression must still evaluate
 * without error, and Prometheus must report every loaded rule healthy.
 *
 * With DASHBOARD_DATA_OUT=<file> the run also writes query_range results of the dashboard's
 * expressions there, for deploy/grafana/render-dashboard.py.
 */
describe('observability: metrics, dashboard and alerts on a real Prometheus', () => {
  const stack = e2eStack();
  const receiver = new TestReceiver();
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    env: { DELAY_TIERS: '1s,5s', REQUEST_TIMEOUT: '3s' },
  });
  const prometheus = new TestPrometheus();
  let publisher: PublisherClient;
  let management: ManagementClient;
  const tenant = `obs-${Date.now().toString(36)}`;
  const startedAt = Date.now() / 1000;
  let trickle: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    await receiver.start();
    receiver.on('/ok', 200);
    receiver.on('/failing', 500);
    await platform.start();
    publisher = platform.publisher({ deadlineMs: 15_000 });
    management = platform.management();
    await prometheus.start({
      ingestion: platform.service('ingestion').httpPort,
      subscriptions: platform.service('subscriptions').httpPort,
      dispatcher: platform.service('dispatcher').httpPort,
    });
  });

  afterAll(async () => {
    clearInterval(trickle);
    publisher?.close();
    management?.close();
    await prometheus.stop();
    await platform.stop();
    await receiver.stop();
  });

  it('serves grpc.health.v1 SERVING on both gRPC servers while ready', async () => {
    await waitFor(
      'both gRPC servers SERVING',
      async () =>
        (await grpcHealth(platform.ingestionAddress)) === 'SERVING' &&
        (await grpcHealth(platform.managementAddress)) === 'SERVING',
      30_000,
    );
    expect(await grpcHealth(platform.ingestionAddress, 'webhooks.v1.Ingestion')).toBe('SERVING');
    expect(await grpcHealth(platform.managementAddress, 'webhooks.v1.EndpointManagement')).toBe('SERVING');
    await expect(grpcHealth(platform.ingestionAddress, 'no.such.Service')).rejects.toThrow(/NOT_FOUND/);
  });

  it('every dashboard and alert expression returns data', async () => {
    await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/ok'),
      rateLimit: { perSecond: 20, burst: 5 },
    });
    await management.createEndpoint({
      tenantId: tenant,
      url: receiver.url('/failing'),
      retryPolicy: { kind: 'fixed', intervalMs: 1_000, maxAttempts: 2, jitter: -1 },
    });
    const payload = Buffer.from('{"n":1}');
    await Promise.all(
      Array.from({ length: 30 }, () => publisher.publish({ tenantId: tenant, eventType: 'invoice.paid', payload })),
    );
    await publisher.publishBatch(
      Array.from({ length: 20 }, () => ({ tenantId: tenant, eventType: 'invoice.paid', payload })),
    );
    for (const eventType of ['not valid', '']) {
      await expect(publisher.publish({ tenantId: tenant, eventType, payload })).rejects.toThrow(/event_type/);
    }
    // Then a trickle (two events a second) for the rest of the test: rates and quantiles over
    // a window need increases inside it, as they would on a live system.
    trickle = setInterval(
      () => void publisher.publish({ tenantId: tenant, eventType: 'invoice.paid', payload }).catch(() => undefined),
      500,
    );
    await waitFor('50 deliveries at /ok', () => receiver.received('/ok').length >= 50, 90_000);
    await waitFor('100 attempts at /failing', () => receiver.received('/failing').length >= 100, 90_000);

    const dashboard = dashboardQueries();
    const alerts = alertRules();
    const deadLetters = alerts.find((r) => r.alert === 'WebhookDeadLetters')!.expr;
    const expectations = [
      ...dashboard.map((q) => ({ what: `dashboard "${q.panel}"`, expr: q.expr })),
      ...alerts.flatMap((rule) =>
        topLevelOperands(rule.expr).map((operand) => ({ what: `alert ${rule.alert} (operand)`, expr: operand })),
      ),
      // The dead letters of /failing make this alert's condition true — once two scrapes of the
      // counter show a rise (an increase() is empty or 0 until then), so it is polled as well.
      { what: 'alert WebhookDeadLetters (condition true)', expr: deadLetters },
    ];
    expect(dashboard.length).toBeGreaterThan(20);
    expect(alerts.length).toBeGreaterThanOrEqual(5);

    // Lag is read every 10 s and rates need two scrapes: poll until everything has data.
    let missing: string[] = [];
    await waitFor(
      'every expression to return data',
      async () => {
        missing = [];
        for (const { what, expr } of expectations) {
          if (!hasData(await prometheus.query(expr))) missing.push(`${what}: ${expr}`);
        }
        return missing.length === 0;
      },
      90_000,
    ).catch(() => undefined);
    expect(missing).toEqual([]);

    // Full alert expressions are valid PromQL (an error would throw), and the rule manager
    // evaluates every rule without error. The dead letters of /failing make one alert true.
    for (const rule of alerts) await prometheus.query(rule.expr);
    expect(hasData(await prometheus.query(deadLetters))).toBe(true);
    const loaded = await prometheus.rules();
    expect(loaded).toHaveLength(alerts.length);
    expect(loaded.filter((rule) => rule.health !== 'ok')).toEqual([]);

    // Labels stay bounded: no endpoint URL, event or tenant id appears in any series.
    const series = await prometheus.query('{__name__=~"webhook_.+"}');
    for (const { metric } of series) {
      for (const value of Object.values(metric)) expect(value).not.toMatch(/evt_|http:\/\/|obs-/);
    }

    const out = process.env.DASHBOARD_DATA_OUT;
    if (out) {
      // A minute more of the trickle, so the rendered panels show lines rather than points.
      await new Promise((resolve) => setTimeout(resolve, 60_000));
      const end = Date.now() / 1000;
      const panels = [];
      for (const q of dashboard) {
        panels.push({ ...q, result: await prometheus.queryRange(q.expr, startedAt, end, 2) });
      }
      writeFileSync(out, JSON.stringify({ start: startedAt, end, panels }));
    }
  });
});
