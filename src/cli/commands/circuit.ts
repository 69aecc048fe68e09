/**
 * `qmlsec circuit SPEC.yaml` — the model's circuit (encoder + ansatz + final measurements),
 * bound to given inputs and weights, as OpenQASM 2/3 or a drawing, to run elsewhere.
 * Flat weights follow the ansatz's documented order (StronglyEntanglingLayers: row-major
 * over (layer, wire, [φ, θ, ω])); a model artifact can supply them.
 */
import type { Command } from 'commander';
import { InputError, UsageError } from '../../core/errors.js';
import { parseJson } from '../../core/schema.js';
import { CircuitBuilder } from '../../circuit/builder.js';
import type { Circuit } from '../../circuit/circuit.js';
import { getGate } from '../../circuit/gates.js';
import { Param, type ParamTerm } from '../../circuit/param.js';
import { toQasm2, toQasm3 } from '../../circuit/qasm/index.js';
import { QNN } from '../../qml/qnn.js';
import { loadModelSpec, qnnConfigOf } from '../../qml/spec.js';
import { deviceSubgraphEdges } from '../../cloud/device-executor.js';
import { readTextFile } from '../io.js';
import { parseChoice, printLine } from '../output.js';

function parseNumberList(what: string) {
  return (value: string): number[] => {
    const parts = value.split(',').map((s) => s.trim());
    return parts.map((p, i) => {
      const n = Number(p);
      if (p === '' || !Number.isFinite(n)) throw new UsageError(`${what}: entry ${i} ("${p}") is not a finite number`);
      return n;
    });
  };
}

/** Weights from "v1,v2,…", a JSON array file, {"weights": […]}, or a model artifact. */
function readWeights(value: string, numWeights: number): number[] {
  let weights: unknown;
  if (/^[-+\d.,\seE]+$/.test(value) && !value.endsWith('.json')) weights = parseNumberList('--weights')(value);
  else {
    const json = parseJson(readTextFile(value), value);
    if (Array.isArray(json)) weights = json;
    else if (json && typeof json === 'object' && Array.isArray((json as { weights?: unknown }).weights)) weights = (json as { weights: unknown[] }).weights;
    else if (json && typeof json === 'object' && Array.isArray((json as { params?: unknown }).params)) weights = ((json as { params: unknown[] }).params).slice(0, numWeights);
    else throw new InputError(`${value}: expected a JSON array of weights, {"weights": [...]}, or a model artifact`, 'WEIGHTS');
  }
  const w = weights as unknown[];
  if (w.length !== numWeights) throw new InputError(`the model has ${numWeights} weights; got ${w.length}`, 'SHAPE');
  w.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`weight ${i} must be a finite number, got ${String(v)}`, 'NOT_FINITE');
  });
  return w as number[];
}

/** Appends measurements of the measured wires (with basis changes for X/Y observables). */
function withMeasurements(qnn: QNN): Circuit {
  const basis = new Map<number, 'X' | 'Y' | 'Z'>();
  for (const o of qnn.observables) {
    for (const t of o.terms) {
      for (const p of t.paulis) {
        const prev = basis.get(p.qubit);
        if (prev && prev !== p.pauli) throw new UsageError(`the observables measure qubit ${p.qubit} in both ${prev} and ${p.pauli}: no single measurement circuit; use --no-measure`);
        basis.set(p.qubit, p.pauli);
      }
    }
  }
  const wires = [...basis.keys()].sort((a, b) => a - b);
  const b = new CircuitBuilder(qnn.numQubits, wires.length, 'qnn');
  b.append(qnn.circuit);
  wires.forEach((q, c) => {
    const p = basis.get(q);
    if (p === 'Y') b.gate(getGate('sdg').name, [q]);
    if (p === 'X' || p === 'Y') b.h(q);
    b.measure(q, c);
  });
  return b.build();
}

export function registerCircuit(program: Command): void {
  program
    .command('circuit')
    .description("print a model spec's circuit (encoder + ansatz + measurements) bound to inputs and weights")
    .argument('<spec>', 'model spec file')
    .option('--x <values>', 'input features (after preprocessing), comma-separated', parseNumberList('--x'))
    .option('--weights <w>', 'flat weights "v1,v2,…", a JSON file, or a model artifact')
    .option('--format <fmt>', 'qasm (OpenQASM 2), qasm3 or text', parseChoice('--format', ['qasm', 'qasm3', 'text'] as const), 'qasm')
    .option('--no-measure', 'leave out the final measurements')
    .action((specPath: string, opts: { x?: number[]; weights?: string; format: 'qasm' | 'qasm3' | 'text'; measure: boolean }) => {
      const spec = loadModelSpec(specPath);
      const qnn = new QNN(qnnConfigOf(spec, deviceSubgraphEdges));
      let circuit = opts.measure ? withMeasurements(qnn) : qnn.circuit;
      const bindInputs = opts.x !== undefined;
      const bindWeights = opts.weights !== undefined;
      if (opts.format === 'qasm' && (!bindInputs || !bindWeights)) {
        throw new UsageError('OpenQASM 2 has no free parameters: give both --x and --weights, or use --format qasm3 for the template');
      }
      if (bindInputs || bindWeights) {
        let x: number[] | undefined;
        if (opts.x) {
          if (opts.x.length !== qnn.numFeatures) throw new InputError(`--x has ${opts.x.length} value(s); the encoder takes ${qnn.numFeatures}`, 'SHAPE');
          x = Array.from(qnn.encode([opts.x])[0] as Float64Array);
        }
        const w = opts.weights ? readWeights(opts.weights, qnn.numWeights) : undefined;
        if (x && w) circuit = circuit.bind(x, w);
        else circuit = bindPartially(circuit, x, w);
      }
      printLine(opts.format === 'qasm' ? toQasm2(circuit).trimEnd() : opts.format === 'qasm3' ? toQasm3(circuit).trimEnd() : circuit.draw());
    });
}

/** Binds only the inputs or only the weights (the rest stays symbolic, for OpenQASM 3). */
function bindPartially(circuit: Circuit, x: number[] | undefined, w: number[] | undefined): Circuit {
  const ops = circuit.ops.map((op) => (op.kind === 'gate' ? { ...op, params: op.params.map((p) => substitute(p, x, w)) } : op));
  return circuit.with({ ops });
}

function substitute(p: Param, x: number[] | undefined, w: number[] | undefined): Param {
  let constant = p.constant;
  const terms: ParamTerm[] = [];
  const known = (source: 'x' | 'w', index: number) => (source === 'x' ? x?.[index] : w?.[index]);
  for (const t of p.terms) {
    const a = known(t.source, t.index);
    if (!t.factor) {
      if (a !== undefined) constant += t.coeff * a;
      else terms.push(t);
      continue;
    }
    const b = known(t.factor.source, t.factor.index);
    if (a !== undefined && b !== undefined) constant += t.coeff * a * b;
    else if (a !== undefined) terms.push({ source: t.factor.source, index: t.factor.index, coeff: t.coeff * a });
    else if (b !== undefined) terms.push({ source: t.source, index: t.index, coeff: t.coeff * b });
    else terms.push(t);
  }
  return Param.affine(constant, terms);
}
