// Peak resident memory of the Next.js server: VmRSS summed over the server process (the one listening on the port) and its descendants (PostgreSQL
// excluded), sampled every 250 ms while the benchmark runs.
import { isPostgres, listProcesses, processTree, rssBytes } from './proc';

const SAMPLE_MS = 250;

export type MemorySampler = { stop(): MemoryResult };
export type MemoryResult = { peakBytes: number; lastBytes: number; samples: number; processes: number };

export function treeRss(serverPid: number): { bytes: number; processes: number } {
  const tree = processTree(serverPid, listProcesses(), isPostgres);
  return { bytes: tree.reduce((sum, proc) => sum + rssBytes(proc.pid), 0), processes: tree.length };
}

export function sampleMemory(serverPid: number): MemorySampler {
  const result: MemoryResult = { peakBytes: 0, lastBytes: 0, samples: 0, processes: 0 };
  const sample = () => {
    const { bytes, processes } = treeRss(serverPid);
    if (processes === 0) return;
    result.samples++;
    result.lastBytes = bytes;
    result.processes = Math.max(result.processes, processes);
    result.peakBytes = Math.max(result.peakBytes, bytes);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return result;
    },
  };
}
