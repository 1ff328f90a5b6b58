// Preload that CPU-profiles a Node process from start to exit, as `node --cpu-prof` would.
// Node 20 refuses --cpu-prof in NODE_OPTIONS, and the services are spawned by TestPlatform, so:
//   BENCH_SVC_NODE_OPTIONS="--require $PWD/test/bench/cpu-profile.cjs" BENCH_SVC_CPU_PROF_DIR=/tmp/prof
// writes <dir>/CPU.<date>.<time>.<pid>.0.001.cpuprofile (the --cpu-prof file name) when the process exits.
'use strict';
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  // 1 ms sampling, as --cpu-prof-interval's default.
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  // A same-thread inspector session answers synchronously, so this works inside 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const now = new Date();
      const pad = (n) => String(n).padStart(2, '0');
      const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
      const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `CPU.${date}.${time}.${process.pid}.0.001.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
