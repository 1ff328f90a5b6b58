import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { GrpcStatus, ManagementClient, PublisherClient, tlsCredentials, type ClientOptions } from '@webhooks/client';
import { createTestPki, REPO_ROOT, TestPlatform, waitFor, type TestPki } from '@webhooks/testing';
import { e2eStack } from '../setup/env';

/**
 * Ingestion and subscriptions with mutual TLS, as separate processes: only a client with a
 * certificate from the configured client CA gets through, every other client fails the
 * handshake (UNAVAILABLE), and the HTTP gateway, which dials its own gRPC server, still works.
 */
describe('gRPC servers with mutual TLS', () => {
  const stack = e2eStack();
  const pki: TestPki = createTestPki();
  const tlsEnv = {
    GRPC_TLS_CERT_FILE: pki.serverCert,
    GRPC_TLS_KEY_FILE: pki.serverKey,
    GRPC_TLS_CLIENT_CA_FILE: pki.caCert,
  };
  const platform = new TestPlatform({
    kafkaBrokers: stack.kafkaBrokers,
    databaseUrl: stack.databaseUrl,
    serviceEnv: { ingestion: tlsEnv, subscriptions: tlsEnv },
  });
  const tenant = `mtls-${Date.now().toString(36)}`;
  const clients: { close(): void }[] = [];

  /** A publisher with the given credentials; no retries, so a refused handshake shows at once. */
  const publisher = (credentials?: grpc.ChannelCredentials) => {
    const client = platform.publisher({ maxRetries: 0, deadlineMs: 5_000, ...(credentials ? { credentials } : {}) });
    clients.push(client);
    return client;
  };
  const publishStatus = (client: PublisherClient) =>
    client.publish({ tenantId: tenant, eventType: 'mtls.checked', payload: {} }).then(
      () => GrpcStatus.OK,
      (error: grpc.ServiceError) => error.code,
    );

  beforeAll(async () => {
    await platform.start();
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await platform.stop();
  });

  it('refuses a plaintext client', async () => {
    expect(await publishStatus(publisher())).toBe(GrpcStatus.UNAVAILABLE);
  });

  it('refuses a TLS client without a client certificate', async () => {
    expect(await publishStatus(publisher(tlsCredentials({ caFile: pki.caCert })))).toBe(GrpcStatus.UNAVAILABLE);
  });

  it('refuses a client certificate from another CA', async () => {
    const stranger = tlsCredentials({ caFile: pki.caCert, certFile: pki.strangerCert, keyFile: pki.strangerKey });
    expect(await publishStatus(publisher(stranger))).toBe(GrpcStatus.UNAVAILABLE);
  });

  it('accepts a client certificate issued by the client CA, on ingestion and on management', async () => {
    const credentials = tlsCredentials({ caFile: pki.caCert, certFile: pki.clientCert, keyFile: pki.clientKey });
    const client = publisher(credentials);
    // A topic created moments ago may answer NOT_LEADER once while its leadership settles.
    await waitFor(
      'a publish over mutual TLS',
      async () => ((await publishStatus(client)) === GrpcStatus.OK ? true : undefined),
      30_000,
    );
    const options: ClientOptions = { address: platform.managementAddress, apiKey: platform.adminApiKey, credentials };
    const management = new ManagementClient(options);
    clients.push(management);
    await expect(management.listTenants(1)).resolves.toBeDefined();
  });

  it('keeps the HTTP gateway working: it dials its own server over mutual TLS', async () => {
    const response = await fetch(
      `http://127.0.0.1:${platform.service('subscriptions').httpPort}/v1/tenants/${tenant}/endpoints`,
      { headers: { authorization: `Bearer ${platform.adminApiKey}` } },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ endpoints: [] });
  });

  it('says so in the start-up log', () => {
    // TestPlatform's default log directory.
    const log = readFileSync(join(REPO_ROOT, 'dist/test-logs', platform.prefix.slice(0, -1), 'ingestion.log'), 'utf8');
    expect(log).toContain('"grpcTls":"mtls"');
  });
});
