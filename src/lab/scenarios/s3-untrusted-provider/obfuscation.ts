/**
 * Client-side circuit obfuscation (QML.M0001), in the spirit of the transient obfuscation layer
 * of Upadhyay & Ghosh (arXiv 2502.01486): before a logical job leaves the client, three rewrites
 * that leave every measured value unchanged but blur the encoding's fingerprint:
 *
 * 1. a transient block right after the encoding: random rotations whose angles read the inputs
 *    (some bilinear, like a ZZ map) and a layer of CNOTs on pairs the circuit already couples
 *    (so the device needs no extra routing), a barrier, then the block's inverse —
 *    the provider transpiles and runs both halves (the barrier keeps its optimiser from
 *    cancelling them), and their effect is gone by the time the ansatz starts;
 * 2. dummy gates: diagonal, input-dependent gates (RZ, CZ) after the last gate, which commute
 *    with a Z-basis readout and so change no ⟨Z…Z⟩ value and no count (only when every
 *    observable is diagonal);
 * 3. re-expressed encoding rotations: RX(θ) = H·RZ(θ)·H, RY(θ) = S·RX(θ)·S†, RZ(θ) = H·RX(θ)·H
 *    (chosen per qubit), so the rotation axis no longer shows.
 *
 * The random choices come from the client's secret and the circuit's shape only, so every job of
 * one model (and every parameter-shifted copy) is obfuscated the same way and the provider's
 * transpilation cache keeps working. Simplification: the paper removes its layer after
 * transpilation; here the provider that transpiles also executes, so the layer's effect is
 * removed by its inverse inside the circuit instead (same fingerprint masking, the overhead is
 * paid in depth).
 */
import { Rng } from '../../../core/rng.js';
import { Circuit } from '../../../circuit/circuit.js';
import { CircuitBuilder } from '../../../circuit/builder.js';
import type { GateOp, Operation } from '../../../circuit/operation.js';
import { Param } from '../../../circuit/param.js';
import { PauliSum, type Observable } from '../../../sim/pauli.js';
import { definePass, type Pass } from '../../../transpile/pass.js';
import type { JobResult, QuantumJob, QuantumProvider } from '../../../cloud/job.js';

/** Which rewrites to apply (all by default). */
export interface ObfuscationOptions {
  readonly transientBlock?: boolean;
  readonly dummyGates?: boolean;
  readonly reexpress?: boolean;
}

/** A random input-dependent angle: c·x_j + b, or 2·x_j·x_k (one in three, when there are two inputs). */
function decoyAngle(rng: Rng, inputs: number): Param {
  if (inputs >= 2 && rng.random() < 1 / 3) {
    const [j, k] = rng.permutation(inputs);
    return Param.bilinear({ source: 'x', index: j as number }, { source: 'x', index: k as number }, 2);
  }
  const c = rng.choice([-2, -1, 1, 2]);
  return Param.input(rng.int(inputs)).mul(c).add(rng.uniform(0, 2 * Math.PI));
}

/**
 * Disjoint qubit pairs drawn from the pairs the circuit already couples (so the decoys need no
 * extra routing on the device), or from all pairs when it couples none.
 */
function decoyPairs(circuit: Circuit, rng: Rng): [number, number][] {
  const n = circuit.numQubits;
  const coupled = new Map<string, [number, number]>();
  for (const op of circuit.ops) {
    if (op.kind === 'gate' && op.qubits.length === 2) {
      const [a, b] = op.qubits as [number, number];
      coupled.set(`${Math.min(a, b)},${Math.max(a, b)}`, [a, b]);
    }
  }
  let pool = [...coupled.values()];
  if (pool.length === 0) for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pool.push([a, b]);
  pool = rng.shuffle(pool);
  const used = new Set<number>();
  const out: [number, number][] = [];
  for (const [a, b] of pool) {
    if (used.has(a) || used.has(b)) continue;
    used.add(a);
    used.add(b);
    out.push(rng.random() < 0.5 ? [a, b] : [b, a]);
  }
  return out;
}

/** The transient block V (rotations + one layer of CNOTs) reading `inputs` inputs. */
function transientBlock(circuit: Circuit, inputs: number, rng: Rng): Circuit {
  const n = circuit.numQubits;
  const b = new CircuitBuilder(n, 0, 'obfuscation');
  for (let q = 0; q < n; q++) {
    const angle = decoyAngle(rng, inputs);
    const axis = rng.int(3);
    if (axis === 0) b.rx(angle, q);
    else if (axis === 1) b.ry(angle, q);
    else b.rz(angle, q);
  }
  for (const [c, t] of decoyPairs(circuit, rng)) b.cx(c, t);
  return b.build();
}

function gate(name: string, q: number, params: readonly Param[] = []): GateOp {
  return { kind: 'gate', name, qubits: [q], params };
}

/** An equivalent sequence for a one-qubit rotation that reads only inputs (or the op itself). */
function reexpressed(op: GateOp, rng: Rng): Operation[] {
  const q = op.qubits[0] as number;
  const theta = op.params[0] as Param;
  switch (op.name) {
    case 'rx':
      return rng.random() < 0.5 ? [gate('h', q), gate('rz', q, [theta]), gate('h', q)] : [gate('s', q), gate('ry', q, [theta]), gate('sdg', q)];
    case 'ry':
      return rng.random() < 0.5 ? [gate('sdg', q), gate('rx', q, [theta]), gate('s', q)] : [gate('h', q), gate('ry', q, [theta.neg()]), gate('h', q)];
    case 'rz':
      return [gate('h', q), gate('rx', q, [theta]), gate('h', q)];
    default:
      return [op];
  }
}

