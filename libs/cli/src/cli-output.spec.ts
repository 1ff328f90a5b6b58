import { status } from '@grpc/grpc-js';
import { describeFailure, formatRecord, formatTable, Renderer } from './cli-output';
import { EXIT, UsageError } from './exit-codes';
import { testEventType } from './send-test.command';

const capture = () => {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
};

describe('rendering', () => {
  it('prints one JSON document with --json and text otherwise', () => {
    const [stdout, stderr] = [capture(), capture()];
    new Renderer(stdout, stderr, true).result({ endpoints: [{ id: 'ep_1' }] }, () => 'text');
    expect(JSON.parse(stdout.text())).toEqual({ endpoints: [{ id: 'ep_1' }] });
    const human = capture();
    new Renderer(human, stderr, false).result({}, () => 'text');
    expect(human.text()).toBe('text\n');
  });

  it('keeps notes off stdout and out of --json', () => {
    const [stdout, stderr] = [capture(), capture()];
    new Renderer(stdout, stderr, true).note('hello');
    new Renderer(stdout, stderr, false).note('hello');
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toBe('hello\n');
  });

  it('aligns tables and lists records without empty values', () => {
    const table = formatTable(
      [
        { id: 'ep_1', url: 'https://a', types: ['a', 'b'] },
        { id: 'ep_22', url: 'https://bb', types: [] },
      ],
      [
        { header: 'ID', value: (r) => r.id },
        { header: 'URL', value: (r) => r.url },
        { header: 'TYPES', value: (r) => r.types.join(',') },
      ],
    );
    expect(table.split('\n')).toEqual(['ID     URL         TYPES', 'ep_1   https://a   a,b', 'ep_22  https://bb']);
    expect(formatTable([], [])).toBe('(none)');
    expect(
      formatRecord({ id: 'ep_1', description: '', eventTypes: ['a'], headers: {}, rateLimit: { perSecond: 5 } }),
    ).toBe('id:         ep_1\neventTypes: a\nrateLimit:  {"perSecond":5}');
  });

  it('maps failures to exit codes and prints the gRPC status name', () => {
    const grpcError = (code: status, details: string) => Object.assign(new Error(details), { code, details });
    expect(describeFailure(new UsageError('bad'))).toEqual({ exit: EXIT.usage, message: 'bad' });
    expect(describeFailure(grpcError(status.NOT_FOUND, 'endpoint ep_1 not found'))).toEqual({
      exit: EXIT.apiError,
      code: 'NOT_FOUND',
      message: 'endpoint ep_1 not found',
    });
    expect(describeFailure(grpcError(status.UNAVAILABLE, 'connect ECONNREFUSED')).exit).toBe(EXIT.unreachable);
    const stderr = capture();
    expect(
      new Renderer(capture(), stderr, false).failure(grpcError(status.INVALID_ARGUMENT, 'url: must be https')),
    ).toBe(1);
    expect(stderr.text()).toBe('error: INVALID_ARGUMENT: url: must be https\n');
  });

  it('picks a test event type the endpoint receives', () => {
    expect(testEventType(['order.*', 'invoice.paid'])).toBe('order.test');
    expect(testEventType([])).toBe('webhooks.test');
    expect(testEventType(['a'], 'b.c')).toBe('b.c');
  });
});
