// Preload that samples a Node process's allocations for a while — every sampled allocation,
// including objects the GC has already collected, which is what costs time at high rates — and
// writes what it saw. Node refuses inspector flags in NODE_OPTIONS and the services are spawned
// by TestPlatform, so, e.g. for the measured phase of a default max-rate bench:
//   BENCH_SVC_NODE_OPTIONS="--require $PWD/test/bench/alloc-profile.cjs" BENCH_SVC_ALLOC_PROF_DIR=/tmp/alloc \
//   BENCH_SVC_ALLOC_PROF_DELAY=95 BENCH_SVC_ALLOC_PROF_SECONDS=20 npx tsx test/bench/bench.ts --events 30000
// writes <dir>/<pid>.heapprofile (open it in Chrome DevTools, Memory tab) and <dir>/<pid>.txt:
// sampled MB by allocating function (self) and by the nearest frame of this repository's code.
'use strict';
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.ALLOC_PROF_DIR;
const delayMs = Number(process.env.ALLOC_PROF_DELAY ?? 60) * 1000;
const durationMs = Number(process.env.ALLOC_PROF_SECONDS ?? 20) * 1000;

/** Top entries of a name → bytes map, as lines of "share  MB  name". */
function top(bytesByName, total, count) {
  return [...bytesByName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(
      ([name, bytes]) =>
        `${((100 * bytes) / total).toFixed(1).padStart(5)} % ${(bytes / 2 ** 20).toFixed(0).padStart(6)} MB  ${name}`,
    );
}

function summarise(profile) {
  const self = new Map();
  const byOwnCode = new Map();
  let total = 0;
  const walk = (node, ownFrame) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '')}:${lineNumber + 1}`;
    const own = url.includes('/dist/') ? name : ownFrame;
    total += node.selfSize;
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    byOwnCode.set(own, (byOwnCode.get(own) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, own);
  };
  walk(profile.head, '(no frame of ours)');
  return [
    `sampled ${(total / 2 ** 20).toFixed(0)} MB in ${durationMs / 1000} s (pid ${process.pid})`,
    '',
    'by allocating function:',
    ...top(self, total, 30),
    '',
    'by the nearest frame of our code:',
    ...top(byOwnCode, total, 20),
  ].join('\n');
}

if (dir) {
  const session = new Session();
  session.connect();
  setTimeout(() => {
    session.post('HeapProfiler.enable');
    session.post('HeapProfiler.startSampling', {
      samplingInterval: 32_768,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    setTimeout(() => {
      session.post('HeapProfiler.stopSampling', (error, result) => {
        if (error) return;
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${process.pid}.heapprofile`), JSON.stringify(result.profile));
        writeFileSync(join(dir, `${process.pid}.txt`), `${summarise(result.profile)}\n`);
      });
    }, durationMs).unref();
  }, delayMs).unref();
}
