/** Output helpers shared by CLI commands: JSON, text, number parsing, progress bars. */
import { SingleBar, Presets } from 'cli-progress';
import { UsageError } from '../core/errors.js';

/** Writes `value` as pretty JSON followed by a newline to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printLine(text = ''): void {
  process.stdout.write(`${text}\n`);
}

/** Parses an integer option, throwing a UsageError naming the option when it is not one. */
export function parseIntOption(name: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value.trim())) throw new UsageError(`${name} must be an integer, got "${value}"`);
    const n = Number(value);
    if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}

/** Parses a choice option, throwing a UsageError listing the valid choices. */
export function parseChoice<T extends string>(name: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) {
      throw new UsageError(`${name} must be one of ${choices.join(', ')}; got "${value}"`);
    }
    return value as T;
  };
}

/** A progress reporter; the CLI shows a bar on stderr when it is a terminal. */
export interface Progress {
  start(total: number, label?: string): void;
  update(done: number, info?: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a TTY (or QMLSEC_PROGRESS=1), silent otherwise. */
export function progressBar(enabled = Boolean(process.stderr.isTTY) || process.env['QMLSEC_PROGRESS'] === '1'): Progress {
  if (!enabled) return { start() {}, update() {}, stop() {} };
  let bar: SingleBar | undefined;
  return {
    start(total, label = '') {
      bar = new SingleBar(
        { format: `${label.padEnd(14)} [{bar}] {percentage}% | {value}/{total} | {info}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
        Presets.shades_classic,
      );
      bar.start(total, 0, { info: '' });
    },
    update(done, info = '') {
      bar?.update(done, { info });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
