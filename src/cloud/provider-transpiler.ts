/**
 * Provider-side transpilation of logical jobs. Parameter-shift training sends one template and
 * dozens of copies of it that differ only in one gate's parameter expression, every step; the
 * provider transpiles each *structure* once: every symbolic gate parameter is replaced by its
 * own placeholder weight, the placeholder circuit is transpiled (parameters stay affine
 * expressions through the transpiler), and each job's real expressions are substituted back.
 * The result equals transpiling the job's circuit itself, up to symbolic simplifications that
 * distinct placeholders cannot see (which never change what the circuit computes).
 */
import { InputError } from '../core/errors.js';
import type { Circuit } from '../circuit/circuit.js';
import type { Operation } from '../circuit/operation.js';
import { Param } from '../circuit/param.js';
import type { Observable } from '../sim/pauli.js';
import type { PassesByPoint } from '../transpile/pass-manager.js';
import type { Target } from '../transpile/target.js';
import { transpile, type TranspileResult } from '../transpile/transpile.js';
import { placeOnRegion, type PlacedCircuit } from './device-region.js';

/** Transpiler settings of a provider. */
export interface ProviderTranspilerOptions {
  /** Optimisation level 0–3 (default 1). */
  readonly level?: number;
  /** Seed of the randomised passes (default 0). */
  readonly seed?: number;
  /** Extra passes at hook points (the provider's own compiler configuration). */
  readonly passes?: PassesByPoint;
}

interface Canonical {
  readonly key: string;
  readonly circuit: Circuit;
  /** The real expression behind placeholder w[k]. */
  readonly originals: readonly Param[];
}

function canonicalize(circuit: Circuit): Canonical {
  const originals: Param[] = [];
  const parts: string[] = [`${circuit.numQubits}/${circuit.numClbits}`];
  const ops = circuit.ops.map((op): Operation => {
    if (op.kind !== 'gate') {
      parts.push(op.kind === 'measure' ? `m${op.qubit}>${op.clbit}` : op.kind === 'reset' ? `r${op.qubit}` : `|${op.qubits.join(',')}`);
      return op;
    }
    const params = op.params.map((p) => {
      if (p.isConstant) return p;
      originals.push(p);
      return Param.weight(originals.length - 1);
    });
    parts.push(`${op.name}${op.qubits.join(',')}(${op.params.map((p) => (p.isConstant ? String(p.constant) : '#')).join(',')})${op.condition ? `?${op.condition.clbits.join(',')}=${op.condition.value}` : ''}`);
    return { ...op, params };
  });
  return { key: parts.join(';'), circuit: circuit.with({ ops }), originals };
}

function substitute(p: Param, originals: readonly Param[]): Param {
  if (p.isConstant) return p;
  let out = Param.constant(p.constant);
  for (const t of p.terms) {
    const original = originals[t.index];
    if (t.source !== 'w' || t.factor || original === undefined) {
      throw new InputError(`the transpiler produced the parameter ${p.toString()}, which is not affine in the job's parameters`, 'TRANSPILE');
    }
    out = out.add(original.mul(t.coeff));
  }
  return out;
}

/** A provider's transpiler for one device, caching one transpilation per circuit structure. */
export class ProviderTranspiler {
  private readonly cache = new Map<string, TranspileResult>();

  constructor(readonly target: Target, private readonly options: ProviderTranspilerOptions = {}) {}

  /** Number of distinct structures transpiled so far. */
  get transpilations(): number {
    return this.cache.size;
  }

  /** The full transpilation of a structure (for inspection: layouts, metrics, property set). */
  transpileStructure(circuit: Circuit, region?: readonly number[]): { result: TranspileResult; originals: readonly Param[] } {
    const c = canonicalize(circuit);
    const key = `${c.key}@${region?.join(',') ?? ''}`;
    let result = this.cache.get(key);
    if (!result) {
      result = transpile(c.circuit, this.target, {
        level: this.options.level ?? 1,
        seed: this.options.seed ?? 0,
        ...(region ? { initialLayout: region } : {}),
        ...(this.options.passes ? { passes: this.options.passes } : {}),
      });
      this.cache.set(key, result);
    }
    return { result, originals: c.originals };
  }

  /** Transpiles `circuit` (logical) and places it on the qubits it occupies. */
  place(circuit: Circuit, observables: readonly Observable[], region?: readonly number[]): PlacedCircuit {
    if (region && region.length !== circuit.numQubits) {
      throw new InputError(`the job's region lists ${region.length} qubit(s) but its circuit has ${circuit.numQubits}`, 'LAYOUT');
    }
    const { result, originals } = this.transpileStructure(circuit, region);
    const ops = result.circuit.ops.map((op): Operation => (op.kind === 'gate' && op.params.some((p) => !p.isConstant) ? { ...op, params: op.params.map((p) => substitute(p, originals)) } : op));
    return placeOnRegion(result.circuit.with({ ops }), observables, result.finalLayout);
  }
}
