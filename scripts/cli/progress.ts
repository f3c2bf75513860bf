// Progress of a long CLI task: a redrawn bar with rate and ETA on a terminal, a plain line every tenth otherwise
// (logs and CI keep a readable record instead of carriage returns).

const BAR_WIDTH = 28;
const REDRAW_INTERVAL_MS = 100;

export type ProgressReporter = { update(done: number): void; finish(): void };

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const rounded = Math.round(seconds);
  const minutes = Math.floor(rounded / 60);
  return minutes > 0 ? `${minutes}m ${String(rounded % 60).padStart(2, '0')}s` : `${rounded}s`;
}

export function createProgressReporter(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const started = performance.now();
  let lastDrawn = 0;
  let lastTenth = 0;
  let latest = 0;

  const line = (done: number) => {
    const elapsed = (performance.now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : Infinity;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    return { text: `${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${percent}%) · ${Math.round(rate).toLocaleString('en')}/s · ETA ${formatDuration(eta)}`, percent };
  };

  const draw = (done: number) => {
    const { text, percent } = line(done);
    const filled = Math.round((percent / 100) * BAR_WIDTH);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${text}\u001b[K`);
  };

  return {
    update(done) {
      latest = done;
      if (stream.isTTY) {
        const now = performance.now();
        if (now - lastDrawn >= REDRAW_INTERVAL_MS || done === total) {
          lastDrawn = now;
          draw(done);
        }
        return;
      }
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done).text}\n`);
      }
    },
    finish() {
      if (stream.isTTY) {
        draw(latest);
        stream.write('\n');
      }
    },
  };
}
