import type { OutputStream } from './cli-output';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Shows a spinner with the elapsed time on stderr while `work` runs. The replay RPCs report
 * nothing until they finish (a redrive reads the DLQ to its end), so elapsed time is the only
 * honest progress. Drawn only on a terminal: piped stderr stays free of control characters.
 */
export async function withSpinner<T>(stderr: OutputStream, label: string, work: Promise<T>): Promise<T> {
  if (!stderr.isTTY) return work;
  const started = Date.now();
  let frame = 0;
  const draw = () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stderr.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds}s`);
  };
  draw();
  const timer = setInterval(draw, 100);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    stderr.write('\r\x1b[2K');
  }
}
