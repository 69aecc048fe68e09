/**
 * Per-binding angles of a program's rotations: for rotation r and binding b, φ = coeff·θ_b
 * with θ_b the parameter's value. Uniform angles (same for every binding) are stored once.
 */
import type { PackedBindings } from './bindings.js';
import type { Program, RotationInstr } from './program.js';

export interface RotationAngles {
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  /** θ values (before the coefficient), for reporting and shift rules. */
  readonly theta: Float64Array;
}

/** Computes cos/sin of every rotation's angle for every binding. */
export function computeAngles(program: Program, bindings: PackedBindings): Map<RotationInstr, RotationAngles> {
  const out = new Map<RotationInstr, RotationAngles>();
  const visit = (instrs: Program['instrs']) => {
    for (const instr of instrs) {
      if (instr.op === 'cond') visit(instr.body);
      else if (instr.op === 'rot') out.set(instr, anglesFor(instr, bindings));
    }
  };
  visit(program.instrs);
  return out;
}

function anglesFor(instr: RotationInstr, b: PackedBindings): RotationAngles {
  const p = instr.param;
  const uniform = !p.dependsOnInputs && (b.weightsShared || !p.dependsOnWeights);
  const n = uniform ? 1 : b.batch;
  const theta = new Float64Array(n);
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = p.constant;
    for (const t of p.terms) v += t.coeff * valueOf(b, i, t.source, t.index) * (t.factor ? valueOf(b, i, t.factor.source, t.factor.index) : 1);
    theta[i] = v;
    const phi = instr.coeff * v;
    cos[i] = Math.cos(phi);
    sin[i] = Math.sin(phi);
  }
  return { cos, sin, theta };
}

/** Input or weight `index` of binding `i` (no closure: this runs per binding and term). */
function valueOf(b: PackedBindings, i: number, source: 'x' | 'w', index: number): number {
  return source === 'x'
    ? (b.inputs[i * b.numInputs + index] as number)
    : (b.weights[(b.weightsShared ? 0 : i * b.numWeights) + index] as number);
}
