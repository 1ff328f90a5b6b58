import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files of a throw-away PKI, as paths. */
export interface TestPki {
  dir: string;
  /** The CA that signs the server and the client certificate. */
  caCert: string;
  /** Server certificate for 127.0.0.1 and localhost, usable for server and client auth. */
  serverCert: string;
  serverKey: string;
  /** A client certificate issued by `caCert`. */
  clientCert: string;
  clientKey: string;
  /** A client certificate issued by another CA, which a server trusting `caCert` must refuse. */
  strangerCert: string;
  strangerKey: string;
}

/**
 * A CA, a server and a client certificate made with the openssl CLI into a fresh temp dir,
 * valid for two days: what an operator would mount, so tests exercise real certificates.
 */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-pki-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const authority = (name: string) =>
    openssl(
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
      '-subj', `/CN=${name}`, '-keyout', file(`${name}.key`), '-out', file(`${name}.crt`),
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ); // prettier-ignore
  const leaf = (name: string, ca: string, extensions: string) => {
    writeFileSync(file(`${name}.ext`), extensions);
    openssl(
      'req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-subj', `/CN=${name}`, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`),
    ); // prettier-ignore
    openssl(
      'x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.crt`), '-CAkey', file(`${ca}.key`),
      '-CAcreateserial', '-days', '2', '-extfile', file(`${name}.ext`), '-out', file(`${name}.crt`),
    ); // prettier-ignore
  };
  authority('ca');
  authority('other-ca');
  leaf(
    'server',
    'ca',
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature\n',
  );
  leaf('client', 'ca', 'extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature\n');
  leaf('stranger', 'other-ca', 'extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature\n');
  return {
    dir,
    caCert: file('ca.crt'),
    serverCert: file('server.crt'),
    serverKey: file('server.key'),
    clientCert: file('client.crt'),
    clientKey: file('client.key'),
    strangerCert: file('stranger.crt'),
    strangerKey: file('stranger.key'),
  };
}
