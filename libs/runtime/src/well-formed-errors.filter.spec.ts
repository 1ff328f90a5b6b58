import { RpcException } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { wellFormed, WellFormedRpcErrorsFilter } from './well-formed-errors.filter';

describe('WellFormedRpcErrorsFilter', () => {
  const lone = 'tenant "a\uD800b" and "\uDC00" not found';

  it('replaces lone surrogates, keeps pairs, so grpc-js can percent-encode the message', () => {
    expect(() => encodeURIComponent(lone)).toThrow(URIError);
    expect(wellFormed(lone)).toBe('tenant "a\uFFFDb" and "\uFFFD" not found');
    expect(wellFormed('emoji 😀 stays')).toBe('emoji 😀 stays');
    expect(() => encodeURIComponent(wellFormed(lone))).not.toThrow();
  });

  it('rewrites the message of an RpcException and keeps its code', async () => {
    const filter = new WellFormedRpcErrorsFilter();
    const error = await lastValueFrom(filter.catch(new RpcException({ code: 3, message: lone }), {} as never)).catch(
      (e: unknown) => e,
    );
    expect(error).toEqual({ code: 3, message: 'tenant "a\uFFFDb" and "\uFFFD" not found' });
  });
});
