import { setTimeout as sleep } from 'node:timers/promises';
import type { AttemptMessage, ListAttemptsRequest } from '@webhooks/contracts';
import { intOption, stringOption, timeOption } from './cli-args';
import { formatTable, type Column } from './cli-output';
import type { Command, CommandContext, OptionValues } from './command';

const ATTEMPT_COLUMNS: Column<AttemptMessage>[] = [
  { header: 'TIME', value: (a) => a.attemptedAt },
  { header: 'ENDPOINT', value: (a) => a.endpointId },
  { header: 'EVENT', value: (a) => a.eventId },
  { header: 'TYPE', value: (a) => a.eventType },
  { header: '#', value: (a) => a.attempt },
  { header: 'OUTCOME', value: (a) => a.outcome },
  { header: 'HTTP', value: (a) => a.statusCode || '' },
  { header: 'MS', value: (a) => a.durationMs },
  { header: 'ERROR', value: (a) => a.error },
];

const FILTERS = {
  endpoint: { type: 'string' },
  event: { type: 'string' },
  outcome: { type: 'string' },
  since: { type: 'string' },
} as const;

const FILTER_HELP: Record<string, string> = {
  endpoint: 'only this endpoint',
  event: 'only this event id',
  outcome: 'succeeded, failed, dead_lettered or skipped',
  since: 'RFC 3339 or an age (15m, 2h, 7d)',
  until: 'RFC 3339 or an age',
  limit: 'page size (1..100)',
  cursor: 'next_cursor of the previous page',
  interval: 'poll interval in ms (default 2000)',
  max: 'stop after printing this many attempts',
};

function filters(context: CommandContext, options: OptionValues): ListAttemptsRequest {
  return {
    tenantId: context.tenant(),
    endpointId: stringOption(options, 'endpoint'),
    eventId: stringOption(options, 'event'),
    outcome: stringOption(options, 'outcome'),
    since: timeOption(options, 'since'),
  };
}

const listAttempts: Command = {
  path: ['attempts', 'list'],
  args: [],
  summary: 'Delivery attempts, newest first (one page).',
  options: { ...FILTERS, until: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' } },
  help: FILTER_HELP,
  async run(context, { options }) {
    const page = await context.management().listAttempts({
      ...filters(context, options),
      until: timeOption(options, 'until'),
      limit: intOption(options, 'limit', 1),
      cursor: stringOption(options, 'cursor'),
    });
    context.out.result(page, () => {
      const table = formatTable(page.attempts, ATTEMPT_COLUMNS);
      return page.nextCursor ? `${table}\nmore: --cursor ${page.nextCursor}` : table;
    });
  },
};

/** Identity of an attempt across polls (the log has no attempt id). */
const attemptKey = (a: AttemptMessage) => `${a.messageId}|${a.endpointId}|${a.attempt}|${a.outcome}|${a.attemptedAt}`;

const tailAttempts: Command = {
  path: ['attempts', 'tail'],
  args: [],
  summary: 'Print new attempts as they are logged, until Ctrl-C or --max (with --json: one object per line).',
  options: { ...FILTERS, interval: { type: 'string' }, max: { type: 'string' } },
  help: FILTER_HELP,
  async run(context, { options }) {
    const request = { ...filters(context, options), limit: 100 };
    request.since ??= new Date().toISOString();
    const interval = intOption(options, 'interval', 100) ?? 2_000;
    const max = intOption(options, 'max', 1);
    const seen = new Set<string>();
    let printed = 0;
    context.out.note(`tailing attempts of ${request.tenantId} since ${request.since} (Ctrl-C to stop)`);
    while (!context.signal.aborted) {
      const page = await context.management().listAttempts(request);
      // Newest first from the API; printed oldest first, like a log.
      for (const attempt of [...page.attempts].reverse()) {
        const key = attemptKey(attempt);
        if (seen.has(key)) continue;
        seen.add(key);
        context.out.streamed(attempt, () => formatTable([attempt], ATTEMPT_COLUMNS).split('\n')[1]);
        if (max !== undefined && ++printed >= max) return;
      }
      await sleep(interval, undefined, { signal: context.signal }).catch(() => undefined);
    }
  },
};

export const ATTEMPT_COMMANDS: Command[] = [listAttempts, tailAttempts];
