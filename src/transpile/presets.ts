/**
 * Preset pass managers for optimisation levels 0–3, modelled on Qiskit's:
 *
 * | level | layout | routing | optimisation |
 * |---|---|---|---|
 * | 0 | trivial | SABRE, 1 trial | none |
 * | 1 | perfect (VF2-style) else SABRE (4 trials × 2 iterations; 2 × 1 when two-qubit gates × qubits > 10⁵) | reuses SABRE layout's routing | 1q fusion + inverse cancellation, to a fixed point |
 * | 2 | perfect else SABRE (8 trials + dense and noise-aware starts, chosen by estimated fidelity when calibrated) | + 4 routing trials | + commutation-aware cancellation |
 * | 3 | perfect (deeper search) else SABRE (16 trials, 3 iterations, same starts) | + 12 routing trials | as 2, plus one-qubit fusion and cancellation before layout |
 *
 * Every level unrolls 3+-qubit gates first and translates to the target's natives after
 * routing, so the output always uses only native gates on existing couplers.
 */
import { InputError } from '../core/errors.js';
import { BasisTranslator } from './basis/translate.js';
import { UnrollMultiQubit } from './basis/unroll.js';
import { ApplyLayout } from './layout/apply.js';
import { PerfectLayout } from './layout/perfect.js';
import { SabreLayout } from './layout/sabre-layout.js';
import { TrivialLayout } from './layout/trivial.js';
import { CancelInverses, RemoveIdentities } from './optimize/cancel-inverses.js';
import { CommutativeCancellation } from './optimize/commutation.js';
import { RepeatUntilStable } from './optimize/fixed-point.js';
import { Optimize1qRuns } from './optimize/optimize-1q.js';
import { PassManager } from './pass-manager.js';
import { SabreRouting } from './routing/sabre-routing.js';
import type { Target } from './target.js';

/** Optimisation level. */
export type OptimizationLevel = 0 | 1 | 2 | 3;

/** Throws a UsageError-style InputError unless `level` is 0, 1, 2 or 3. */
export function checkLevel(level: number): OptimizationLevel {
  if (level !== 0 && level !== 1 && level !== 2 && level !== 3) throw new InputError(`optimization level must be 0, 1, 2 or 3, got ${level}`, 'LEVEL');
  return level;
}

/** The preset pass manager of a level for a target. */
export function presetPassManager(level: number, target: Target): PassManager {
  const lv = checkLevel(level);
  const pm = new PassManager(target);
  const noise = target.hasCalibration;
  pm.append('init', new UnrollMultiQubit());
  if (lv >= 1) pm.append('init', new RemoveIdentities(), new CancelInverses());
  if (lv === 3) pm.append('init', new RepeatUntilStable([new Optimize1qRuns(), new CommutativeCancellation()]));
  switch (lv) {
    case 0:
      pm.append('layout', new TrivialLayout());
      break;
    case 1:
      pm.append('layout', new PerfectLayout({ callLimit: 20_000, maxSolutions: 4 }), new SabreLayout({ layoutTrials: 4, iterations: 2, largeCircuitWork: 100_000, largeTrials: 2 }));
      break;
    case 2:
      pm.append('layout', new PerfectLayout({ callLimit: 100_000, maxSolutions: 16 }), new SabreLayout({ layoutTrials: 8, iterations: 2, seedLayouts: ['dense', 'noise-aware'], noiseAware: noise }));
      break;
    case 3:
      pm.append('layout', new PerfectLayout({ callLimit: 500_000, maxSolutions: 64 }), new SabreLayout({ layoutTrials: 16, iterations: 3, seedLayouts: ['dense', 'noise-aware'], noiseAware: noise }));
      break;
  }
  pm.append('layout', new ApplyLayout());
  const routingTrials = [1, 0, 4, 12][lv] as number;
  pm.append('routing', new SabreRouting({ trials: routingTrials, noiseAware: lv >= 2 && noise }));
  pm.append('translation', new BasisTranslator());
  if (lv === 1) pm.append('optimization', new RepeatUntilStable([new Optimize1qRuns(), new CancelInverses()]));
  if (lv >= 2) pm.append('optimization', new RepeatUntilStable([new Optimize1qRuns(), new CancelInverses(), new CommutativeCancellation()], lv === 3 ? 16 : 8));
  return pm;
}
