/** Shot counts as simulators accept them. */
import { UsageError } from '../core/errors.js';

/** Checks a shot count (required, a positive integer, at most `max`) and returns it. */
export function checkShots(shots: number | undefined, max: number): number {
  if (shots === undefined) throw new UsageError('counts need a number of shots');
  if (!Number.isInteger(shots) || shots <= 0) throw new UsageError(`shots must be a positive integer, got ${shots}`);
  if (shots > max) throw new UsageError(`shots must be at most ${max}, got ${shots}`);
  return shots;
}
