import type { PackageDefinition } from '@grpc/proto-loader';
import { tolerantDeserializers } from './malformed-request';

describe('tolerantDeserializers', () => {
  const definition = (decode: (b: Buffer) => object) =>
    ({ 'x.v1.Svc': { Call: { requestDeserialize: decode } } }) as unknown as PackageDefinition;
  const call = (d: PackageDefinition, bytes = Buffer.alloc(0)) =>
    (d['x.v1.Svc'] as unknown as { Call: { requestDeserialize: (b: Buffer) => object } }).Call.requestDeserialize(
      bytes,
    );

  it('turns a decode failure into a marked request instead of a throw (grpc-js would answer INTERNAL)', () => {
    const d = definition(() => {
      throw new Error('index out of range');
    });
    tolerantDeserializers(d);
    const marked = call(d);
    expect(Object.getOwnPropertySymbols(marked)).toHaveLength(1);
    expect(Object.values(marked)).toEqual([]);
  });

  it('marks text with NUL characters and passes everything else through', () => {
    const d = definition(() => ({ tenantId: 'a\u0000b', payload: Buffer.from([0]) }));
    tolerantDeserializers(d);
    expect(Object.getOwnPropertySymbols(call(d))).toHaveLength(1);
    const clean = definition(() => ({ tenantId: 'ab', payload: Buffer.from([0]) }));
    tolerantDeserializers(clean);
    expect(call(clean)).toEqual({ tenantId: 'ab', payload: Buffer.from([0]) });
  });
});
