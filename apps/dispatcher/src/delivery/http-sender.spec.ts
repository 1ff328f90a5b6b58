import { once } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '@webhooks/config';
import { Logger } from '@webhooks/observability';
import { dispatcherConfigSchema } from '../dispatcher.config';
import { HttpSender } from './http-sender';

/** An HTTP server on 127.0.0.1 (port 0) that counts connections and answers with `respond`. */
async function receiver(respond: (res: ServerResponse) => void) {
  let connections = 0;
  const server: Server = createServer((_req, res) => respond(res));
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const senderWith = (env: Record<string, string>) =>
  new HttpSender(loadConfig(dispatcherConfigSchema, env), new Logger('dispatcher-test', 'error'));

describe('HttpSender and the SSRF guard', () => {
  const ok = (res: ServerResponse) => res.writeHead(200).end('ok');

  it('turns a blocked send into a failed attempt with a `blocked:` error and opens no connection', async () => {
    const target = await receiver(ok);
    const sender = senderWith({ ALLOW_HTTP_ENDPOINTS: 'true' });
    try {
      const result = await sender.post(target.url, Buffer.from('{}'), {});
      expect(result).toMatchObject({ status: null, error: 'blocked: 127.0.0.1 is loopback (127.0.0.0/8)', body: '' });
      expect(target.connections()).toBe(0);
    } finally {
      await sender.onApplicationShutdown();
      await target.close();
    }
  });

  it('blocks plain http unless ALLOW_HTTP_ENDPOINTS is on', async () => {
    const target = await receiver(ok);
    const sender = senderWith({ SSRF_ALLOW_CIDRS: '127.0.0.0/8' });
    try {
      const result = await sender.post(target.url, Buffer.from('{}'), {});
      expect(result.error).toBe('blocked: plain http to 127.0.0.1 is not allowed');
      expect(target.connections()).toBe(0);
    } finally {
      await sender.onApplicationShutdown();
      await target.close();
    }
  });

  it('delivers to an allowlisted address', async () => {
    const target = await receiver(ok);
    const sender = senderWith({ ALLOW_HTTP_ENDPOINTS: 'true', SSRF_ALLOW_CIDRS: '127.0.0.0/8, ::1/128' });
    try {
      await expect(sender.post(target.url, Buffer.from('{}'), {})).resolves.toMatchObject({ status: 200, body: 'ok' });
    } finally {
      await sender.onApplicationShutdown();
      await target.close();
    }
  });

  it('reports a redirect as its 3xx status without following it', async () => {
    const elsewhere = await receiver(ok);
    const redirector = await receiver((res) => res.writeHead(302, { location: elsewhere.url }).end());
    const sender = senderWith({ ALLOW_HTTP_ENDPOINTS: 'true', SSRF_ALLOW_CIDRS: '127.0.0.0/8' });
    try {
      await expect(sender.post(redirector.url, Buffer.from('{}'), {})).resolves.toMatchObject({ status: 302 });
      expect(elsewhere.connections()).toBe(0);
    } finally {
      await sender.onApplicationShutdown();
      await redirector.close();
      await elsewhere.close();
    }
  });

  it('refuses to boot with a malformed SSRF_ALLOW_CIDRS, naming the variable and the entry', () => {
    const boot = () => loadConfig(dispatcherConfigSchema, { SSRF_ALLOW_CIDRS: '127.0.0.0/8,10.0.0.1/8' });
    expect(boot).toThrow(ConfigError);
    expect(boot).toThrow(/SSRF_ALLOW_CIDRS: "10\.0\.0\.1\/8" is not a CIDR block: host bits are set/);
  });

  it('defaults to https only and no allowlist', () => {
    const config = loadConfig(dispatcherConfigSchema, {});
    expect(config.ALLOW_HTTP_ENDPOINTS).toBe(false);
    expect(config.SSRF_ALLOW_CIDRS).toEqual([]);
  });
});
