/**
 * Optimizers over a flat parameter vector: SGD, momentum (heavy ball), Adam and AMSGrad
 * (Kingma & Ba 2015; Reddi et al. 2018, with bias correction as in PyTorch), and SPSA's gain
 * sequences (Spall 1998). Learning-rate schedules: constant, step decay, exponential, cosine.
 * State is plain data so that checkpoints can resume training exactly.
 */
import { UsageError } from '../core/errors.js';

export type OptimizerKind = 'sgd' | 'momentum' | 'adam' | 'amsgrad' | 'spsa';
export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ['sgd', 'momentum', 'adam', 'amsgrad', 'spsa'];

export type ScheduleSpec =
  | { readonly kind: 'constant' }
  | { readonly kind: 'step'; readonly every: number; readonly factor: number }
  | { readonly kind: 'exponential'; readonly gamma: number }
  | { readonly kind: 'cosine'; readonly total: number; readonly min?: number };

export interface OptimizerSpec {
  readonly kind: OptimizerKind;
  readonly lr?: number;
  readonly momentum?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  readonly schedule?: ScheduleSpec;
  /** SPSA: a, c, A, alpha, gamma (Spall's gains a_k = a/(k+1+A)^α, c_k = c/(k+1)^γ). */
  readonly spsa?: { readonly a?: number; readonly c?: number; readonly A?: number; readonly alpha?: number; readonly gamma?: number };
}

/** Serialisable optimizer state. */
export interface OptimizerState {
  step: number;
  m?: number[];
  v?: number[];
  vMax?: number[];
}

/** Learning rate at epoch `epoch` (0-based) under a schedule. */
export function scheduledRate(lr: number, schedule: ScheduleSpec | undefined, epoch: number): number {
  if (!schedule) return lr;
  switch (schedule.kind) {
    case 'constant':
      return lr;
    case 'step':
      return lr * schedule.factor ** Math.floor(epoch / schedule.every);
    case 'exponential':
      return lr * schedule.gamma ** epoch;
    case 'cosine': {
      const min = schedule.min ?? 0;
      return min + 0.5 * (lr - min) * (1 + Math.cos((Math.PI * Math.min(epoch, schedule.total)) / schedule.total));
    }
  }
}

export class Optimizer {
  readonly spec: OptimizerSpec;
  state: OptimizerState;

  constructor(spec: OptimizerSpec, state?: OptimizerState) {
    if (!OPTIMIZER_KINDS.includes(spec.kind)) throw new UsageError(`unknown optimizer "${String(spec.kind)}" (known: ${OPTIMIZER_KINDS.join(', ')})`);
    const lr = spec.lr ?? defaultRate(spec.kind);
    if (!(lr > 0) || !Number.isFinite(lr)) throw new UsageError(`learning rate must be a positive number, got ${spec.lr}`);
    this.spec = spec;
    this.state = state ?? { step: 0 };
  }

  /** SPSA's perturbation size c_k for the current step. */
  spsaPerturbation(): number {
    const s = this.spec.spsa ?? {};
    return (s.c ?? 0.1) / (this.state.step + 1) ** (s.gamma ?? 0.101);
  }

  /** Updates `params` in place from `grad`, at epoch `epoch` (for schedules). */
  step(params: Float64Array, grad: ArrayLike<number>, epoch: number): void {
    const lr = scheduledRate(this.spec.lr ?? defaultRate(this.spec.kind), this.spec.schedule, epoch);
    const n = params.length;
    const st = this.state;
    st.step++;
    switch (this.spec.kind) {
      case 'sgd':
        for (let i = 0; i < n; i++) params[i] = (params[i] as number) - lr * (grad[i] as number);
        return;
      case 'momentum': {
        const mu = this.spec.momentum ?? 0.9;
        const m = (st.m ??= new Array<number>(n).fill(0));
        for (let i = 0; i < n; i++) {
          m[i] = mu * (m[i] as number) + (grad[i] as number);
          params[i] = (params[i] as number) - lr * (m[i] as number);
        }
        return;
      }
      case 'adam':
      case 'amsgrad': {
        const b1 = this.spec.beta1 ?? 0.9;
        const b2 = this.spec.beta2 ?? 0.999;
        const eps = this.spec.epsilon ?? 1e-8;
        const m = (st.m ??= new Array<number>(n).fill(0));
        const v = (st.v ??= new Array<number>(n).fill(0));
        const vMax = this.spec.kind === 'amsgrad' ? (st.vMax ??= new Array<number>(n).fill(0)) : undefined;
        const c1 = 1 - b1 ** st.step;
        const c2 = 1 - b2 ** st.step;
        for (let i = 0; i < n; i++) {
          const g = grad[i] as number;
          m[i] = b1 * (m[i] as number) + (1 - b1) * g;
          v[i] = b2 * (v[i] as number) + (1 - b2) * g * g;
          let vHat = (v[i] as number) / c2;
          if (vMax) {
            vMax[i] = Math.max(vMax[i] as number, v[i] as number);
            vHat = (vMax[i] as number) / c2;
          }
          params[i] = (params[i] as number) - (lr * ((m[i] as number) / c1)) / (Math.sqrt(vHat) + eps);
        }
        return;
      }
      case 'spsa': {
        const s = this.spec.spsa ?? {};
        const a = (s.a ?? lr) / (st.step + (s.A ?? 10)) ** (s.alpha ?? 0.602);
        for (let i = 0; i < n; i++) params[i] = (params[i] as number) - a * (grad[i] as number);
        return;
      }
    }
  }
}

function defaultRate(kind: OptimizerKind): number {
  return kind === 'sgd' || kind === 'momentum' ? 0.1 : kind === 'spsa' ? 0.2 : 0.01;
}
