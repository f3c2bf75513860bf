// Reading the Linux process table from /proc: parents, names, memory and CPU time of a process tree.
import fs from 'node:fs';

export type ProcInfo = { pid: number; ppid: number; pgrp: number; state: string; comm: string; cmdline: string; cpuTicks: number };

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Format: pid (comm) state ppid pgrp … utime(14) stime(15) cutime(16) cstime(17); comm may itself hold spaces and parentheses.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return {
      pid,
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      state: fields[0] ?? '?',
      comm,
      cmdline,
      // utime + stime, plus cutime + cstime: the time of reaped children (short-lived PostgreSQL backends) stays counted
      cpuTicks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null; // gone meanwhile
  }
}

export function listProcesses(): ProcInfo[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => readProc(Number(name)) ?? []);
}

/** `root` and all its descendants, skipping any subtree whose process `exclude` matches. */
export function processTree(root: number, all: ProcInfo[], exclude: (proc: ProcInfo) => boolean = () => false): ProcInfo[] {
  const byParent = new Map<number, ProcInfo[]>();
  for (const proc of all) byParent.set(proc.ppid, [...(byParent.get(proc.ppid) ?? []), proc]);
  const rootProc = all.find((proc) => proc.pid === root);
  if (!rootProc || exclude(rootProc)) return [];
  const tree: ProcInfo[] = [];
  const queue = [rootProc];
  while (queue.length > 0) {
    const proc = queue.shift()!;
    tree.push(proc);
    for (const child of byParent.get(proc.pid) ?? []) if (!exclude(child)) queue.push(child);
  }
  return tree;
}

export const isPostgres = (proc: ProcInfo) => proc.comm === 'postgres' || proc.cmdline.startsWith('postgres');

/** Live (not zombie) processes of a process group. */
export function liveGroupMembers(pgid: number): ProcInfo[] {
  return listProcesses().filter((proc) => proc.pgrp === pgid && proc.state !== 'Z');
}

/** Nanoseconds the threads of a process spent runnable but waiting for a CPU (/proc/<pid>/task/<tid>/schedstat). */
export function runQueueWaitNs(pid: number): number {
  let total = 0;
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        total += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]) || 0;
      } catch {
        // thread gone
      }
    }
  } catch {
    // process gone
  }
  return total;
}

/** Resident memory of one process in bytes (0 when it is gone). */
export function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

// The pid listening on a local TCP port: /proc/net/tcp{,6} name the socket inode, /proc/<pid>/fd links to it.
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      // cols[1] local address "ADDR:PORT", cols[3] state (0A = LISTEN), cols[9] inode
      if (cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A' && cols[9]) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const name of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      for (const fd of fs.readdirSync(`/proc/${name}/fd`)) {
        const target = fs.readlinkSync(`/proc/${name}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return Number(name);
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

/**
 * The server process: whoever listens on the port (`next start` or a custom server around Next's handler); when we
 * launched it, it must be below our launcher. Falls back to the topmost process titled next-server below it.
 */
export function findServerPid(port: number, launcherPid: number | null): number | null {
  const listening = pidListeningOn(port);
  if (launcherPid === null) return listening;
  const tree = processTree(launcherPid, listProcesses());
  if (listening !== null && tree.some((proc) => proc.pid === listening)) return listening;
  return tree.find((proc) => proc.cmdline.startsWith('next-server'))?.pid ?? null;
}
