import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A currently free TCP port on loopback, for a server that another process binds a moment later.
 *
 * Not `listen(0)`: the kernel picks that port from the ephemeral range, the same range it hands
 * to outgoing connections, so in the gap before the real server binds, any client socket (a
 * Kafka or Postgres connection) may take it — an EADDRINUSE seen in CI. Ports are drawn at random
 * from below the ephemeral range instead (which outgoing connections never use) and checked by
 * binding; only another caller of this function could still collide, and random draws make that
 * unlikely.
 */
export async function freePort(): Promise<number> {
  const [low, high] = candidateRange();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await canBind(port)) return port;
  }
  return boundByKernel();
}

/** Ports below the kernel's ephemeral range (Linux: net.ipv4.ip_local_port_range), above 10000. */
function candidateRange(): [number, number] {
  let ephemeralLow = 32_768;
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && low > 11_000) ephemeralLow = low;
  } catch {
    // Not Linux: keep the IANA default start of the dynamic range.
  }
  return [10_000, ephemeralLow];
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function boundByKernel(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