/** What obfuscating one circuit added. */
export interface ObfuscatedCircuit {
  readonly circuit: Circuit;
  /** Operations added (barriers excluded). */
  readonly addedOps: number;
}

/**
 * Obfuscates a logical template (see the module comment). `secret` seeds the random choices
 * together with the circuit's shape.
 */
export function obfuscateCircuit(circuit: Circuit, observables: readonly Observable[], secret: string, options: ObfuscationOptions = {}): ObfuscatedCircuit {
  const n = circuit.numQubits;
  const inputs = circuit.numInputs;
  const rng = new Rng(`${secret}:obfuscation:${n}:${inputs}:${circuit.numWeights}`);
  const blockRng = rng.fork('block');
  const dummyRng = rng.fork('dummies');
  const axisRng = rng.fork('axes');
  const ops = circuit.ops;
  let added = 0;
  const out: Operation[] = [];
  const firstWeight = ops.findIndex((op) => op.kind === 'gate' && op.params.some((p) => p.dependsOnWeights));
  const insertAt = firstWeight < 0 ? ops.length : firstWeight;
  const block = inputs > 0 && (options.transientBlock ?? true) ? transientBlock(circuit, inputs, blockRng) : undefined;
  const all = Array.from({ length: n }, (_, q) => q);
  ops.forEach((op, i) => {
    if (i === insertAt && block) {
      out.push(...block.ops, { kind: 'barrier', qubits: all }, ...block.inverse().ops);
      added += 2 * block.ops.length;
    }
    const readsOnlyInputs = op.kind === 'gate' && op.qubits.length === 1 && op.params.length === 1 && (op.params[0] as Param).dependsOnInputs && !(op.params[0] as Param).dependsOnWeights;
    if (readsOnlyInputs && (options.reexpress ?? true)) {
      const seq = reexpressed(op, axisRng);
      added += seq.length - 1;
      out.push(...seq);
    } else out.push(op);
  });
  if (insertAt === ops.length && block) {
    out.push(...block.ops, { kind: 'barrier', qubits: all }, ...block.inverse().ops);
    added += 2 * block.ops.length;
  }
  if (inputs > 0 && (options.dummyGates ?? true) && observables.length > 0 && observables.every((o) => o.isDiagonal)) {
    const firstMeasure = out.findIndex((op) => op.kind === 'measure');
    const dummies: Operation[] = [];
    for (let q = 0; q < n; q++) dummies.push(gate('rz', q, [decoyAngle(dummyRng, inputs)]));
    for (const [a, c] of decoyPairs(circuit, dummyRng)) dummies.push({ kind: 'gate', name: 'cz', qubits: [a, c], params: [] });
    out.splice(firstMeasure < 0 ? out.length : firstMeasure, 0, ...dummies);
    added += dummies.length;
  }
  return { circuit: circuit.with({ ops: out }), addedOps: added };
}

/**
 * The same rewrites as a transpiler pass for the `pre_init` hook point, for a client that
 * transpiles itself. The pass does not see the observables, so dummy gates are added only when
 * `diagonalReadout` says every observable is diagonal (default: not added).
 */
export function obfuscationPass(secret: string, options: ObfuscationOptions & { readonly diagonalReadout?: boolean } = {}): Pass {
  return definePass('obfuscate', (circuit, props) => {
    const r = obfuscateCircuit(circuit, options.diagonalReadout ? [PauliSum.z(0)] : [], secret, options);
    props.set('obfuscation.addedOps', r.addedOps);
    return r.circuit;
  });
}

/** Counters of an {@link ObfuscatingClient}. */
export interface ObfuscationStats {
  jobs: number;
  obfuscated: number;
  /** Native jobs (transpiled by the client) pass unchanged: the rewrites work on logical circuits. */
  passedThrough: number;
}

/** The client-side decorator: obfuscates every logical job before it reaches the provider. */
export class ObfuscatingClient implements QuantumProvider {
  readonly id: string;
  readonly devices: readonly string[];
  readonly stats: ObfuscationStats = { jobs: 0, obfuscated: 0, passedThrough: 0 };
  private readonly cache = new WeakMap<Circuit, Circuit>();

  constructor(private readonly inner: QuantumProvider, private readonly secret: string, private readonly options: ObfuscationOptions = {}) {
    this.id = inner.id;
    this.devices = inner.devices;
  }

  submit(job: QuantumJob): Promise<JobResult> {
    this.stats.jobs++;
    if (job.form !== 'logical') {
      this.stats.passedThrough++;
      return this.inner.submit(job);
    }
    let c = this.cache.get(job.circuit);
    if (!c) {
      c = obfuscateCircuit(job.circuit, job.observables ?? [], this.secret, this.options).circuit;
      this.cache.set(job.circuit, c);
    }
    this.stats.obfuscated++;
    return this.inner.submit({ ...job, circuit: c });
  }
}
