import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux build that matters). */
const USER_HZ = 100;

export interface ProcessSample {
  /** utime + stime, seconds since the process started. */
  cpuSeconds: number;
  /** VmHWM: the process's peak resident set so far, MB. */
  peakRssMb: number;
  rssMb: number;
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Reads one process's CPU time and memory from /proc; undefined once it is gone. */
export function sampleProcess(pid: number): ProcessSample | undefined {
  const fields = statFields(pid);
  if (!fields) return undefined;
  // utime and stime are fields 14 and 15 of the whole line, i.e. 11 and 12 after the name.
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { cpuSeconds, peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** The host's CPU time so far, all cores, from the first line of /proc/stat (ticks). */
export interface HostCpuTicks {
  busy: number;
  idle: number;
}

export function hostCpuTicks(): HostCpuTicks {
  // cpu  user nice system idle iowait irq softirq steal guest guest_nice
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  return { busy: user + nice + system + irq + softirq + steal, idle: idle + iowait };
}

/**
 * How busy the whole host was between two readings: the share of all cores' time spent busy
 * and idle, in percent, and the busy time in cores. Idle time at max rate is throughput the
 * platform left on the table (waiting, not computing).
 */
export interface HostCpu {
  busy_percent: number;
  idle_percent: number;
  busy_cores: number;
}

export function hostCpuBetween(before: HostCpuTicks, after: HostCpuTicks, seconds: number): HostCpu {
  const busy = after.busy - before.busy;
  const idle = after.idle - before.idle;
  const all = Math.max(1, busy + idle);
  return {
    busy_percent: Math.round((1000 * busy) / all) / 10,
    idle_percent: Math.round((1000 * idle) / all) / 10,
    busy_cores: Math.round((100 * busy) / USER_HZ / Math.max(0.001, seconds)) / 100,
  };
}

/**
 * CPU seconds of a process and all its children: its own time, its reaped children's (cutime,
 * cstime) and its live children's. For servers that fork a process per connection (PostgreSQL).
 */
export function treeCpuSeconds(pid: number): number | undefined {
  const own = statFields(pid);
  if (!own) return undefined;
  // After the name: state, ppid, … utime 11, stime 12, cutime 13, cstime 14.
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / USER_HZ;
}

/**
 * Watches named processes: CPU seconds spent between `begin()` and `end()`, and the highest
 * peak RSS seen (VmHWM, sampled every `intervalMs` and at the end, so a process that exits early
 * keeps its last reading).
 */
export class ProcessWatch {
  private readonly pids = new Map<string, number>();
  /** Processes whose CPU includes their children's (see treeCpuSeconds). */
  private readonly trees = new Set<string>();
  private readonly cpuAtBegin = new Map<string, number>();
  private readonly cpuAtEnd = new Map<string, number>();
  private readonly peak = new Map<string, number>();
  private readonly last = new Map<string, ProcessSample>();
  private timer?: NodeJS.Timeout;
  private host?: { ticks: HostCpuTicks; at: number };
  private hostCpuOverWatch?: HostCpu;

  add(name: string, pid: number | undefined, options: { withChildren?: boolean } = {}): void {
    if (pid === undefined) return;
    this.pids.set(name, pid);
    if (options.withChildren) this.trees.add(name);
  }

  begin(intervalMs = 500): void {
    for (const [name] of this.pids) this.cpuAtBegin.set(name, this.read(name)?.cpuSeconds ?? 0);
    this.host = { ticks: hostCpuTicks(), at: Date.now() };
    this.timer = setInterval(() => {
      for (const [name] of this.pids) this.read(name);
    }, intervalMs);
    this.timer.unref();
  }

  end(): void {
    clearInterval(this.timer);
    for (const [name] of this.pids) {
      const sample = this.read(name) ?? this.last.get(name);
      this.cpuAtEnd.set(name, sample?.cpuSeconds ?? 0);
    }
    if (this.host)
      this.hostCpuOverWatch = hostCpuBetween(this.host.ticks, hostCpuTicks(), (Date.now() - this.host.at) / 1000);
  }

  /** The whole host's CPU between begin() and end(): every process, watched or not. */
  hostCpu(): HostCpu | undefined {
    return this.hostCpuOverWatch;
  }

  cpuSeconds(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name] of this.pids)
      out[name] = round((this.cpuAtEnd.get(name) ?? 0) - (this.cpuAtBegin.get(name) ?? 0), 2);
    return out;
  }

  peakRssMb(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name] of this.pids) out[name] = round(this.peak.get(name) ?? 0, 1);
    return out;
  }

  private read(name: string): ProcessSample | undefined {
    const pid = this.pids.get(name)!;
    const sample = sampleProcess(pid);
    if (sample && this.trees.has(name)) sample.cpuSeconds = treeCpuSeconds(pid) ?? sample.cpuSeconds;
    if (sample) {
      this.last.set(name, sample);
      this.peak.set(name, Math.max(this.peak.get(name) ?? 0, sample.peakRssMb));
    }
    return sample;
  }
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
