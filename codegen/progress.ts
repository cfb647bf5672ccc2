/**
 * Progress on standard error while a run works: one line per job and phase, with counts,
 * rewritten in place (`[1/2] spec/zoom.postman_collection.json: generating the SDK (5 operations)`).
 * Only on a terminal: a pipe or a CI log gets nothing, so what it captures stays the result.
 */

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  /** Starts job `index` (0-based) of `total`, named as the user wrote its input. */
  job(index: number, total: number, name: string): void;
  /** The current job's phase, e.g. `converting the collection`, `writing 14 files`. */
  phase(text: string): void;
  /** Clears the line, before the run prints its result. */
  done(): void;
}

const SILENT: Progress = { job() {}, phase() {}, done() {} };

/** A progress line on `stream` when it is a terminal and `enabled`; silent otherwise. */
export function createProgress(stream: ProgressStream, enabled = true): Progress {
  if (!enabled || !stream.isTTY) return SILENT;
  let prefix = "";
  let shown = false;
  const show = (text: string) => {
    const width = Math.max(20, (stream.columns || 80) - 1);
    const line = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    // CR, then erase the line: the next phase replaces this one.
    stream.write(`\r\x1b[2K${line}`);
    shown = true;
  };
  return {
    job(index, total, name) {
      prefix = `[${index + 1}/${total}] ${name}`;
      show(prefix);
    },
    phase(text) {
      show(`${prefix}: ${text}`);
    },
    done() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
