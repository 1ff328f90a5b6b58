import { parseCommandLine, timeOption, headersOption } from './cli-args';
import { COMMANDS } from './cli';
import { UsageError } from './exit-codes';

describe('command line parsing', () => {
  const parse = (line: string, env: Record<string, string> = {}) =>
    parseCommandLine(line.split(' ').filter(Boolean), env, COMMANDS);

  it('finds two-word and one-word commands, their arguments and flags', () => {
    const create = parse('endpoints create https://x.test/h --event-type a.* --event-type b --ordered');
    expect(create.kind === 'run' && create.command.path).toEqual(['endpoints', 'create']);
    expect(create.kind === 'run' && create.input).toEqual({
      args: ['https://x.test/h'],
      options: { 'event-type': ['a.*', 'b'], ordered: true },
    });
    const resend = parse('resend ep_1 evt_1');
    expect(resend.kind === 'run' && [resend.command.path, resend.input.args]).toEqual([['resend'], ['ep_1', 'evt_1']]);
  });

  it('takes global flags anywhere, falling back to the environment', () => {
    const parsed = parse('--tenant acme --json endpoints list --management h:1 --limit 5', {
      WEBHOOKS_API_KEY: 'whk_k',
      WEBHOOKS_TENANT: 'ignored',
      WEBHOOKS_INGESTION_URL: 'i:2',
    });
    expect(parsed.kind === 'run' && parsed.global).toEqual({
      management: 'h:1',
      ingestion: 'i:2',
      apiKey: 'whk_k',
      tenant: 'acme',
      json: true,
    });
    expect(parsed.kind === 'run' && parsed.input.options.limit).toBe('5');
    const defaults = parse('tenants list');
    expect(defaults.kind === 'run' && defaults.global).toMatchObject({
      management: 'localhost:50062',
      ingestion: 'localhost:50061',
    });
  });

  it('dials over TLS when a --tls-* flag or WEBHOOKS_TLS_* is set', () => {
    const parsed = parse('tenants list --tls-ca ca.pem', { WEBHOOKS_TLS_CERT: 'c.pem', WEBHOOKS_TLS_KEY: 'k.pem' });
    expect(parsed.kind === 'run' && parsed.global.tls).toEqual({
      caFile: 'ca.pem',
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    const plain = parse('tenants list');
    expect(plain.kind === 'run' && plain.global.tls).toBeUndefined();
    expect(() => parse('tenants list --tls-cert c.pem')).toThrow('--tls-cert and --tls-key go together');
  });

  it('answers --help per command and per group', () => {
    const help = parse('attempts tail --help');
    expect(help.kind).toBe('help');
    expect(help.kind === 'help' && help.text).toContain('--max <value>');
    const group = parse('dlq --help');
    expect(group.kind === 'help' && group.text).toContain('dlq redrive');
  });

  it.each([
    ['endpoints bogus', /unknown command: endpoints bogus/],
    ['endpoints', /endpoints: which one\? create, list, get, update, delete/],
    ['endpoints get', /usage: webhooks endpoints get <id>/],
    ['endpoints get a b', /usage/],
    ['endpoints list --colour red', /Unknown option '--colour'/],
    ['resend ep_1', /usage: webhooks resend <endpoint-id> <event-id>/],
  ])('%s is a usage error', (line, message) => {
    expect(() => parse(line)).toThrow(UsageError);
    expect(() => parse(line)).toThrow(message);
  });

  it('reads times as RFC 3339 or an age', () => {
    const now = Date.parse('2025-01-31T12:00:00Z');
    expect(timeOption({ since: '2h' }, 'since', now)).toBe('2025-01-31T10:00:00.000Z');
    expect(timeOption({ since: '2025-01-30T00:00:00+01:00' }, 'since', now)).toBe('2025-01-29T23:00:00.000Z');
    expect(timeOption({}, 'since', now)).toBeUndefined();
    expect(() => timeOption({ since: 'yesterday' }, 'since', now)).toThrow(/--since: expected RFC 3339/);
  });

  it('reads headers as name=value', () => {
    expect(headersOption({ header: ['x-a=1', 'x-b=c=d'] }, 'header')).toEqual({ 'x-a': '1', 'x-b': 'c=d' });
    expect(() => headersOption({ header: ['nope'] }, 'header')).toThrow(/expected name=value/);
  });
});
