import { Server, ServerCredentials } from '@grpc/grpc-js';
import { boundGrpcPort } from './bootstrap';

describe('boundGrpcPort', () => {
  it('is the configured port when there is one', () => {
    expect(boundGrpcPort('0.0.0.0:50062', undefined)).toBe(50062);
  });

  it("is the kernel's pick for port 0", async () => {
    const server = new Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    try {
      expect(port).toBeGreaterThan(0);
      expect(boundGrpcPort('127.0.0.1:0', server)).toBe(port);
    } finally {
      server.forceShutdown();
    }
  });

  it('refuses to guess', () => {
    expect(() => boundGrpcPort('127.0.0.1:0', undefined)).toThrow(/cannot tell which port/);
  });
});
