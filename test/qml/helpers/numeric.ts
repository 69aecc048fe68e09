/** Numerical helpers for the qml tests: central differences, statistics, qmlsec state access. */
import type { Circuit } from '../../../src/circuit/circuit.js';
import { StatevectorSimulator } from '../../../src/sim/statevector.js';

/** Central finite difference of a scalar function along every coordinate of `x`. */
export function centralGradient(f: (x: Float64Array) => number, x: ArrayLike<number>, h = 1e-5): Float64Array {
  const p = Float64Array.from(x);
  const g = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    p[i] = v + h;
    const fp = f(p);
    p[i] = v - h;
    const fm = f(p);
    p[i] = v;
    g[i] = (fp - fm) / (2 * h);
  }
  return g;
}

/** Mean and standard error of the mean of samples (per component). */
export function meanAndStdError(samples: readonly ArrayLike<number>[]): { mean: Float64Array; se: Float64Array } {
  const n = samples.length;
  const d = (samples[0] as ArrayLike<number>).length;
  const mean = new Float64Array(d);
  for (const s of samples) for (let j = 0; j < d; j++) mean[j] = (mean[j] as number) + (s[j] as number) / n;
  const se = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let v = 0;
    for (const s of samples) v += ((s[j] as number) - (mean[j] as number)) ** 2;
    se[j] = Math.sqrt(v / (n - 1) / n);
  }
  return { mean, se };
}

const sim = new StatevectorSimulator();

/** qmlsec's statevector of one binding (interleaved complex, qubit q = bit q). */
export function qmlsecState(circuit: Circuit, inputs: ArrayLike<number> | undefined, weights: ArrayLike<number>): Float64Array {
  return Float64Array.from(sim.statevector(circuit, { ...(inputs ? { inputs: [inputs] } : {}), weights }));
}
