// What the benchmark ran on.
import fs from 'node:fs';
import os from 'node:os';

export type Machine = { cpu: string; cores: number; memoryGiB: number; node: string; os: string; loadBefore: number[] };

export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadBefore: os.loadavg(),
  };
}

/** Microseconds some runnable task waited for a CPU since boot (Linux PSI, /proc/pressure/cpu), or null. */
export function cpuPressureTotalUs(): number | null {
  try {
    const match = /^some .*total=(\d+)/m.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
