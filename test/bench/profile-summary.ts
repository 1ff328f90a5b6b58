/**
 * Summarises V8 CPU profiles (`node --cpu-prof`): self time by function and by package.
 *
 *   npx tsx test/bench/profile-summary.ts [--json bench.json] [--top N] FILE.cpuprofile…
 *
 * With the bench's JSON, each profile is labelled with its service (matched by pid).
 * Packages: the node_modules package, `app:<name>` / `lib:<name>` for this repository's code,
 * `(node)` for Node's own JavaScript, and V8's pseudo-frames such as `(garbage collector)`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Which package a frame belongs to. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return '(node)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  const own = /\/(apps|libs)\/([^/]+)\//.exec(url);
  if (own) return `${own[1] === 'apps' ? 'app' : 'lib'}:${own[2]}`;
  return basename(url);
}

function summarise(profile: CpuProfile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    total += ms;
    const pkg = packageOf(url, functionName);
    const name = `${functionName || '(anonymous)'} ${url ? `${basename(url)}:${lineNumber + 1}` : ''} [${pkg}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  const wall = (profile.endTime - profile.startTime) / 1e6;
  const rows = (map: Map<string, number>): string =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `| ${((100 * ms) / total).toFixed(1)} % | ${(ms / 1000).toFixed(2)} s | ${name} |`)
      .join('\n');
  return [
    `busy ${(total / 1000).toFixed(1)} s of ${wall.toFixed(1)} s wall (idle ${(idle / 1000).toFixed(1)} s)`,
    '',
    '| self | time | package |',
    '| ---: | ---: | --- |',
    rows(byPackage),
    '',
    '| self | time | function |',
    '| ---: | ---: | --- |',
    rows(byFunction),
  ].join('\n');
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'string' }, top: { type: 'string' } },
  });
  const top = Number(values.top ?? 15);
  const pids = new Map<number, string>();
  if (values.json) {
    const report = JSON.parse(readFileSync(values.json, 'utf8')) as { service_pids?: Record<string, number> };
    for (const [name, pid] of Object.entries(report.service_pids ?? {})) pids.set(pid, name);
  }
  for (const file of positionals) {
    // CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile
    const pid = Number(basename(file).split('.')[3]);
    const label = pids.get(pid) ?? `pid ${pid}`;
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    process.stdout.write(`### ${label} (${basename(file)})\n\n${summarise(profile, top)}\n\n`);
  }
}

main();
