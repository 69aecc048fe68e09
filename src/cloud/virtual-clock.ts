/**
 * Simulated time for the QMLaaS pipeline. Queue waits of hours and executions of seconds are
 * accounted on this clock instead of being slept through: a training run that would keep a
 * cloud QPU busy for a day finishes in seconds of real time and still reports the day.
 */
import { UsageError } from '../core/errors.js';

/** A monotonic clock in seconds since the start of a run. */
export class VirtualClock {
  private current: number;

  constructor(start = 0) {
    if (!Number.isFinite(start) || start < 0) throw new UsageError(`a virtual clock starts at a non-negative time, got ${start}`);
    this.current = start;
  }

  /** The current virtual time, seconds. */
  now(): number {
    return this.current;
  }

  /** Moves the clock forward to `time` (never backwards: earlier times are ignored). */
  advanceTo(time: number): number {
    if (!Number.isFinite(time)) throw new UsageError(`cannot advance a virtual clock to ${time}`);
    if (time > this.current) this.current = time;
    return this.current;
  }

  /** Moves the clock forward by `seconds` (≥ 0). */
  advanceBy(seconds: number): number {
    if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`a virtual clock only moves forward, got ${seconds} s`);
    this.current += seconds;
    return this.current;
  }
}
