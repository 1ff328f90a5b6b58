import { once } from 'node:events';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { request, type Agent } from 'undici';
import { createGuardedAgent, isSsrfBlocked, SsrfBlockedError } from './guarded-agent';
import type { AddressLookup, UrlPolicy } from './url-policy';

/** A raw TCP listener on 127.0.0.1 (port 0) that counts connections and answers 200 to anything. */
async function tcpListener(): Promise<{ server: Server; port: number; connections: () => number }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok'));
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
}

const close = (server: Server | HttpServer) => new Promise<void>((resolve) => server.close(() => resolve()));

async function post(url: string, agent: Agent) {
  return request(url, { method: 'POST', body: '{}', dispatcher: agent }).then(
    async (response) => ({ status: response.statusCode, body: await response.body.text() }),
    (error: unknown) => ({ error }),
  );
}

const noAllowlist: UrlPolicy = { allowHttp: true, allowCidrs: [] };
const loopbackAllowed: UrlPolicy = { allowHttp: true, allowCidrs: ['127.0.0.0/8'] };

describe('createGuardedAgent', () => {
  let listener: Awaited<ReturnType<typeof tcpListener>>;
  const agents: Agent[] = [];
  const agent = (policy: UrlPolicy, lookup?: AddressLookup) => {
    const created = createGuardedAgent({ connect: { timeout: 2_000 } }, policy, lookup);
    agents.push(created);
    return created;
  };

  beforeEach(async () => {
    listener = await tcpListener();
  });

  afterEach(async () => {
    await Promise.all(agents.splice(0).map((a) => a.close()));
    await close(listener.server);
  });

  it.each([
    ['http://127.0.0.1:PORT/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['http://localhost:PORT/', /^localhost resolves to (127\.0\.0\.1|::1), which is loopback/],
    ['http://2130706433:PORT/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['http://0x7f.1:PORT/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['http://0177.0.0.1:PORT/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['http://127.1:PORT/', '127.0.0.1 is loopback (127.0.0.0/8)'],
    ['http://[::ffff:127.0.0.1]:PORT/', '::ffff:7f00:1 is loopback (127.0.0.0/8) via IPv4-mapped ::ffff:0:0/96'],
    ['http://[::1]:PORT/', '::1 is loopback (::1/128)'],
    ['http://0.0.0.0:PORT/', '0.0.0.0 is "this network" (0.0.0.0/8)'],
    ['http://[::]:PORT/', ':: is unspecified (::/128)'],
  ])('opens no connection for %s', async (template, detail) => {
    const result = await post(template.replace('PORT', String(listener.port)), agent(noAllowlist));
    expect('error' in result && isSsrfBlocked(result.error)).toBe(true);
    const error = (result as { error: SsrfBlockedError }).error;
    expect(error).toBeInstanceOf(SsrfBlockedError);
    expect(error.code).toBe('ERR_SSRF_BLOCKED');
    if (typeof detail === 'string') expect(error.message).toBe(`blocked: ${detail}`);
    else expect(error.detail).toMatch(detail);
    expect(listener.connections()).toBe(0);
  });

  it('lets an allowlisted block through, in every spelling', async () => {
    const allowed = agent(loopbackAllowed);
    for (const host of ['127.0.0.1', '2130706433', '0x7f.1', '[::ffff:127.0.0.1]']) {
      await expect(post(`http://${host}:${listener.port}/`, allowed)).resolves.toEqual({ status: 200, body: 'ok' });
    }
    expect(listener.connections()).toBe(4);
  });

  it('rejects a name if ANY address is blocked, even when the first one is public', async () => {
    const lookup = jest.fn<ReturnType<AddressLookup>, Parameters<AddressLookup>>().mockResolvedValue([
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ]);
    const result = await post(`http://rebind.example:${listener.port}/`, agent(noAllowlist, lookup));
    expect((result as { error: Error }).error.message).toBe(
      'blocked: rebind.example resolves to 127.0.0.1, which is loopback (127.0.0.0/8)',
    );
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(listener.connections()).toBe(0);
  });

  it('connects to the address it checked, resolving the name exactly once (no rebinding window)', async () => {
    // A rebinding resolver: the first answer is allowed, any later one would point elsewhere.
    const answers = ['127.0.0.1', '10.9.9.9'];
    const lookup = jest
      .fn<ReturnType<AddressLookup>, Parameters<AddressLookup>>()
      .mockImplementation(() => Promise.resolve([{ address: answers.shift() ?? '10.9.9.9', family: 4 }]));
    const result = await post(`http://hooks.example:${listener.port}/`, agent(loopbackAllowed, lookup));
    expect(result).toEqual({ status: 200, body: 'ok' });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith('hooks.example');
    expect(listener.connections()).toBe(1);
  });

  it('refuses plain http when the policy does not allow it', async () => {
    const result = await post(
      `http://127.0.0.1:${listener.port}/`,
      agent({ allowHttp: false, allowCidrs: ['127.0.0.0/8'] }),
    );
    expect((result as { error: Error }).error.message).toBe('blocked: plain http to 127.0.0.1 is not allowed');
    expect(listener.connections()).toBe(0);
  });

  it('passes DNS failures through as they are (not as a block)', async () => {
    const lookup: AddressLookup = () =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND gone.example'), { code: 'ENOTFOUND' }));
    const result = (await post('http://gone.example/', agent(noAllowlist, lookup))) as {
      error: Error & { code: string };
    };
    expect(result.error.code).toBe('ENOTFOUND');
    expect(isSsrfBlocked(result.error)).toBe(false);
  });

  it('never follows a redirect, here to a second listener', async () => {
    const target = await tcpListener();
    const redirector: HttpServer = createHttpServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end();
    });
    redirector.listen(0, '127.0.0.1');
    await once(redirector, 'listening');
    try {
      const port = (redirector.address() as AddressInfo).port;
      const result = await post(`http://127.0.0.1:${port}/`, agent(loopbackAllowed));
      expect(result).toEqual({ status: 302, body: '' });
      // Give a (wrongly) followed redirect time to connect before counting.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(target.connections()).toBe(0);
    } finally {
      redirector.closeAllConnections();
      await close(redirector);
      await close(target.server);
    }
  });

  it('refuses a connector function in the options (it would bypass the guard)', () => {
    expect(() => createGuardedAgent({ connect: () => undefined }, noAllowlist)).toThrow(/connect options/);
  });
});

describe('createGuardedAgent over TLS', () => {
  it('connects to the checked IP but sends the host name as SNI', async () => {
    const seen: string[] = [];
    // No certificate: the handshake fails after the ClientHello, which is all this test needs.
    const server = createTlsServer({
      SNICallback: (servername, callback) => {
        seen.push(servername);
        callback(new Error('no certificate here'), undefined);
      },
    });
    server.on('tlsClientError', () => undefined);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const lookup: AddressLookup = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
    const agent = createGuardedAgent(
      { connect: { timeout: 2_000 } },
      { allowHttp: false, allowCidrs: ['127.0.0.0/8'] },
      lookup,
    );
    try {
      const port = (server.address() as AddressInfo).port;
      await expect(request(`https://hooks.example:${port}/`, { method: 'POST', dispatcher: agent })).rejects.toThrow();
      expect(seen).toEqual(['hooks.example']);
    } finally {
      await agent.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
