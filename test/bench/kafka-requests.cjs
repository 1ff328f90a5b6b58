// Preload that counts the Kafka requests a service sends, by API, and writes their rate to
// stderr (the service's log under dist/test-logs/<prefix>/) every 10 s as one line:
//   KREQ {"Fetch":38,"Produce":122,"OffsetCommit":5,…}   (requests per second)
// Usage: BENCH_SVC_NODE_OPTIONS="--require $PWD/test/bench/kafka-requests.cjs" npm run bench -- …
// It wraps kafkajs' Connection.send; nothing else changes. (It found the per-batch offset
// commits and the FindCoordinator before every transactional request: docs/performance.md.)
'use strict';
const { join } = require('node:path');

let Connection;
try {
  Connection = require(join(process.cwd(), 'node_modules/kafkajs/src/network/connection'));
} catch {
  Connection = undefined; // not a process that uses kafkajs
}
if (Connection) {
  const counts = {};
  const send = Connection.prototype.send;
  Connection.prototype.send = function countedSend(args) {
    const api = args.request.apiName;
    counts[api] = (counts[api] || 0) + 1;
    return send.call(this, args);
  };
  let last = {};
  let since = Date.now();
  setInterval(() => {
    const now = Date.now();
    const rates = {};
    for (const [api, count] of Object.entries(counts)) {
      const delta = count - (last[api] || 0);
      if (delta) rates[api] = Math.round((delta * 1000) / (now - since));
    }
    last = { ...counts };
    since = now;
    process.stderr.write(`KREQ ${JSON.stringify(rates)}\n`);
  }, 10_000).unref();
}
