import type { ReplayResponse } from '@webhooks/contracts';
import { stringOption, timeOption } from './cli-args';
import type { Command, CommandContext } from './command';
import { UsageError } from './exit-codes';
import { withSpinner } from './progress';

async function replay(context: CommandContext, label: string, call: Promise<ReplayResponse>): Promise<void> {
  const response = await withSpinner(context.out.stderr, label, call);
  const requeued = response.requeued ?? 0;
  context.out.result({ requeued }, () => `requeued ${requeued} deliver${requeued === 1 ? 'y' : 'ies'}`);
}

const resend: Command = {
  path: ['resend'],
  args: ['<endpoint-id>', '<event-id>'],
  summary: 'Send one event to one endpoint again, with its original webhook-id.',
  options: {},
  async run(context, { args: [endpointId, eventId] }) {
    await replay(
      context,
      'resending',
      context.management().resendMessage({ tenantId: context.tenant(), endpointId, eventId }),
    );
  },
};

const redrive: Command = {
  path: ['dlq', 'redrive'],
  args: [],
  summary: "Re-queue the tenant's dead letters (of one endpoint and a time range, if given).",
  options: { endpoint: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' } },
  help: { endpoint: 'only this endpoint', since: 'RFC 3339 or an age (2h)', until: 'RFC 3339 or an age' },
  async run(context, { options }) {
    await replay(
      context,
      'redriving dead letters',
      context.management().redriveDeadLetters({
        tenantId: context.tenant(),
        endpointId: stringOption(options, 'endpoint'),
        since: timeOption(options, 'since'),
        until: timeOption(options, 'until'),
      }),
    );
  },
};

const recover: Command = {
  path: ['recover'],
  args: ['<endpoint-id>'],
  summary: 'Re-queue every message dead-lettered for the endpoint since --since and not delivered since.',
  options: { since: { type: 'string' } },
  help: { since: 'required: RFC 3339 or an age (2h, 1d)' },
  async run(context, { args: [endpointId], options }) {
    const since = timeOption(options, 'since');
    if (!since) throw new UsageError('recover: --since is required');
    await replay(
      context,
      'recovering',
      context.management().recoverFailed({ tenantId: context.tenant(), endpointId, since }),
    );
  },
};

export const REPLAY_COMMANDS: Command[] = [resend, redrive, recover];
