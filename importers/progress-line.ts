import type { ImportProgress } from './import-summary.ts';

const number = new Intl.NumberFormat('en-US');

/**
 * A single progress line redrawn in place on a terminal, at most a few times a second; nothing at all when the
 * stream is not a terminal (CI logs, pipes), where a line per batch would only be noise.
 */
export function createProgressLine(stream: NodeJS.WriteStream, intervalMs = 250) {
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    update(p: ImportProgress) {
      if (!stream.isTTY) return;
      const now = performance.now();
      if (now - last < intervalMs) return;
      last = now;
      const rate = p.rows / Math.max((now - started) / 1000, 0.001);
      stream.write(
        `\r\x1b[K${number.format(p.rows)} rows · ${number.format(p.accepted)} accepted · ${number.format(p.rejectedRows)} rejected · ${number.format(Math.round(rate))} rows/s`,
      );
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
